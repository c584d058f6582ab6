#!/usr/bin/env bash
# Benchmark (issue #19): the lesson library with 20,000 stored plans, release build.
#   1. `xinyu lessons list --q Q` for a two-character Chinese word (情绪: shorter than a trigram, so the FTS5 bigram
#      index `libraryBigram`), a longer Chinese phrase (深呼吸: the FTS5 trigram index) and an English word (feel);
#      best and median of RUNS wall times of the whole command. Anchor: 50 ms.
#   2. `xinyu schedule build --term 2026-fall` for every school (390): the stored plans join the bundled ones,
#      each school preferring its own. Anchor: 10 s.
# Each figure is also given as a ratio to the same run on the same district with the bundled library only,
# measured in the same run.
# Data: `xinyu sample-feed --schools 390 --seed 1` + `xinyu import`; then `xinyu lessons generate --count 20000`
# (variations of the bundled plans over the 390 schools, one in forty the district's, one school plan in fifty
# approved into the district library).
# Usage (from the repo root): bench/lessons.sh [PLANS] [SCHOOLS]
set -euo pipefail
PLANS="${1:-20000}" SCHOOLS="${2:-390}" RUNS="${RUNS:-5}"
cd "$(dirname "$0")/.."
if [ -n "${XINYU_BIN:-}" ]; then BIN="$XINYU_BIN"; else source bench/build.sh; fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
BASE="$WORK/bundled.sqlite" LIB="$WORK/library.sqlite"
"$BIN" sample-feed "$WORK/feed.xml" --schools "$SCHOOLS" --seed 1 >/dev/null
"$BIN" --db "$BASE" import "$WORK/feed.xml" >/dev/null
cp "$BASE" "$LIB"
gen_start=$(date +%s.%N)
"$BIN" --db "$LIB" lessons generate --count "$PLANS" >/dev/null
gen=$(echo "$(date +%s.%N) - $gen_start" | bc)
stored=$(sqlite3 "$LIB" "SELECT COUNT(*) FROM libraryItem")

best() { # best CMD...: "best median" wall seconds of RUNS runs
  local s t all=()
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); "$@" >/dev/null; t=$(echo "$(date +%s.%N) - $s" | bc)
    all+=("$t")
  done
  printf '%s\n' "${all[@]}" | sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }'
}
echo "stored plans: $stored (generated in $(printf %.1f "$gen") s), schools: $SCHOOLS, best and median of $RUNS"
for q in 情绪 深呼吸 feel; do
  hits=$("$BIN" --db "$LIB" lessons list --q "$q" --format csv | tail -n +2 | wc -l)
  base_hits=$("$BIN" --db "$BASE" lessons list --q "$q" --format csv | tail -n +2 | wc -l)
  read -r t tm < <(best "$BIN" --db "$LIB" lessons list --q "$q")
  read -r b bm < <(best "$BIN" --db "$BASE" lessons list --q "$q")
  printf "lessons list --q %-8s %6d hits  best %6.1f ms (median %6.1f)  /50 ms %.3f   bundled only: %3d hits best %6.1f ms (median %6.1f)  ratio %.2f\n" \
    "$q" "$hits" "$(echo "$t * 1000" | bc)" "$(echo "$tm * 1000" | bc)" "$(echo "$t / 0.05" | bc -l)" "$base_hits" \
    "$(echo "$b * 1000" | bc)" "$(echo "$bm * 1000" | bc)" "$(echo "$t / $b" | bc -l)"
done
sched() { # sched DB: seconds of one schedule build (on a fresh copy)
  cp "$1" "$WORK/run.sqlite"; rm -f "$WORK/run.sqlite-wal" "$WORK/run.sqlite-shm"
  local s; s=$(date +%s.%N)
  "$BIN" --db "$WORK/run.sqlite" schedule build --term 2026-fall >/dev/null
  echo "$(date +%s.%N) - $s" | bc
}
SB=999999 SL=999999
for _ in $(seq "${SCHEDULE_RUNS:-3}"); do   # alternating, so both see the same machine load
  t=$(sched "$BASE"); SB=$(echo "if ($t < $SB) $t else $SB" | bc)
  t=$(sched "$LIB"); SL=$(echo "if ($t < $SL) $t else $SL" | bc)
done
own=$(sqlite3 "$WORK/run.sqlite" "SELECT COUNT(*) FROM scheduledSession WHERE lessonId LIKE 'gen-%'")
all=$(sqlite3 "$WORK/run.sqlite" "SELECT COUNT(*) FROM scheduledSession WHERE kind = 'lesson'")
printf "schedule build %s schools  %.2f s  /10 s %.3f   bundled only %.2f s  ratio %.2f   lessons from stored plans: %d of %d\n" \
  "$SCHOOLS" "$SL" "$(echo "$SL / 10" | bc -l)" "$SB" "$(echo "$SL / $SB" | bc -l)" "$own" "$all"
