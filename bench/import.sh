#!/usr/bin/env bash
# Import benchmark (issue 3): time to import `xinyu sample-feed --schools N` into an empty database, as a ratio to
# `xmllint --stream --noout` on the same file in the same run, plus peak RSS of both. Each side is run RUNS times
# (default 3), alternating, and its best time is kept (this machine's timings vary by ±15% from run to run);
# peak RSS is the largest of the runs.
# Usage: bench/import.sh [SCHOOLS...]   (default: 39 390; run from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2…" >&2; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need xmllint libxml2-utils
[ -x /usr/bin/time ] || need time time

source bench/build.sh
WORK="${TMPDIR:-/tmp}/xinyu-bench-import"
mkdir -p "$WORK"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(39 390)

measure() { # prints "seconds peakKB" of a command (stdout discarded)
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null
  cat "$WORK/time.txt"
}

printf "%-8s %9s %10s %10s %7s %12s %12s %s\n" schools "MB" "xmllint s" "import s" ratio "xmllint MB" "import MB" status
for n in "${SIZES[@]}"; do
  feed="$WORK/feed-$n.xml"
  [ -s "$feed" ] || "$BIN" sample-feed "$feed" --schools "$n" --seed 1 >&2
  mb=$(awk -v b="$(stat -c %s "$feed")" 'BEGIN{printf "%.1f", b/1048576}')
  cat "$feed" > /dev/null   # warm the page cache for both readers
  xs=""; is=""; xkb=0; ikb=0
  db="$WORK/bench-$n.sqlite"
  for _ in $(seq "${RUNS:-3}"); do
    read -r t kb < <(measure xmllint --stream --noout "$feed")
    xs=$(awk -v b="$xs" -v t="$t" 'BEGIN{ if (b == "" || t < b) print t; else print b }'); [ "$kb" -gt "$xkb" ] && xkb=$kb
    rm -f "$db" "$db-wal" "$db-shm"
    read -r t kb < <(measure "$BIN" --db "$db" import "$feed" --format json)
    is=$(awk -v b="$is" -v t="$t" 'BEGIN{ if (b == "" || t < b) print t; else print b }'); [ "$kb" -gt "$ikb" ] && ikb=$kb
  done
  status=$("$BIN" --db "$db" imports list --format json | grep -o '"status" : "[a-z]*"' | tail -1 | cut -d'"' -f4)
  rm -f "$db" "$db-wal" "$db-shm"
  ratio=$(awk -v a="$is" -v b="$xs" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }')
  printf "%-8s %9s %10s %10s %7s %12s %12s %s\n" "$n" "$mb" "$xs" "$is" "${ratio}x" \
    "$(awk -v k="$xkb" 'BEGIN{printf "%.0f", k/1024}')" "$(awk -v k="$ikb" 'BEGIN{printf "%.0f", k/1024}')" "$status"
done
echo "target: import ≤ 4× xmllint, < 100 MB peak RSS on the 390-school feed" >&2
