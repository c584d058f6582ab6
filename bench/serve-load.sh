#!/usr/bin/env bash
# Issue #12: 256 connections of mixed routes for 10 s, first on an idle server, then while imports run one after
# another (POST /api/v1/imports, each a new feed id, so every one applies and empties the report cache).
# Prints: errors (socket errors + non-2xx) in each run, /health p99, and coverage throughput under import as a
# ratio to the idle run. Targets: 0 errors, /health p99 < 50 ms.
# Usage: bench/serve-load.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-demo-lib.sh
DUR=${1:-10}
PORT=${PORT:-18081}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
source bench/build.sh
WORK=$(mktemp -d)
IMPORTER=
trap '[ -n "$IMPORTER" ] && kill "$IMPORTER" 2>/dev/null; stop_server; rm -rf "$WORK"' EXIT
DB=$(make_demo_db "$BIN" "$WORK")
TOKEN="tok-$RANDOM$RANDOM"
XINYU_TOKEN=$TOKEN start_server "$BIN" "$DB" "$PORT" "$WORK/serve.log"
# The feed the importer posts over and over, each time under a new id (same data: every import applies, updates
# the same rows, and moves the store's data version).
"$BIN" sample-feed "$WORK/upload.xml" --schools "${UPLOAD_SCHOOLS:-39}" --seed 2 >/dev/null

cat >"$WORK/mixed.lua" <<'EOF'
-- Every connection walks through the read routes in turn.
local paths = { "/api/v1/schools", "/api/v1/teachers?limit=50", "/api/v1/quota", "/?asOf=2026-09-01",
                "/api/v1/coverage/S0001", "/api/v1/imports", "/api/v1/lessons", "/api/v1/teachers/T0000002/ledger" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
EOF

# wrk_run NAME CONNECTIONS URL [LUA] (in the background; its report goes to $WORK/NAME.txt, its pid to WRK_PIDS)
WRK_PIDS=()
wrk_run() {
  local name=$1 conns=$2 url=$3 lua=${4:-}
  if [ -n "$lua" ]; then
    wrk -t1 -c"$conns" -d"${DUR}s" --timeout 10s --latency -s "$lua" "$url" >"$WORK/$name.txt" 2>&1 &
  else
    wrk -t1 -c"$conns" -d"${DUR}s" --timeout 10s --latency "$url" >"$WORK/$name.txt" 2>&1 &
  fi
  WRK_PIDS+=($!)
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/$1.txt"; }
p99() { awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$WORK/$1.txt"; }
errors() { # socket errors + non-2xx/3xx responses
  awk '/Socket errors/ {gsub(/[^0-9 ]/," "); n=split($0,a," "); for(i=1;i<=n;i++) s+=a[i]} /Non-2xx/ {s+=$NF} END {print s+0}' "$WORK/$1.txt"
}

# run TAG: 32 connections on /health, 32 on /api/v1/coverage, 192 on the mixed routes: 256 in all.
run() {
  local tag=$1
  WRK_PIDS=()
  wrk_run "$tag-health" 32 "http://127.0.0.1:$PORT/health"
  wrk_run "$tag-coverage" 32 "http://127.0.0.1:$PORT/api/v1/coverage?asOf=2026-09-01"
  wrk_run "$tag-mixed" 192 "http://127.0.0.1:$PORT" "$WORK/mixed.lua"
  wait "${WRK_PIDS[@]}"
}

curl -fsS "http://127.0.0.1:$PORT/api/v1/coverage?asOf=2026-09-01" >/dev/null   # warm the cache as a client would
run idle

# The importer: posts the feed under a new id until told to stop, counting imports and failures.
(
  n=0
  while :; do
    n=$((n + 1))
    sed "0,/id=\"[^\"]*\"/s//id=\"bench-$$-$n\"/" "$WORK/upload.xml" >"$WORK/post.xml"
    code=$(curl -s -o "$WORK/post.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
      --data-binary @"$WORK/post.xml" "http://127.0.0.1:$PORT/api/v1/imports" || echo 000)
    echo "$code" >>"$WORK/imports.txt"
  done
) &
IMPORTER=$!
sleep 0.5
run busy
kill "$IMPORTER" 2>/dev/null; wait "$IMPORTER" 2>/dev/null || true
IMPORTER=

IMPORTS=$(wc -l <"$WORK/imports.txt")
IMPORT_FAIL=$(grep -vc '^200$' "$WORK/imports.txt" || true)
for tag in idle busy; do
  printf '%-5s /health %8s req/s p99 %7s ms | coverage %8s req/s p99 %7s ms | mixed %8s req/s p99 %7s ms | errors %s\n' \
    "$tag" "$(rps $tag-health)" "$(p99 $tag-health)" "$(rps $tag-coverage)" "$(p99 $tag-coverage)" \
    "$(rps $tag-mixed)" "$(p99 $tag-mixed)" \
    "$(( $(errors $tag-health) + $(errors $tag-coverage) + $(errors $tag-mixed) ))"
done
echo "imports during the busy run: $IMPORTS posted, $((IMPORT_FAIL)) not 200 (the last may be cut off by the stop)"
awk -v b="$(rps busy-coverage)" -v i="$(rps idle-coverage)" -v h="$(p99 busy-health)" \
    -v e="$(( $(errors busy-health) + $(errors busy-coverage) + $(errors busy-mixed) + $(errors idle-health) + $(errors idle-coverage) + $(errors idle-mixed) ))" 'BEGIN {
  printf "coverage throughput under import / idle: %.2f\n", b / i
  printf "/health p99 under import: %s ms (target < 50) %s\n", h, (h < 50 ? "OK" : "ABOVE TARGET")
  printf "errors in both runs: %d (target 0) %s\n", e, (e == 0 ? "OK" : "FAILED")
}'
