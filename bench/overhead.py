#!/usr/bin/env python3
"""Quick added-latency check: the same sequential chat requests sent straight to a mock
OpenAI upstream and through `satu serve`, over kept-alive connections; prints medians and p99.

    cargo build --release && python3 bench/overhead.py [path/to/satu] [requests]

The full harness (wrk, CPU per request, streaming, RSS) is the benchmark issue's; this is the
one-request figure the foundation reports. Standard library only.
"""
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = json.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 1764000000, "model": "gpt-4o-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello from the mock!"},
                 "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17,
              "prompt_tokens_details": {"cached_tokens": 0}},
}).encode()
# bytes, so http.client sends headers and body in one write (no Nagle/delayed-ACK stall)
REQUEST = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}).encode()


class Upstream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(port, path, headers, n):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        conn.request("POST", path, REQUEST, headers)
        resp = conn.getresponse()
        resp.read()
        samples.append(time.perf_counter() - t)
        assert resp.status == 200, resp.status
    conn.close()
    return samples


def p(samples, q):
    return sorted(samples)[int(len(samples) * q) - 1] * 1e6


def main():
    satu = sys.argv[1] if len(sys.argv) > 1 else "target/release/satu"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    upstream_port, satu_port = free_port(), free_port()
    server = ThreadingHTTPServer(("127.0.0.1", upstream_port), Upstream)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    data = tempfile.mkdtemp(prefix="satu-bench-")
    env = dict(os.environ, SATU__SECURITY__DATA_DIR=data, SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS="true",
               RUST_LOG="warn")
    run = lambda *a: subprocess.run([satu, *a], env=env, check=True, capture_output=True, text=True).stdout
    run("admin", "create-user", "--email", "bench@example.com")
    key = run("admin", "create-key", "--email", "bench@example.com").strip().splitlines()[-1]
    run("admin", "add-account", "--email", "bench@example.com", "--provider", "openai", "--api-key", "sk-x",
        "--base-url", f"http://127.0.0.1:{upstream_port}/v1")
    proc = subprocess.Popen([satu, "serve", "--bind", f"127.0.0.1:{satu_port}"], env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", satu_port)).close()
                break
            except OSError:
                time.sleep(0.05)
        direct_h = {"content-type": "application/json", "authorization": "Bearer sk-x"}
        via_h = {"content-type": "application/json", "authorization": f"Bearer {key}"}
        timed(upstream_port, "/v1/chat/completions", direct_h, 300)
        timed(satu_port, "/v1/chat/completions", via_h, 300)
        direct = timed(upstream_port, "/v1/chat/completions", direct_h, n)
        via = timed(satu_port, "/v1/chat/completions", via_h, n)
        dm, vm = statistics.median(direct) * 1e6, statistics.median(via) * 1e6
        print(f"requests each: {n} (sequential, one kept-alive connection)")
        print(f"direct   p50 {dm:8.0f} µs   p99 {p(direct, 0.99):8.0f} µs")
        print(f"via satu p50 {vm:8.0f} µs   p99 {p(via, 0.99):8.0f} µs")
        print(f"added    p50 {vm - dm:8.0f} µs   p99 {p(via, 0.99) - p(direct, 0.99):8.0f} µs")
    finally:
        proc.terminate()
        proc.wait()
        server.shutdown()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
