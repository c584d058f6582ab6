#!/usr/bin/env bash
# Throughput of GET /api/v1/coverage against GET /health, same server, same run (wrk on loopback).
# Target: coverage requests/s >= 0.5 x /health requests/s. Usage: bench/serve.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
DUR=${1:-10}
PORT=${PORT:-18080}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
source bench/build.sh
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(make_demo_db "$BIN" "$WORK")
start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"
ROUTE=${ROUTE:-/api/v1/coverage}
curl -fsS "http://127.0.0.1:$PORT$ROUTE" >/dev/null   # warm the cache as a client would

run() { # path -> "rps p99ms"
  wrk -t2 -c16 -d"${DUR}s" --latency "http://127.0.0.1:$PORT$1" >"$WORK/wrk.txt"
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")
  echo "$rps $p99"
}
read -r H_RPS H_P99 < <(run /health)
read -r C_RPS C_P99 < <(run "$ROUTE")
echo "GET /health:       ${H_RPS} req/s, p99 ${H_P99} ms"
echo "GET $ROUTE: ${C_RPS} req/s, p99 ${C_P99} ms"
awk -v c="$C_RPS" -v h="$H_RPS" 'BEGIN { r = c / h; printf "ratio (coverage / health throughput): %.2f (target >= 0.5) %s\n", r, (r >= 0.5 ? "OK" : "BELOW TARGET") }'
