#!/usr/bin/env bash
# Issue #18, a province in one database: N districts (default 10) of S schools each (default 390), each from
# `sample-feed --schools S --district CODE --seed I`, on SQLite and PostgreSQL in the same run:
#   1. imported one after another into one store per engine: each import's time, the importing process's peak RSS,
#      and on PostgreSQL its ratio to `xmllint --stream` on the same file (target <= 6). xmllint runs three times
#      around the district's imports (before, between and after them) and the ratio takes the median: one run of
#      xmllint on this host took 1.4 to 3.2 s on files of one size, so one sample made the anchor as uncertain as
#      what it measures; the fastest of the three and the ratio to it are printed as well;
#   2. imported two at a time into a second, empty store per engine: each pair's wall time, and on PostgreSQL
#      whether the two overlapped (the later start came before the earlier end);
#   3. one district's coverage (target < 1 s) and the roll-up `coverage --by-district` (target < 10 s) on
#      PostgreSQL, each as a ratio to SQLite on the same data (best of RUNS, default 3), and the same bytes;
#   4. `GET /api/v1/coverage` for a school-admin at 32 connections with wrk for D seconds (default 10) on
#      `xinyu serve` over PostgreSQL, first idle, then while another district's feed imports: p99 and throughput
#      as a ratio to the idle run; the server's RSS sampled every second.
# Usage: bench/province.sh [--districts N] [--schools S] [--duration D]
#   XINYU_BENCH_POSTGRES_URL: a server whose role may create databases; without it a throw-away cluster is started
#   (scripts/postgres-test-cluster.sh, port $PGTEST_PORT, default 18155). PORT: the server's port (default 18150).
#   XINYU_BIN: a binary to use instead of the release build (bench/build.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. scripts/serve-demo-lib.sh
N=10 S=390 DUR=10 RUNS=${RUNS:-3} PORT=${PORT:-18150}
while [ $# -gt 0 ]; do
  case $1 in
  --districts) N=$2; shift 2 ;;
  --schools) S=$2; shift 2 ;;
  --duration) DUR=$2; shift 2 ;;
  *) echo "usage: $0 [--districts N] [--schools S] [--duration SECONDS]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || apt_install wrk
command -v xmllint >/dev/null || apt_install libxml2-utils
command -v curl >/dev/null || apt_install curl
if [ -n "${XINYU_BIN:-}" ]; then BIN=$(realpath "$XINYU_BIN"); else source bench/build.sh; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/xinyu-province.XXXXXX")
pgdir=
IMPORTER=
SAMPLER=
cleanup() {
  [ -n "$IMPORTER" ] && kill "$IMPORTER" 2>/dev/null
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  stop_server
  [ -n "$pgdir" ] && bash "$ROOT/scripts/postgres-test-cluster.sh" stop "$pgdir"
  rm -rf "$WORK"
}
trap cleanup EXIT
URL=${XINYU_BENCH_POSTGRES_URL:-}
if [ -z "$URL" ]; then
  pgdir=$(mktemp -d /tmp/xinyu-pg-province.XXXXXX)
  URL=$(PGTEST_PORT=${PGTEST_PORT:-18155} bash "$ROOT/scripts/postgres-test-cluster.sh" start "$pgdir")
