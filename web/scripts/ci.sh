#!/usr/bin/env bash
# The web app's CI: Chromium (Debian), npm ci, lint, type-check, next build, Playwright
# against `satu serve` serving the export. Run from anywhere (the repo CI calls
# `bash web/scripts/ci.sh` from the repo root). Prints one line
# `web e2e: N passed, N failed` and exits non-zero on any failure.
set -uo pipefail
WEB="$(cd "$(dirname "$0")/.." && pwd)"
cd "$WEB"
export NEXT_TELEMETRY_DISABLED=1
export CI="${CI:-true}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
START=$(date +%s)

step() {
  local name="$1"; shift
  local t0=$(date +%s)
  echo "== web: $name" >&2
  if ! "$@" >&2; then
    echo "web: step '$name' failed" >&2
    echo "web e2e: 0 passed, 1 failed"
    exit 1
  fi
  echo "== web: $name done in $(( $(date +%s) - t0 ))s" >&2
}

install_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}

step "chromium" install_chromium
step "npm ci" npm ci --no-audit --no-fund --loglevel=error
# The typed documents must match schema.graphql and lib/gql/ops (regenerate: npm run codegen).
step "codegen is fresh" npm run --silent codegen:check
step "lint" npm run --silent lint
step "typecheck" npm run --silent typecheck
step "next build" npm run --silent build

echo "== web: playwright" >&2
rm -rf test-results
npx playwright test >&2
PW=$?
REPORT="$WEB/test-results/results.json"
if [ -f "$REPORT" ]; then
  read -r PASSED FAILED < <(node -e '
    const s = require(process.argv[1]).stats || {};
    console.log((s.expected || 0) + (s.flaky || 0), s.unexpected || 0);
  ' "$REPORT")
else
  PASSED=0; FAILED=1
fi
PASSED="${PASSED:-0}"; FAILED="${FAILED:-1}"
if [ "$PW" -ne 0 ] && [ "$FAILED" -eq 0 ]; then FAILED=1; fi
echo "== web: total $(( $(date +%s) - START ))s" >&2
echo "web e2e: $PASSED passed, $FAILED failed"
[ "$PW" -eq 0 ] && [ "$FAILED" -eq 0 ]
