#!/usr/bin/env bash
# A/B check for a change that must not cost speed (issue #13): runs one command with an OLD and a NEW xinyu
# binary, alternating, RUNS times each (default 5), on the same files in the same minutes, and prints the best
# time of each and NEW/OLD. Alternating in one run keeps the comparison fair on a busy machine, where absolute
# timings drift by tens of percent.
#
# Usage: bench/ab.sh OLD_BIN NEW_BIN [import|coverage|quota|schedule] [SCHOOLS]   (default: import 390)
#   import   — import the sample feed into an empty store
#   coverage — `coverage --as-of 2026-09-01` on the imported store
#   quota    — `quota report --year 2025-2026 --teachers` on the imported store
#   schedule — `schedule build --term 2026-fall` on a copy of the imported store
set -euo pipefail
OLD=$(realpath "$1") NEW=$(realpath "$2") WHAT=${3:-import} N=${4:-390} RUNS=${RUNS:-5}
WORK="${TMPDIR:-/tmp}/xinyu-bench-ab"
mkdir -p "$WORK" && cd "$WORK"
[ -f "feed-$N.xml" ] || "$NEW" sample-feed "feed-$N.xml" --schools "$N" --seed 1 >/dev/null
if [ "$WHAT" != import ] && [ ! -f "store-$N.sqlite" ]; then
  "$NEW" import "feed-$N.xml" --db "store-$N.sqlite" >/dev/null
fi
run() { # run BIN: prints seconds
  local bin=$1 start end
  case $WHAT in
    import) rm -f ab.sqlite*; start=$(date +%s.%N); "$bin" import "feed-$N.xml" --db ab.sqlite >/dev/null ;;
    coverage) start=$(date +%s.%N); "$bin" coverage --db "store-$N.sqlite" --as-of 2026-09-01 >/dev/null ;;
    quota) start=$(date +%s.%N); "$bin" quota report --db "store-$N.sqlite" --year 2025-2026 --teachers >/dev/null ;;
    schedule) cp "store-$N.sqlite" ab.sqlite; rm -f ab.sqlite-wal ab.sqlite-shm
              start=$(date +%s.%N); "$bin" schedule build --db ab.sqlite --term 2026-fall >/dev/null || true ;;
    *) echo "unknown benchmark $WHAT" >&2; exit 2 ;;
  esac
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
best_old=999999 best_new=999999
for _ in $(seq "$RUNS"); do
  t=$(run "$OLD"); best_old=$(echo "if ($t < $best_old) $t else $best_old" | bc)
  t=$(run "$NEW"); best_new=$(echo "if ($t < $best_new) $t else $best_new" | bc)
done
printf "%-9s %5s schools  old %.3f s  new %.3f s  new/old %.3f (best of %d, alternating)\n" \
  "$WHAT" "$N" "$best_old" "$best_new" "$(echo "$best_new / $best_old" | bc -l)" "$RUNS"
