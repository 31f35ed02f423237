#!/usr/bin/env bash
# The SMTP test server (maildev, tests/smtp/package.json): SMTP on 127.0.0.1:1025, its HTTP API
# (the tests read delivered mail back from it) on 127.0.0.1:1080.
#   bash scripts/maildev.sh start    installs it when missing, starts it unless it answers
#   bash scripts/maildev.sh stop
set -euo pipefail
cd "$(dirname "$0")/../tests/smtp"
SMTP_PORT="${SATU_TEST_SMTP_PORT:-1025}"
WEB_PORT="${SATU_TEST_MAILDEV_PORT:-1080}"
healthy() { curl -fs "http://127.0.0.1:${WEB_PORT}/api/healthz" 2>/dev/null | grep -q true; }
case "${1:-start}" in
  start)
    healthy && exit 0
    [[ -x node_modules/.bin/maildev ]] || npm ci --no-audit --no-fund --loglevel=error
    # Its own bin (not npx), so the pid is the server's.
    node_modules/.bin/maildev --smtp "$SMTP_PORT" --web "$WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
      --silent >maildev.log 2>&1 &
    echo $! >maildev.pid
    for _ in $(seq 1 50); do healthy && exit 0; sleep 0.2; done
    echo "maildev did not start (tests/smtp/maildev.log):" >&2
    cat maildev.log >&2
    exit 1
    ;;
  stop)
    [[ -f maildev.pid ]] && kill "$(cat maildev.pid)" 2>/dev/null || true
    rm -f maildev.pid
    ;;
esac
