#!/usr/bin/env bash
# Serves web/out for the Playwright suite: with the real `satu serve` when the binary
# exists (SATU_BIN, default <repo>/target/debug/satu, else target/release/satu), else with Python's static server
# (a warning says so: no security headers, no 404 page, no /healthz from satu).
set -euo pipefail
WEB="$(cd "$(dirname "$0")/.." && pwd)"
REPO="$(cd "$WEB/.." && pwd)"
PORT="${WEB_E2E_PORT:-18080}"
# Playwright's config makes the data directory (tests read the outbox from its SQLite file).
DATA_GIVEN="${SATU_E2E_DATA:-}"
BIN="${SATU_BIN:-}"
if [ -z "$BIN" ]; then
  BIN="$REPO/target/debug/satu"
  [ -x "$BIN" ] || [ ! -x "$REPO/target/release/satu" ] || BIN="$REPO/target/release/satu"
fi
OUT="$WEB/out"
if [ ! -f "$OUT/index.html" ]; then
  echo "serve.sh: $OUT has no export; run 'npm run build' first" >&2
  exit 1
fi
if [ -x "$BIN" ]; then
  DATA="${DATA_GIVEN:-$(mktemp -d "${TMPDIR:-/tmp}/satu-web-e2e.XXXXXX")}"
  trap 'rm -rf "$DATA"' EXIT
  # Journeys connect to mock upstreams the tests start on 127.0.0.1; links in emails and the
  # snippets carry this server's own address.
  export SATU__WEB__DIR="$OUT" SATU__SECURITY__DATA_DIR="$DATA" \
    SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=true SATU__API__PUBLIC_URL="http://127.0.0.1:$PORT" \
    SATU__API__ATTEMPTS_PER_IP=10000
  echo "serve.sh: satu serve ($BIN) on 127.0.0.1:$PORT" >&2
  # Not exec: the trap must remove the data dir when Playwright stops the server.
  "$BIN" serve --bind "127.0.0.1:$PORT" &
  child=$!
  trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; rm -rf "$DATA"' EXIT INT TERM
  wait "$child"
else
  echo "WARNING: serve.sh: no satu binary at $BIN; serving $OUT with python3 -m http.server instead (no satu headers)" >&2
  cd "$OUT"
  # python has no /healthz: give it one so Playwright's readiness check passes.
  [ -f healthz ] || printf ok > healthz
  exec python3 -m http.server "$PORT" --bind 127.0.0.1
fi
