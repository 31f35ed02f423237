# shellcheck shell=bash
# The local production topology's moving parts, sourced by up.sh, roll.sh and down.sh: nginx as
# the load balancer (configured like the Ingress) in front of two `proxy` replicas, one `api`
# and one `worker`, all on one Postgres and one Redis. Everything lives under $STATE.

STATE=${STATE:-/tmp/satu-local}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LOCAL=$ROOT/infra/local
LB_PORT=${LB_PORT:-18080}
declare -A PORT=([proxy-1]=18101 [proxy-2]=18102 [api]=18110 [worker]=18120)
PROXIES=(proxy-1 proxy-2)

satu_bin() {
  if [[ -n ${SATU_BIN:-} ]]; then echo "$SATU_BIN"
  elif [[ -x $ROOT/target/release/satu ]]; then echo "$ROOT/target/release/satu"
  else echo "$ROOT/target/debug/satu"; fi
}

# proxy-1 → proxy; api → api.
role_of() { echo "${1%-*}"; }

log() { echo "[topology $(date +%T)] $*" >&2; }

pid_of() { cat "$STATE/$1.pid" 2>/dev/null; }

alive() { local pid; pid=$(pid_of "$1") && kill -0 "$pid" 2>/dev/null; }

# Waits until `url` answers 200, up to `seconds`.
wait_http() {
  local url=$1 seconds=${2:-60} deadline=$((SECONDS + ${2:-60}))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ((SECONDS > deadline)); then log "no answer from $url within ${seconds}s"; return 1; fi
    sleep 0.2
  done
}

start_replica() {
  local name=$1 role port
  role=$(role_of "$name")
  port=${PORT[$name]}
  # shellcheck disable=SC1091
  (set -a && source "$STATE/env" && exec "$(satu_bin)" serve --role "$role" --bind "127.0.0.1:$port") \
    >>"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
  # Readiness, as the kubelet asks it before the pod joins its Service.
  wait_http "http://127.0.0.1:$port/readyz" 60
  log "$name ($role) ready on :$port, pid $(pid_of "$name")"
}

# SIGTERM, then wait for the process to finish its requests and flush its usage.
stop_replica() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  log "$name stopped"
}

nginx_ctl() { nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" "$@"; }

# The proxies nginx sends to: the Service's endpoints, rewritten and reloaded.
set_rotation() {
  local name upstreams=""
  for name in "$@"; do upstreams+="server 127.0.0.1:${PORT[$name]} max_fails=1 fail_timeout=5s;"$'\n'; done
  printf '%s' "$upstreams" >"$STATE/nginx/proxy-upstreams.conf"
  echo "$*" >"$STATE/rotation"
  if [[ -f $STATE/nginx/nginx.pid ]]; then nginx_ctl -s reload 2>/dev/null; fi
}

rotation() { cat "$STATE/rotation"; }

# After a reload, nginx's old workers finish the requests they hold and exit: once none is
# left, no request is on its way to a replica taken out of rotation.
wait_lb_drained() {
  local master deadline=$((SECONDS + ${1:-120}))
  master=$(cat "$STATE/nginx/nginx.pid")
  sleep 0.3
  while pgrep -P "$master" -f "shutting down" >/dev/null; do
    if ((SECONDS > deadline)); then log "old nginx workers still busy"; return 1; fi
    sleep 0.1
  done
}