fi
base=${URL%%\?*} query=${URL#"${URL%%\?*}"}
server=${base%/*}
newdb() { psql "$server/postgres$query" -qAt -c "CREATE DATABASE $1" >/dev/null; echo "$server/$1$query"; }
export XINYU_BUSY_TIMEOUT=86400  # SQLite's second writer of a pair waits for the first
now() { date +%s.%N; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }

# lint FILE: seconds `xmllint --stream` takes on FILE
lint() {
  local t0 t1
  t0=$(now); xmllint --stream --noout "$1"; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

# import DB FILE LOG: runs the import, writes "start end peakKB" to LOG
import() {
  local start end
  start=$(now)
  /usr/bin/time -f %M -o "$3.rss" "$BIN" import "$2" --db "$1" >/dev/null || [ $? -eq 3 ]
  end=$(now)
  echo "$start $end $(cat "$3.rss")" >"$3"
}

CODES=()
for i in $(seq "$N"); do CODES+=($((440600 + i))); done
EXTRA=$((440600 + N + 1))
echo "# $N districts x $S schools; PostgreSQL $(psql "$URL" -qAt -c 'SHOW server_version'); $(nproc) CPUs"
for i in $(seq "$N") $((N + 1)); do
  code=$((440600 + i))
  "$BIN" sample-feed "$WORK/$code.xml" --schools "$S" --district "$code" --seed "$i" >"$WORK/$code.gen"
done
echo "# feed: $(cat "$WORK/${CODES[0]}.gen")"

echo "## 1. one after another"
SQ=$WORK/seq.sqlite PG=$(newdb province_seq_$$)
for code in "${CODES[@]}"; do
  f=$WORK/$code.xml
  x1=$(lint "$f")
  import "$SQ" "$f" "$WORK/sq-$code"
  x2=$(lint "$f")
  import "$PG" "$f" "$WORK/pg-$code"
  x3=$(lint "$f")
  read -r xmin x xmax < <(printf "%s\n" "$x1" "$x2" "$x3" | sort -g | tr "\n" " "; echo)
  read -r s0 s1 srss <"$WORK/sq-$code"
  read -r p0 p1 prss <"$WORK/pg-$code"
  sq=$(echo "$s1 - $s0" | bc -l) pg=$(echo "$p1 - $p0" | bc -l)
  printf "district %s  xmllint %.2f s (%.2f-%.2f)  SQLite %.2f s (%d MB)  PostgreSQL %.2f s (%d MB)  PostgreSQL/xmllint %.2f (target <= 6; %.2f to the fastest)\n" \
    "$code" "$x" "$xmin" "$xmax" "$sq" $((srss / 1024)) "$pg" $((prss / 1024)) "$(ratio "$pg" "$x")" "$(ratio "$pg" "$xmin")"
done

echo "## 2. two at a time"
SQ2=$WORK/pairs.sqlite PG2=$(newdb province_pairs_$$)
for ((k = 0; k < N; k += 2)); do
  a=${CODES[$k]} b=${CODES[$((k + 1))]:-}
  for engine in sq pg; do
    db=$SQ2; [ $engine = pg ] && db=$PG2
    import "$db" "$WORK/$a.xml" "$WORK/$engine-pair-$a" &
    p1=$!
    if [ -n "$b" ]; then
      import "$db" "$WORK/$b.xml" "$WORK/$engine-pair-$b" &
      wait $p1 $!
    else
      wait $p1
    fi
  done
  for engine in sq pg; do
    read -r a0 a1 _ <"$WORK/$engine-pair-$a"
    if [ -n "$b" ]; then
      read -r b0 b1 _ <"$WORK/$engine-pair-$b"
    else
      b0=$a0 b1=$a1
    fi
    first=$(echo "if ($a0 < $b0) $a0 else $b0" | bc -l) last=$(echo "if ($a1 > $b1) $a1 else $b1" | bc -l)
    later=$(echo "if ($a0 > $b0) $a0 else $b0" | bc -l) earlier=$(echo "if ($a1 < $b1) $a1 else $b1" | bc -l)
    overlap=$(echo "$earlier - $later" | bc -l)
    printf "%-10s %s+%s  wall %.2f s  %s %.2f s  %s %.2f s  overlap %.2f s\n" \
      "$([ $engine = sq ] && echo SQLite || echo PostgreSQL)" "$a" "${b:--}" "$(echo "$last - $first" | bc -l)" \
      "$a" "$(echo "$a1 - $a0" | bc -l)" "${b:--}" "$(echo "$b1 - $b0" | bc -l)" "$overlap"
  done
done

echo "## 3. reports (best of $RUNS)"
best() { # command... -> best seconds
  local b=999999 t0 t1 t
  for _ in $(seq "$RUNS"); do
    t0=$(now); "$@" >/dev/null; t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l); b=$(echo "if ($t < $b) $t else $b" | bc -l)
  done
  echo "$b"
}
for report in "--district ${CODES[0]}" "--by-district"; do
  # shellcheck disable=SC2086
  sq=$(best "$BIN" coverage --db "$SQ" --as-of 2026-09-01 $report)
  # shellcheck disable=SC2086
  pg=$(best "$BIN" coverage --db "$PG" --as-of 2026-09-01 $report)
  # shellcheck disable=SC2086
  if cmp -s <("$BIN" coverage --db "$SQ" --as-of 2026-09-01 $report) <("$BIN" coverage --db "$PG" --as-of 2026-09-01 $report); then
    same="same bytes"
  else
    same="DIFFERENT bytes"
  fi
  printf "coverage %-18s SQLite %.2f s  PostgreSQL %.2f s  PostgreSQL/SQLite %.2f  (%s)\n" "$report" "$sq" "$pg" \
    "$(ratio "$pg" "$sq")" "$same"
done

echo "## 4. GET /api/v1/coverage, school-admin, 32 connections, ${DUR} s"
"$BIN" users add --db "$PG" chair-province --role school-admin --school "${CODES[0]}-S0001" >/dev/null
TOKEN=$("$BIN" tokens issue --db "$PG" chair-province --label bench 2>/dev/null)
start_server "$BIN" "$PG" "$PORT" "$WORK/serve.log"
sample_rss() { while kill -0 "$SERVER_PID" 2>/dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; sleep 1; done; }
sample_rss >"$WORK/rss.txt" &
SAMPLER=$!
ROUTE="http://127.0.0.1:$PORT/api/v1/coverage?asOf=2026-09-01"
curl -fsS -H "Authorization: Bearer $TOKEN" "$ROUTE" >/dev/null
run() {
  wrk -t1 -c32 -d"${DUR}s" --timeout 30s --latency -H "Authorization: Bearer $TOKEN" "$ROUTE" >"$WORK/$1.txt"
  if grep -q "Non-2xx" "$WORK/$1.txt"; then echo "FAIL: non-2xx answers" >&2; cat "$WORK/$1.txt" >&2; exit 1; fi
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/$1.txt"; }
p99() { awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$WORK/$1.txt"; }
run idle
import "$PG" "$WORK/$EXTRA.xml" "$WORK/pg-extra" &
IMPORTER=$!
sleep 1
run importing
wait "$IMPORTER" || true
IMPORTER=
read -r e0 e1 erss <"$WORK/pg-extra"
printf "idle:      %s req/s  p99 %s ms\n" "$(rps idle)" "$(p99 idle)"
printf "importing: %s req/s  p99 %s ms  (district %s imported in %.2f s, %d MB)\n" "$(rps importing)" "$(p99 importing)" \
  "$EXTRA" "$(echo "$e1 - $e0" | bc -l)" $((erss / 1024))
printf "ratio under import / idle: throughput %.2f  p99 %.2f\n" "$(ratio "$(rps importing)" "$(rps idle)")" \
  "$(ratio "$(p99 importing)" "$(p99 idle)")"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=
sort -n "$WORK/rss.txt" | awk '{a[NR]=$1} END {printf "server RSS: min %d MB, max %d MB over %d samples\n", a[1]/1024, a[NR]/1024, NR}'
