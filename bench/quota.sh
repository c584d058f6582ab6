#!/usr/bin/env bash
# Benchmark: the union quota planner on a 390-school district with 200 planned sessions.
# Target: plan in < 5 s on the 2-core build machine; prints time, time/5s ratio and the optimality gap.
#
# Data: `xinyu sample-feed --schools 390` + `xinyu import` when this build can import; otherwise a synthetic
# database written with sqlite3 (390 schools × 100 active teachers, this school year's attendance).
# The sessions CSV is generated deterministically here. Run from the repo root: bash bench/quota.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/quota
mkdir -p "$OUT"
YEAR=${YEAR:-2026-2027}
SCHOOLS=390
SESSIONS=200

echo "building (release)…" >&2
source bench/build.sh
DB="$OUT/district.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"

source_kind=synthetic
status=1
if "$BIN" sample-feed "$OUT/feed.xml" --schools $SCHOOLS --seed 1 >/dev/null 2>&1; then
  "$BIN" --db "$DB" import "$OUT/feed.xml" >"$OUT/import.log" 2>&1 && status=0 || status=$?
fi
if [ "$status" = 0 ] || [ "$status" = 3 ]; then    # 3: imported with some records rejected
  source_kind="sample-feed --schools $SCHOOLS + import"
else
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" --db "$DB" schools list >/dev/null   # creates the schema
  y0=${YEAR%%-*}
  awk -v S=$SCHOOLS -v Y0="$y0" 'BEGIN {
    srand(20261122)
    print "PRAGMA journal_mode=WAL; BEGIN;"
    for (s = 1; s <= S; s++) printf "INSERT INTO school VALUES(\"S%04d\",\"第%d学校\",\"primary\",1,\"440606\");\n", s, s
    cats[0] = "public"; cats[1] = "professional"; cats[2] = "elective"
    nc = 60
    for (c = 0; c < nc; c++) {
      cat = cats[c % 3]; tier = (c % 10 == 0) ? 60 : 40
      m = 9 + int(c / 20); printf "INSERT INTO course VALUES(\"K%03d\",\"课程%d\",NULL,%d,2,60,\"%d-%02d-10\",\"%d-%02d-10\",\"none\",\"%s\",NULL);\n", c, c, tier, Y0, m, Y0, m, cat
      cdate[c] = sprintf("%d-%02d-%02d", Y0, m, 10)
    }
    for (s = 1; s <= S; s++) for (t = 1; t <= 100; t++) {
      id = sprintf("T%04d%03d", s, t)
      printf "INSERT INTO teacher VALUES(\"%s\",\"S%04d\",\"教师%d\",\"subject-teacher\",NULL,\"active\");\n", id, s, t
      k = int(rand() * 9); used = ""
      for (j = 0; j < k; j++) {
        c = int(rand() * nc); if (index(used, "," c ",")) continue; used = used "," c ","
        st = (rand() < 0.85) ? "completed" : "partial"; res = (rand() < 0.95) ? "none" : "fail"
        printf "INSERT INTO attendance VALUES(\"%s\",\"K%03d\",60,\"%s\",\"%s\",\"%s\");\n", id, c, st, res, cdate[c]
      }
    }
    print "COMMIT;"
  }' | sqlite3 "$DB" >/dev/null
fi

# 200 planned sessions, December to July, deterministic.
SESS="$OUT/sessions.csv"
awk -v N=$SESSIONS -v S=$SCHOOLS -v Y0="${YEAR%%-*}" 'BEGIN {
  srand(7)
  print "id,title,date,hours,category,tier,capacity,cost per seat,schools"
  split("professional,professional,public,elective,professional", cats, ",")
  for (i = 1; i <= N; i++) {
    day = int((i - 1) * 230 / N)                       # spread over ~230 days from 1 December
    m = 12; d = 1 + day; y = Y0
    split("31,31,28,31,30,31,30,31", len, ",")
    k = 1; while (d > len[k]) { d -= len[k]; k++ }
    m = (k == 1) ? 12 : k - 1; if (k > 1) y = Y0 + 1
    cat = cats[1 + (i % 5)]; hours = (i % 3 == 0) ? 3 : 6
    tier = (i % 10 == 0) ? 60 : 40; cap = 40 + int(rand() * 160); cost = 50 + int(rand() * 250)
    schools = ""
    if (i % 5 == 0) { for (j = 0; j < 5; j++) schools = schools (j ? ";" : "") sprintf("S%04d", 1 + int(rand() * S)) }
    printf "P%03d,培训 %d,%d-%02d-%02d,%d,%s,%d,%d,%d,%s\n", i, i, y, m, d, hours, cat, tier, cap, cost, schools
  }
}' >"$SESS"

echo "data: $source_kind; sessions: $SESSIONS" >&2
start=$(date +%s%N)
"$BIN" --db "$DB" quota plan --year "$YEAR" --sessions "$SESS" --budget 2000000 >"$OUT/plan.txt"
end=$(date +%s%N)
head -3 "$OUT/plan.txt"
awk -v a="$start" -v b="$end" -v gap="$(grep -o 'gap [0-9]*' "$OUT/plan.txt" | head -1)" 'BEGIN {
  s = (b - a) / 1e9; printf "quota plan (wall, incl. loading): %.2f s; target 5 s; ratio %.3f; %s\n", s, s / 5, gap }'
