#!/usr/bin/env bash
# Starts the production topology in processes: the migration (as the Job does), `api`,
# `worker`, two `proxy` replicas, and nginx in front as the Ingress. Settings come from the
# environment (defaults in brackets):
#   STATE [/tmp/satu-local]  DATABASE_URL [postgres://postgres@127.0.0.1:5432/satu_local]
#   REDIS_URL [redis://127.0.0.1:6379]  LB_PORT [18080]  SATU_BIN [target/release, else debug]
#   UPSTREAM_BASE [unset: the providers' real URLs]  SATU_WEB_DIR [web/out]
# Stop it with infra/local/down.sh; restart a proxy the Kubernetes way with infra/local/roll.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

command -v nginx >/dev/null || { log "nginx is missing: apt-get install -y nginx"; exit 1; }
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/satu_local}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

mkdir -p "$STATE/data" "$STATE/nginx/logs" "$STATE/nginx/tmp"
db_name=${DATABASE_URL##*/}
db_server=${DATABASE_URL%/*}
if ! psql "$db_server/postgres" -Atqc "select 1 from pg_database where datname = '$db_name'" | grep -q 1; then
  psql "$db_server/postgres" -qc "create database \"$db_name\""
fi

# What every replica reads (the ConfigMap and Secrets of the manifests).
cat >"$STATE/env" <<ENV
SATU__DATABASE__URL=$DATABASE_URL
SATU__DATABASE__AUTO_MIGRATE=false
SATU__REDIS__URL=$REDIS_URL
SATU__REDIS__BUS_CHANNEL=satu:local:$(basename "$STATE")
SATU__SECURITY__DATA_DIR=$STATE/data
SATU__API__TRUSTED_PROXY_HOPS=1
SATU__WEB__DIR=${SATU_WEB_DIR:-$ROOT/web/out}
SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=${ALLOW_PRIVATE_UPSTREAMS:-true}
RUST_LOG=${RUST_LOG:-warn}
ENV

log "migrating $DATABASE_URL"
(set -a && source "$STATE/env" && "$(satu_bin)" migrate) >>"$STATE/migrate.log" 2>&1

# The api first: it makes the master key the others share (in production, a Secret).
for name in api worker "${PROXIES[@]}"; do start_replica "$name"; done

sed -e "s|@STATE@|$STATE|g" -e "s|@LB_PORT@|$LB_PORT|g" -e "s|@API_PORT@|${PORT[api]}|g" \
  "$LOCAL/nginx.conf.template" >"$STATE/nginx/nginx.conf"
set_rotation "${PROXIES[@]}"
nginx_ctl
wait_http "http://127.0.0.1:$LB_PORT/readyz" 20
log "load balancer on :$LB_PORT (proxies: $(rotation))"
