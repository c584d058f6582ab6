#!/usr/bin/env bash
# Coverage benchmark (issue 4): `xinyu coverage --as-of D` on the sample district, as a ratio to the sqlite3 shell's
# time for one pass `SELECT teacherId, SUM(hoursTenths) FROM attendance GROUP BY teacherId` on the same database,
# measured in the same run (both as whole processes, page cache warm, best of 3).
# Usage: bench/coverage.sh [SCHOOLS...]   (default: 39 390; AS_OF=YYYY-MM-DD, default 2026-06-30)
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2…" >&2; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need sqlite3 sqlite3

source bench/build.sh
WORK="${TMPDIR:-/tmp}/xinyu-bench-coverage"
mkdir -p "$WORK"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(39 390)
AS_OF="${AS_OF:-2026-06-30}"

best3() { # prints the best wall time in seconds of three runs of a command (stdout discarded)
  local best=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    best=$(awk -v b="$best" -v t="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{ if (b == "" || t < b) print t; else print b }')
  done
  printf "%.3f" "$best"
}

printf "%-8s %9s %11s %11s %11s %7s %s\n" schools teachers attendance "sqlite3 s" "coverage s" ratio target
for n in "${SIZES[@]}"; do
  db="$WORK/bench-$n.sqlite"
  if [ ! -s "$db" ]; then
    feed="$WORK/feed-$n.xml"
    [ -s "$feed" ] || "$BIN" sample-feed "$feed" --schools "$n" --seed 1 >&2
    rm -f "$db" "$db-wal" "$db-shm"
    "$BIN" --db "$db" import "$feed" --format json >/dev/null
  fi
  teachers=$(sqlite3 "$db" "SELECT COUNT(*) FROM teacher")
  rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM attendance")
  cat "$db" > /dev/null
  sq=$(best3 sqlite3 "$db" "SELECT teacherId, SUM(hoursTenths) FROM attendance GROUP BY teacherId")
  cv=$(best3 "$BIN" --db "$db" coverage --as-of "$AS_OF" --format json)
  target=$([ "$n" -ge 390 ] && echo "< 1 s" || echo "< 0.1 s")
  ratio=$(awk -v a="$cv" -v b="$sq" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }')
  printf "%-8s %9s %11s %11s %11s %7s %s\n" "$n" "$teachers" "$rows" "$sq" "$cv" "${ratio}x" "$target"
done
