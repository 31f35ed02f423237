#!/usr/bin/env bash
# Runs Satu the way a user meets it: builds the web app's static export when it is missing
# (or older than its sources), then `satu serve` (embedded default: SQLite in ./data, no other
# services). Extra arguments go to `satu serve` (e.g. --bind 0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

web_is_stale() {
  [ -f web/out/index.html ] || return 0
  # Any source newer than the export means it must be built again.
  [ -n "$(find web/app web/components web/lib web/messages web/package.json -newer web/out/index.html -print -quit 2>/dev/null)" ]
}

if web_is_stale; then
  if ! command -v npm >/dev/null; then
    echo "run.sh: the web app needs Node.js 20 and npm to build (web/out is missing); starting without it" >&2
  else
    echo "run.sh: building the web app (web/out)…" >&2
    (cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build) >&2
  fi
fi
exec cargo run --release -- serve "$@"
