#!/usr/bin/env bash
# Generated GraphQL operations (schemathesis, from schema.graphql) against a running `satu
# serve`, signed in with a bearer session (`logOut` is left out: it would end it): no 5xx,
# every error with a code and none INTERNAL, no internals in a message
# (tests/graphql_fuzz/hooks.py), no panic in the log.
#   bash scripts/graphql-fuzz.sh [seconds]     (default 60; CI runs it from scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
satu="${SATU_BIN:-target/debug/satu}"
venv=target/graphql-fuzz-venv
if [[ ! -x "$venv/bin/schemathesis" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5
fi
[[ -x "$satu" ]] || cargo build --quiet --bin satu
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
SATU__SECURITY__DATA_DIR="$data" SATU__WEB__DIR="$data/no-web" RUST_LOG=warn \
  "$satu" serve --bind "127.0.0.1:$port" >"$data/satu.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done
gql() { curl -fs "$base/graphql" -H 'content-type: application/json' -d "$1"; }
password=tropical-durian-waves-42
gql '{"query":"mutation { signUp(email: \"tester@example.com\", password: \"'$password'\") }"}' >/dev/null
# The sign-up link waits in the outbox (no SMTP here); the operator command shows it.
link_token="$(SATU__SECURITY__DATA_DIR="$data" RUST_LOG=warn "$satu" admin emails --email tester@example.com |
  grep -o 'confirm-signup/?token=[A-Za-z0-9]*' | head -n1 | cut -d= -f2)"
complete='{"query":"mutation { completeSignUp(token: \"'$link_token'\", password: \"'$password'\", issueToken: true) { sessionToken } }"}'
token="$(gql "$complete" | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["completeSignUp"]["sessionToken"])')"
status=0
PYTHONPATH=tests/graphql_fuzz SCHEMATHESIS_HOOKS=hooks "$venv/bin/schemathesis" run schema.graphql \
  --url "$base/graphql" -H "Authorization: Bearer $token" \
  --checks no_server_error_status,errors_have_codes_and_hide_internals \
  --exclude-name Mutation.logOut \
  --max-time "$seconds" --workers 2 --seed 20261205 || status=$?
if grep -n "panicked" "$data/satu.log"; then
  echo "graphql fuzz: satu panicked (above)"; status=1
fi
echo "graphql fuzz: $([[ $status -eq 0 ]] && echo "no failures" || echo FAILED)"
exit "$status"
