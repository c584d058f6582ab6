#!/usr/bin/env bash
# Benchmark: schedule a whole 390-school district (~11,000 classes) for one term, release build.
# Anchor: 10 s. Prints wall time, time/10 s ratio, sessions, unplaced, hard-rule violations (the build refuses to
# store a schedule with any, so a successful run means zero) and the soft-rule score; then the share of classes
# at their full frequency, degraded (planned less often, at least the minimum) and unplaced, with the bundled rules
# (class teachers give their own class) and without class teachers, side by side.
# Data: `xinyu sample-feed --schools 390` (every class has a class teacher, feed v1.1 homeroom) + `xinyu import`,
# and a FET timetable for every school (bench/timetables.py) imported with `xinyu timetable import`. Without
# those commands (an older build): a synthetic database written with sqlite3 (390 schools: primary 6×4 classes,
# junior 3×8, senior 3×7; two qualified psych teachers per school, one in every tenth school), no timetables.
# Usage (from the repo root): bench/schedule.sh [SCHOOLS]
set -euo pipefail
SCHOOLS="${1:-390}"
cd "$(dirname "$0")/.."
if [ -n "${XINYU_BIN:-}" ]; then BIN="$XINYU_BIN"; else   # XINYU_BIN: a prebuilt binary, for trying the script only
  source bench/build.sh
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/bench.sqlite"

data=""
if "$BIN" sample-feed "$WORK/feed.xml" --schools "$SCHOOLS" --seed 1 >/dev/null 2>&1 \
   && "$BIN" --db "$DB" import "$WORK/feed.xml" >/dev/null 2>&1; then
  data="sample feed ($SCHOOLS schools, seed 1)"
else
  rm -f "$DB"*
  "$BIN" --db "$DB" schools list >/dev/null   # creates the schema
  sqlite3 "$DB" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SCHOOLS)
INSERT INTO school (id, name, stage, counselingRoom, district)
SELECT printf('S%04d', i), '第' || i || '学校', CASE i % 3 WHEN 0 THEN 'primary' WHEN 1 THEN 'junior' ELSE 'senior' END,
       (i % 2), '440305' FROM n;
WITH RECURSIVE g(l) AS (SELECT 1 UNION ALL SELECT l + 1 FROM g WHERE l < 12)
INSERT INTO grade (schoolId, level, classes)
SELECT s.id, g.l, CASE s.stage WHEN 'primary' THEN 4 WHEN 'junior' THEN 8 ELSE 7 END
FROM school s JOIN g ON (s.stage = 'primary' AND g.l <= 6) OR (s.stage = 'junior' AND g.l BETWEEN 7 AND 9)
                     OR (s.stage = 'senior' AND g.l >= 10);
INSERT INTO teacher (id, schoolId, name, role, hired, status)
SELECT id || '-P1', id, '心理教师甲', 'psych-fulltime', '2015-09-01', 'active' FROM school;
INSERT INTO teacher (id, schoolId, name, role, hired, status)
SELECT id || '-P2', id, '心理教师乙', 'psych-parttime', '2018-09-01', 'active' FROM school
WHERE CAST(substr(id, 2) AS INTEGER) % 10 <> 0;
INSERT INTO teacher (id, schoolId, name, role, hired, status)
SELECT id || '-C1', id, '班主任', 'class-teacher', '2019-09-01', 'active' FROM school;
INSERT INTO award (teacherId, level, issued, number, expires)
SELECT id, CASE role WHEN 'psych-fulltime' THEN 'A' WHEN 'psych-parttime' THEN 'B' ELSE 'C' END, '2024-06-01', NULL, NULL
FROM teacher;
COMMIT;
SQL
  data="synthetic sqlite3 district ($SCHOOLS schools)"
fi

if [ -n "$data" ] && "$BIN" timetable --help >/dev/null 2>&1; then
  python3 bench/timetables.py "$DB" "$WORK/tt" 1 >/dev/null
  t0=$(date +%s.%N)
  for f in "$WORK"/tt/*.csv; do
    s="$(basename "$f" .csv)"
    "$BIN" --db "$DB" timetable import "$f" --school "$s" >/dev/null || { echo "timetable import $s failed" >&2; exit 1; }
  done
  t1=$(date +%s.%N)
  data="$data, homerooms $(sqlite3 "$DB" "SELECT COUNT(*) FROM homeroom"), timetables for $(sqlite3 "$DB" \
    "SELECT COUNT(*) FROM timetable") schools ($(sqlite3 "$DB" "SELECT COUNT(*) FROM timetableSlot") slots, imported in \
    $(python3 -c "print(f'{$t1 - $t0:.1f}')") s)"
fi

classes=$(sqlite3 "$DB" "SELECT SUM(classes) FROM grade")
start=$(date +%s.%N)
"$BIN" --db "$DB" schedule build --term 2026-fall --format json > "$WORK/report.json"
end=$(date +%s.%N)
# The same build without class teachers (a district that turns them off).
sed 's/^allowClassTeachersWithC: .*/allowClassTeachersWithC: false/' Curriculum/Library/schedule-rules.yaml > "$WORK/off.yaml"
start2=$(date +%s.%N)
"$BIN" --db "$DB" schedule build --term 2026-fall --rules "$WORK/off.yaml" --format json > "$WORK/off.json"
end2=$(date +%s.%N)
python3 - "$WORK/report.json" "$start" "$end" "$classes" "$data" "$WORK/off.json" "$start2" "$end2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); t = float(sys.argv[3]) - float(sys.argv[2])
o = json.load(open(sys.argv[6])); t2 = float(sys.argv[8]) - float(sys.argv[7])
s = r["score"]
print(f"data: {sys.argv[5]}; {r['schools']} schools, {sys.argv[4]} classes")
print(f"schedule build 2026-fall: {t:.2f} s  ratio {t/10:.3f} (anchor 10 s)")
print(f"sessions {r['sessions']} (group {r['groupSessions']}), unplaced {len(r['unplaced'])}, hard-rule violations {len(r['violations'])}")
print(f"soft score {s['total']:.1f}/100: theme coverage {s['themeCoverage']:.3f}, week spread {s['weekSpread']:.3f}, "
      f"load balance {s['loadBalance']:.3f}, preferred months {s['preferredMonths']:.3f}")
def share(x, n): return f"{100 * x / n:5.1f}% ({x})" if n else "-"
for rep in (r, o):
    rep.setdefault("classesFull", None)
if r["classesFull"] is not None:
    n = r["classes"]
    print(f"{'classes':<22}{'with class teachers':>24}{'without class teachers':>26}")
    for key, label in (("classesFull", "full frequency"), ("classesDegraded", "degraded"), ("classesUnplaced", "unplaced")):
        print(f"{label:<22}{share(r[key], n):>24}{share(o[key], n):>26}")
    print(f"build without class teachers: {t2:.2f} s, hard-rule violations {len(o['violations'])}")
PY
