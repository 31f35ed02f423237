#!/usr/bin/env bash
# Stops everything up.sh started (SIGTERM: each replica drains and flushes its usage).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
[[ -f $STATE/nginx/nginx.pid ]] && nginx_ctl -s quit 2>/dev/null
for name in "${PROXIES[@]}" api worker; do stop_replica "$name"; done
log "stopped"
