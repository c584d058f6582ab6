#!/usr/bin/env bash
# Issue #14: a school-admin's GET /api/v1/coverage with an API token (authentication and scoping on every
# request, the report from the cache) against GET /health, same server, same run (wrk on loopback).
# Target: coverage requests/s >= 0.5 x /health requests/s. Also checks that the token checks wrote nothing per
# request: the token's last use is recorded at most once a minute. Usage: bench/serve-auth.sh [seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
DUR=${1:-10}
PORT=${PORT:-18084}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
source bench/build.sh
WORK=$(mktemp -d)
trap 'stop_server; rm -rf "$WORK"' EXIT
DB=$(make_demo_db "$BIN" "$WORK")
"$BIN" users add --db "$DB" chair-bench --role school-admin --school S0001 >/dev/null
TOKEN=$("$BIN" tokens issue --db "$DB" chair-bench --label bench 2>/dev/null)
start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"
ROUTE=/api/v1/coverage
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$ROUTE" >/dev/null   # warm the cache
VERSION_BEFORE=$(sqlite3 "$DB" "SELECT version FROM storeVersion" 2>/dev/null || echo "?")

run() { # path [header] -> "rps p99ms"
  if [ -n "${2:-}" ]; then
    wrk -t2 -c16 -d"${DUR}s" --latency -H "$2" "http://127.0.0.1:$PORT$1" >"$WORK/wrk.txt"
  else
    wrk -t2 -c16 -d"${DUR}s" --latency "http://127.0.0.1:$PORT$1" >"$WORK/wrk.txt"
  fi
  if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "FAIL: non-2xx answers on $1" >&2; cat "$WORK/wrk.txt" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$WORK/wrk.txt")
  echo "$rps $p99"
}
read -r H_RPS H_P99 < <(run /health)
read -r C_RPS C_P99 < <(run "$ROUTE" "Authorization: Bearer $TOKEN")
echo "GET /health:                        ${H_RPS} req/s, p99 ${H_P99} ms"
echo "GET $ROUTE (school-admin token): ${C_RPS} req/s, p99 ${C_P99} ms"
echo "data version before/after: $VERSION_BEFORE / $(sqlite3 "$DB" "SELECT version FROM storeVersion" 2>/dev/null || echo "?")"
"$BIN" tokens list --db "$DB"
awk -v c="$C_RPS" -v h="$H_RPS" 'BEGIN { r = c / h; printf "ratio (coverage with token / health throughput): %.2f (target >= 0.5) %s\n", r, (r >= 0.5 ? "OK" : "BELOW TARGET") }'
