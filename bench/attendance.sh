#!/usr/bin/env bash
# Sign-in sheet benchmark (issue 15): `xinyu attendance import` of an N-row .xlsx written by openpyxl, into a store
# whose school has N teachers, as a ratio to `python3 -c` reading the same file with openpyxl (read-only mode, every
# cell's value) in the same run; peak RSS of both, at several sizes, to show memory stays flat in the rows.
# Each side runs RUNS times (default 3), alternating, best time kept; every import starts from a copy of the same
# store (so each one adds N submitted records).
# Usage: bench/attendance.sh [ROWS...]   (default: 5000 50000)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check openpyxl >/dev/null
[ -x /usr/bin/time ] || { apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }; }

source bench/build.sh
WORK="${TMPDIR:-/tmp}/xinyu-bench-attendance"
mkdir -p "$WORK"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(5000 50000)

measure() { # prints "seconds peakKB" of a command (stdout discarded; exit 0 or 3 accepted)
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null || [ $? -eq 3 ]
  tail -1 "$WORK/time.txt"
}
best() { awk -v b="$1" -v t="$2" 'BEGIN{ if (b == "" || t < b) print t; else print b }'; }

printf "%-7s %8s %11s %10s %7s %11s %10s %s\n" rows "KB" "openpyxl s" "import s" ratio "openpyxl MB" "import MB" "added"
for n in "${SIZES[@]}"; do
  feed="$WORK/feed-$n.xml" sheet="$WORK/sheet-$n.xlsx" base="$WORK/base-$n.sqlite"
  if [ ! -s "$sheet" ] || [ ! -s "$base" ]; then
    python3 - "$n" "$feed" "$sheet" <<'PY'
import sys, openpyxl
n, feed, sheet = int(sys.argv[1]), sys.argv[2], sys.argv[3]
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
def name(i): return surnames[i % len(surnames)] + given[(i // 20) % len(given)] + given[(i // 460) % len(given)]
with open(feed, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="urn:xinyu:district-feed:1" id="bench-sheet" '
            'district="440608" generated="2026-09-01T08:00:00+08:00">\n<schools><school id="S1" stage="complete">'
            '<name>第一中学</name><grade level="7" classes="10"/></school></schools>\n<teachers>\n')
    for i in range(n):
        f.write(f'<teacher id="T{i:06d}" school="S1" role="subject-teacher"><name>{name(i)}</name></teacher>\n')
    f.write('</teachers>\n</feed>\n')
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("签到")
ws.append(["心理健康全员培训 签到表"])
ws.append(["工号", "姓名", "学时", "签到", "备注"])
for i in range(n):
    ws.append([f"T{i:06d}", name(i), 3 if i % 10 else 1.5, "已签到" if i % 10 else "迟到", "" if i % 7 else "补签"])
wb.save(sheet)
PY
    rm -f "$base" "$base-wal" "$base-shm"
    "$BIN" --db "$base" import "$feed" >/dev/null
    "$BIN" --db "$base" trainings add --school S1 --title 全员培训 --category professional --tier 60 --mode 2 \
      --hours 3 --date 2026-03-01 >/dev/null
  fi
  kb=$(( $(stat -c %s "$sheet") / 1024 ))
  cat "$sheet" > /dev/null
  ps=""; xs=""; pkb=0; xkb=0
  db="$WORK/run-$n.sqlite"
  for _ in $(seq "${RUNS:-3}"); do
    read -r t k < <(measure python3 -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for row in wb.worksheets[0].iter_rows(values_only=True):
    pass
" "$sheet")
    ps=$(best "$ps" "$t"); [ "$k" -gt "$pkb" ] && pkb=$k
    rm -f "$db" "$db-wal" "$db-shm"; cp "$base" "$db"
    read -r t k < <(measure "$BIN" --db "$db" attendance import "$sheet" --course S1-T0001 --format json)
    xs=$(best "$xs" "$t"); [ "$k" -gt "$xkb" ] && xkb=$k
  done
  added=$("$BIN" --db "$db" trainings list --format json | grep -o '"submitted" : [0-9]*' | head -1 | grep -o '[0-9]*$')
  rm -f "$db" "$db-wal" "$db-shm"
  ratio=$(awk -v a="$xs" -v b="$ps" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }')
  printf "%-7s %8s %11s %10s %7s %11s %10s %s\n" "$n" "$kb" "$ps" "$xs" "${ratio}x" \
    "$(awk -v k="$pkb" 'BEGIN{printf "%.0f", k/1024}')" "$(awk -v k="$xkb" 'BEGIN{printf "%.0f", k/1024}')" "$added"
done
echo "target: a 5,000-row sheet imported in < 1 s; memory flat in the number of rows" >&2
