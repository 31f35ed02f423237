#!/usr/bin/env python3
"""The production topology in processes (infra/local): nginx in front of two proxy replicas, an
api and a worker on Postgres and Redis. Load from the official OpenAI SDK through nginx, half of
it streaming, while:

1. each proxy is restarted in turn the way Kubernetes does (infra/local/roll.sh): must end with
   zero failed requests and one usage row per answered request;
2. one proxy is killed with -9: reports how many requests failed (those in flight on it) and
   checks that the rest went on.

    python3 tests/topology/rolling_restart.py    (after a debug build: cargo build --workspace)

Prints a JSON summary; exits 1 when a check fails.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import openai

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOCAL = os.path.join(ROOT, "infra", "local")
TARGET = os.path.join(ROOT, "target", "debug")
PG = os.environ.get("SATU_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
LB_PORT = 18080
WORKERS = 12
MODEL = "gpt-4o-mini"


def log(msg):
    print(f"[rolling-restart {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(db_url, sql):
    out = subprocess.run(["psql", db_url, "-Atqc", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def ensure_tools():
    if shutil.which("nginx") is None:
        log("installing nginx")
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx"],
                       check=True, stdout=subprocess.DEVNULL)
    for binary, package in [("satu", "satu"), ("bench-mock", "satu-bench")]:
        if not os.path.exists(os.path.join(TARGET, binary)):
            subprocess.run(["cargo", "build", "-q", "-p", package, "--bin", binary], cwd=ROOT, check=True)


class Topology:
    def __init__(self, state, db_url):
        self.env = dict(os.environ, STATE=state, DATABASE_URL=db_url, LB_PORT=str(LB_PORT),
                        SATU_BIN=os.path.join(TARGET, "satu"), RUST_LOG="warn")
        self.state = state

    def run(self, script, *args):
        subprocess.run([os.path.join(LOCAL, script), *args], env=self.env, check=True)

    def admin(self, *args):
        env = dict(self.env)
        with open(os.path.join(self.state, "env")) as f:
            env.update(line.strip().split("=", 1) for line in f if "=" in line)
        out = subprocess.run([os.path.join(TARGET, "satu"), "admin", *args], env=env, check=True,
                             capture_output=True, text=True)
        return out.stdout.strip().splitlines()[-1]

    def pid(self, name):
        with open(os.path.join(self.state, f"{name}.pid")) as f:
            return int(f.read())


class Load:
    """WORKERS threads sending through nginx until stopped; every other request streams."""

    def __init__(self, key):
        self.client = openai.OpenAI(base_url=f"http://127.0.0.1:{LB_PORT}/v1", api_key=key,
                                    max_retries=0, timeout=60)
        self.lock = threading.Lock()
        self.ok, self.failed, self.errors = [], [], []
        self.running = True
        self.threads = [threading.Thread(target=self.work, args=(i,)) for i in range(WORKERS)]

    def one(self, stream):
        messages = [{"role": "user", "content": "Say hello."}]
        if stream:
            text = ""
            for chunk in self.client.chat.completions.create(model=MODEL, messages=messages, stream=True):
                if chunk.choices and chunk.choices[0].delta.content:
                    text += chunk.choices[0].delta.content
            if not text:
                raise RuntimeError("a stream ended without content")
        else:
            answer = self.client.chat.completions.create(model=MODEL, messages=messages)
            if not answer.choices[0].message.content:
                raise RuntimeError("an answer without content")

    def work(self, n):
        i = 0
        while self.running:
            started = time.monotonic()
            try:
                self.one(stream=(n + i) % 2 == 0)
                with self.lock:
                    self.ok.append(time.monotonic())
            except Exception as e:  # every failure counts, whatever its kind
                with self.lock:
                    self.failed.append(started)
                    self.errors.append(f"{type(e).__name__}: {e}"[:200])
            i += 1

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for t in self.threads:
            t.join()


def check_load_balancer(key):
    """nginx as the Ingress: /metrics refused from outside, streams passed on chunk by chunk."""
    import urllib.error
    import urllib.request
    failures = []
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{LB_PORT}/metrics", timeout=5)
        failures.append("/metrics answered through the load balancer")
    except urllib.error.HTTPError as e:
        if e.code != 403:
            failures.append(f"/metrics through the load balancer: {e.code}, not 403")
    client = openai.OpenAI(base_url=f"http://127.0.0.1:{LB_PORT}/v1", api_key=key, max_retries=0)
    started = time.monotonic()
    first = None
    for chunk in client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "Hi"}], stream=True):
        if first is None and chunk.choices and chunk.choices[0].delta.content:
            first = time.monotonic() - started
    total = time.monotonic() - started
    # Ten chunks 100 ms apart: unbuffered, the first arrives long before the last.
    if first is None or first > total / 2:
        failures.append(f"the stream was buffered: first chunk at {first}s of {total:.2f}s")
    return {"stream_first_chunk_ms": round((first or 0) * 1000), "stream_total_ms": round(total * 1000),
            "failures": failures}


def usage_rows(db_url):
    return int(psql(db_url, "select count(*) from usage_events"))


def settled_rows(db_url, expected, seconds=15):
    """The usage rows once `expected` are in (or the time is up), read again a moment later
    so that a row too many shows as well as a row too few."""
    deadline = time.monotonic() + seconds
    while usage_rows(db_url) < expected and time.monotonic() < deadline:
        time.sleep(0.25)
    time.sleep(1.5)
    return usage_rows(db_url)


def main():
    ensure_tools()
    name = f"satu_topology_{uuid.uuid4().hex[:10]}"
    db_url = f"{PG}/{name}"
    state = tempfile.mkdtemp(prefix="satu-topology-")
    mock_port = free_port()
    # Streams of 10 chunks 100 ms apart: a second in flight each, so restarts meet open streams.
    mock = subprocess.Popen([os.path.join(TARGET, "bench-mock"), "--addr", f"127.0.0.1:{mock_port}",
                             "--chunks", "10", "--delay-ms", "100"])
    topology = Topology(state, db_url)
    summary, failures = {}, []
    try:
        topology.run("up.sh")
        topology.admin("create-user", "--email", "load@example.com", "--plan", "pro")
        topology.admin("set-limits", "--email", "load@example.com", "--monthly-requests", "1000000000",
                       "--rpm", "1000000000", "--tpm", "1000000000000")
        key = topology.admin("create-key", "--email", "load@example.com")
        topology.admin("add-account", "--email", "load@example.com", "--provider", "openai",
                       "--api-key", "sk-load", "--base-url", f"http://127.0.0.1:{mock_port}/v1")

        summary["load_balancer"] = check_load_balancer(key)
        failures += summary["load_balancer"].pop("failures")

        # Each phase counts its own rows: the check above stored one.
        baseline = settled_rows(db_url, 1)

        log("rolling restart of both proxies under load")
        before = {n: topology.pid(n) for n in ("proxy-1", "proxy-2")}
        started = time.monotonic()
        with Load(key) as load:
            time.sleep(3)
            for replica in ("proxy-1", "proxy-2"):
                topology.run("roll.sh", replica)
                time.sleep(2)
        rolled = {n: topology.pid(n) for n in ("proxy-1", "proxy-2")}
        rows = settled_rows(db_url, baseline + len(load.ok)) - baseline
        summary["rolling_restart"] = {
            "seconds": round(time.monotonic() - started, 1),
            "requests_answered": len(load.ok),
            "requests_failed": len(load.failed),
            "usage_rows": rows,
            "usage_rows_lost": len(load.ok) - rows,
            "errors": sorted(set(load.errors))[:5],
        }
        if any(before[n] == rolled[n] for n in before):
            failures.append("a proxy was not restarted")
        if load.failed:
            failures.append(f"{len(load.failed)} requests failed during the rolling restart")
        if rows != len(load.ok):
            failures.append(f"{len(load.ok)} answered requests but {rows} usage rows")
        if len(load.ok) < 100:
            failures.append(f"only {len(load.ok)} requests were answered")

        log("kill -9 of proxy-1 under load")
        with Load(key) as crash:
            time.sleep(3)
            killed_at = time.monotonic()
            os.kill(topology.pid("proxy-1"), 9)
            time.sleep(6)
        # What failed was in flight on proxy-1 when it died (nginx then skips it).
        after_kill = [t for t in crash.ok if t > killed_at + 1]
        late_failures = [t for t in crash.failed if t > killed_at + 1]
        baseline += rows
        rows_after = settled_rows(db_url, baseline + len(crash.ok)) - baseline
        summary["kill_9"] = {
            "requests_answered": len(crash.ok),
            "requests_failed": len(crash.failed),
            "failed_at_most": WORKERS,
            "answered_after_the_kill": len(after_kill),
            "failed_later_than_1s_after_the_kill": len(late_failures),
            "usage_rows_lost": len(crash.ok) - rows_after,
            "errors": sorted(set(crash.errors))[:5],
        }
        if len(crash.failed) > WORKERS:
            failures.append(f"{len(crash.failed)} failures after kill -9: more than were in flight")
        if late_failures:
            failures.append(f"{len(late_failures)} requests failed after nginx had the survivor")
        if len(after_kill) < 50:
            failures.append(f"only {len(after_kill)} requests answered after the kill")
    finally:
        try:
            topology.run("down.sh")
        except subprocess.CalledProcessError as e:
            failures.append(f"down.sh failed: {e}")
        mock.terminate()
        mock.wait()
        psql(f"{PG}/postgres", f'drop database if exists "{name}" with (force)')
        if not failures:
            shutil.rmtree(state, ignore_errors=True)
        else:
            log(f"logs kept in {state}")
    summary["failures"] = failures
    print(json.dumps(summary, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
