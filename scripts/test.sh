#!/usr/bin/env bash
# The whole test suite: makes sure Postgres and Redis answer on 127.0.0.1 (starting them when
# they are installed but stopped) and starts the SMTP test server (scripts/maildev.sh), then
# runs fmt, clippy and every test on SQLite and Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432
export SATU_TEST_POSTGRES="${SATU_TEST_POSTGRES:-postgres://postgres@${PG_HOST}:${PG_PORT}}"

ensure_postgres() {
  if pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; then return; fi
  echo "starting PostgreSQL…"
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 1 30); do
    pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null && return
    sleep 1
  done
  echo "PostgreSQL is not reachable on ${PG_HOST}:${PG_PORT}; install it (apt-get install postgresql) and allow trust auth for 'postgres'" >&2
  exit 1
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return; fi
  echo "starting Redis…"
  if command -v redis-server >/dev/null; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  fi
  for _ in $(seq 1 10); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return
    sleep 1
  done
  echo "Redis is not reachable on 127.0.0.1:6379; install it (apt-get install redis-server)" >&2
  exit 1
}

drop_stale_test_databases() {
  psql "${SATU_TEST_POSTGRES}/postgres" -Atqc \
    "select datname from pg_database where datname like 'satu_test_%'" 2>/dev/null |
    while read -r db; do
      psql "${SATU_TEST_POSTGRES}/postgres" -qc "drop database if exists \"$db\"" >/dev/null 2>&1 || true
    done
}

# The SDK tests drive the official Python clients through Satu; CI must run them, not skip them.
ensure_python_sdks() {
  python3 -c "import openai, anthropic, pypdf" 2>/dev/null && return
  # pypdf: the billing tests read the invoice PDFs' text back.
  echo "installing the openai and anthropic Python SDKs and pypdf…"
  python3 -m pip install --quiet --disable-pip-version-check openai anthropic pypdf
}

# The real-CLI tests run Claude Code, Codex CLI and Gemini CLI (pinned in tests/clis).
ensure_clis() {
  [[ -x tests/clis/node_modules/.bin/claude && -x tests/clis/node_modules/.bin/codex &&
    -x tests/clis/node_modules/.bin/gemini ]] && return
  echo "installing Claude Code, Codex CLI and Gemini CLI (tests/clis)…"
  npm ci --prefix tests/clis --no-audit --no-fund --loglevel=error
}

ensure_postgres
ensure_redis
# Email tests send to a real SMTP server and read the mail back from its API.
bash scripts/maildev.sh start
export SATU_TEST_SMTP="${SATU_TEST_SMTP:-smtp://127.0.0.1:1025}"
export SATU_TEST_MAILDEV="${SATU_TEST_MAILDEV:-http://127.0.0.1:1080}"
ensure_python_sdks
export SATU_REQUIRE_SDKS=1
ensure_clis
export SATU_REQUIRE_CLIS=1
drop_stale_test_databases

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"
cargo test --workspace
# The image, the Kubernetes manifests (each role's configuration loaded by the binary just
# built), the Prometheus rules and their tests, dashboards and workflows.
echo "== infrastructure (scripts/infra-check.sh)"
bash scripts/infra-check.sh
# The production topology in processes: nginx, two proxies, api and worker; a rolling restart
# under SDK load loses nothing (infra/local, docs/operations.md).
echo "== production topology (rolling restart, kill -9)"
python3 tests/topology/rolling_restart.py
# Generated GraphQL operations against the binary cargo test just built (schemathesis).
echo "== GraphQL fuzz"
bash scripts/graphql-fuzz.sh 60
# The web app's suite runs against the satu binary cargo test just built.
echo "== web"
bash web/scripts/ci.sh
