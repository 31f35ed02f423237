#!/usr/bin/env bash
# Restarts one proxy replica the way a Kubernetes rolling update does: readiness off (the
# load balancer stops sending to it), drain, SIGTERM (Satu finishes what it holds and flushes
# usage), a new process, readiness on (back in rotation).
#   infra/local/roll.sh proxy-1
set -euo pipefail
source "$(dirname "$0")/lib.sh"
name=${1:?which replica: proxy-1 or proxy-2}

others=()
for n in $(rotation); do [[ $n == "$name" ]] || others+=("$n"); done
log "$name: out of rotation"
set_rotation "${others[@]}"
wait_lb_drained
stop_replica "$name"
start_replica "$name"
set_rotation "${others[@]}" "$name"
log "$name: back in rotation"
