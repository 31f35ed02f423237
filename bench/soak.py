#!/usr/bin/env python3
"""Satu under steady load for a long while (not CI): does memory stay flat and latency steady?

    python3 bench/soak.py                # 30 minutes
    python3 bench/soak.py --minutes 5    # a shorter look

Uses bench/run.py's binaries and set-up (a real user, key and accounts; limits on; usage
recorded to SQLite). A fixed rate (wrk2-style pacing is not available, so 16 connections
with one wrk run per minute) of mixed traffic: passthrough, both translated paths and
streams. Every minute it samples satu's RSS, its CPU per request and wrk's p50/p99, and at
the end reports the drift from the first minutes to the last and writes bench/SOAK.md.
"""
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the benchmark's helpers)

MINUTES = int(sys.argv[sys.argv.index("--minutes") + 1]) if "--minutes" in sys.argv else 30
CONNECTIONS = 16
PATHS = ("openai_via", "claude_via_openai", "gpt_via_anthropic")


def main():
    run.ensure_tools()
    tmp = tempfile.mkdtemp(prefix="satu-soak-")
    procs = []
    try:
        mock = run.Proc([os.path.join(run.RELEASE, "bench-mock"), "--addr", f"127.0.0.1:{run.MOCK_PORT}"])
        slow = run.Proc([os.path.join(run.RELEASE, "bench-mock"), "--addr", f"127.0.0.1:{run.SLOW_MOCK_PORT}",
                         "--chunks", "10", "--delay-ms", "1000"])
        procs += [mock, slow]
        run.wait_port(run.MOCK_PORT)
        run.wait_port(run.SLOW_MOCK_PORT)
        env = run.satu_env(tmp)
        key, _ = run.seed(env)
        env["BENCH_KEY"] = key
        satu, _ = run.start_satu(env)
        procs.append(satu)
        via = f"http://127.0.0.1:{run.SATU_PORT}"
        scripts = {
            "openai_via": run.lua_script(tmp, "openai_via", run.OPENAI_BODY, key),
            "claude_via_openai": run.lua_script(tmp, "claude_via_openai", run.CLAUDE_VIA_OPENAI_BODY, key),
            "gpt_via_anthropic": run.lua_script(tmp, "gpt_via_anthropic", run.GPT_VIA_ANTHROPIC_BODY, key, True),
        }
        urls = {"gpt_via_anthropic": f"{via}/v1/messages"}
        samples = []
        started = time.time()
        for minute in range(MINUTES):
            path = PATHS[minute % len(PATHS)]
            ticks = satu.cpu_ticks()
            result = run.wrk(urls.get(path, f"{via}/v1/chat/completions"), scripts[path], CONNECTIONS, 55)
            cpu_us = (satu.cpu_ticks() - ticks) / run.CLK_TCK * 1e6 / result["requests"]
            sample = {"minute": minute + 1, "path": path, "rss_mib": satu.rss_mib(), "cpu_us": cpu_us, **result}
            samples.append(sample)
            run.log(f"minute {minute + 1}: {path} {result['rps']:.0f} rps, p50 {result['p50_us']:.0f} µs, "
                    f"p99 {result['p99_us']:.0f} µs, CPU {cpu_us:.1f} µs, RSS {sample['rss_mib']:.1f} MiB")
            time.sleep(max(0.0, started + 60 * (minute + 1) - time.time()))
        write(samples)
    finally:
        for p in procs:
            p.stop()


def drift(samples, key):
    window = max(1, len(samples) // 5)
    first = statistics.median(s[key] for s in samples[:window])
    last = statistics.median(s[key] for s in samples[-window:])
    return first, last, (last - first) / first * 100 if first else 0.0


def write(samples):
    lines = [
        "# Soak",
        "",
        f"Written by `python3 bench/soak.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{len(samples)} minutes of {CONNECTIONS} connections, the paths taking turns by minute.",
        "",
        "| figure | first fifth | last fifth | drift |",
        "|---|---|---|---|",
    ]
    for key, label in (("rss_mib", "RSS (MiB)"), ("cpu_us", "CPU per request (µs)"),
                       ("p50_us", "p50 (µs)"), ("p99_us", "p99 (µs)"), ("rps", "requests/s")):
        first, last, pct = drift(samples, key)
        lines.append(f"| {label} | {first:.1f} | {last:.1f} | {pct:+.1f}% |")
    lines += ["", "| minute | path | requests/s | p50 µs | p99 µs | CPU µs | RSS MiB |", "|---|---|---|---|---|---|---|"]
    for s in samples:
        lines.append(f"| {s['minute']} | {s['path']} | {s['rps']:.0f} | {s['p50_us']:.0f} | {s['p99_us']:.0f} "
                     f"| {s['cpu_us']:.1f} | {s['rss_mib']:.1f} |")
    with open(os.path.join(run.ROOT, "bench", "SOAK.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
