#!/usr/bin/env bash
# Issue #16 benchmark: `xinyu remind --dry-run` and `xinyu stats hours` on the sample district, each as a ratio to
# `xinyu coverage` on the same store in the same run (whole processes, page cache warm, best of 3 each).
# Targets: each under 2 s on the 390-school sample.
# Usage: bench/remind-stats.sh [SCHOOLS...]   (default: 39 390; AS_OF=YYYY-MM-DD, default 2026-03-02, a
# behind-check week: every kind of notice is computed; YEAR, default 2025-2026)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/build.sh
WORK="${TMPDIR:-/tmp}/xinyu-bench-remind"   # its own databases: another branch's binary may have migrated coverage's
mkdir -p "$WORK"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(39 390)
AS_OF="${AS_OF:-2026-03-02}"
YEAR="${YEAR:-2025-2026}"

best3() { # prints the best wall time in seconds of three runs of a command (stdout discarded)
  local best=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    best=$(awk -v b="$best" -v t="$(awk -v s="$s" -v e="$e" 'BEGIN{print e-s}')" 'BEGIN{ if (b == "" || t < b) print t; else print b }')
  done
  printf "%.3f" "$best"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }

printf "%-8s %9s %11s %13s %9s %12s %9s %s\n" schools teachers "coverage s" "remind-dry s" ratio "stats s" ratio notices
for n in "${SIZES[@]}"; do
  db="$WORK/bench-$n.sqlite"
  if [ ! -s "$db" ]; then
    feed="$WORK/feed-$n.xml"
    [ -s "$feed" ] || "$BIN" sample-feed "$feed" --schools "$n" --seed 1 >&2
    rm -f "$db" "$db-wal" "$db-shm"
    "$BIN" --db "$db" import "$feed" --format json >/dev/null
  fi
  cat "$db" > /dev/null
  "$BIN" --db "$db" coverage --as-of "$AS_OF" --format json > "$WORK/coverage.json"
  teachers=$(grep -m1 '"teachers"' "$WORK/coverage.json" | tr -dc 0-9)   # the district's active teachers
  cv=$(best3 "$BIN" --db "$db" coverage --as-of "$AS_OF" --format json)
  rd=$(best3 "$BIN" --db "$db" remind --dry-run --as-of "$AS_OF" --format json)
  st=$(best3 "$BIN" --db "$db" stats hours --year "$YEAR" --format json)
  "$BIN" --db "$db" remind --dry-run --as-of "$AS_OF" --format json > "$WORK/remind.json"
  notices=$(grep -m1 '"found"' "$WORK/remind.json" | tr -dc 0-9)
  printf "%-8s %9s %11s %13s %9s %12s %9s %s\n" "$n" "$teachers" "$cv" "$rd" "$(ratio "$rd" "$cv")x" "$st" \
    "$(ratio "$st" "$cv")x" "$notices"
done
