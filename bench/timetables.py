#!/usr/bin/env python3
"""Writes a school master timetable (FET's CSV timetable export) for every school of a xinyu database.

Usage: bench/timetables.py DB OUTDIR [SEED]

Deterministic for a seed. Each class has 7 periods a day, Monday to Friday; about 8 of its 35 periods are left
free (the first period is always taken). Its class teacher teaches it 8 periods (语文 or 数学); the school's
part-time psychology teachers each teach 8 other-subject periods (科学) in a few classes; subject teachers fill
the rest, never two places at once. In one school of five the timetable already gives grades 3-9 a weekly
心理健康 period with a psychology teacher (the class's psychology slot, not busy time). Days and hours are written
the ways Chinese schools write them (星期一/周二, 第2节/2), classes as 三(2)班, 3-2 or S0001-3-2.
"""
import csv
import os
import random
import sqlite3
import sys

CN = "一二三四五六七八九"
DAYS = [["星期一", "周一", "Monday"], ["星期二", "周二", "Tuesday"], ["星期三", "周三", "Wednesday"],
        ["星期四", "周四", "Thursday"], ["星期五", "周五", "Friday"]]
SUBJECTS = ["语文", "数学", "英语", "体育", "音乐", "美术", "道德与法治", "信息技术", "劳动"]


def class_name(school, grade, k, r):
    form = r.randrange(3)
    if form == 0 and grade <= 9:
        return f"{CN[grade - 1]}({k})班"
    if form == 1:
        return f"{grade}-{k}"
    return f"{school}-{grade}-{k}"


def main():
    db, out = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    con = sqlite3.connect(db)
    schools = [r[0] for r in con.execute("SELECT id FROM school ORDER BY id")]
    total = 0
    for si, school in enumerate(schools):
        r = random.Random(seed * 100003 + si)
        grades = con.execute("SELECT level, classes FROM grade WHERE schoolId = ? AND classes > 0 ORDER BY level",
                             (school,)).fetchall()
        classes = [(g, k) for g, n in grades for k in range(1, n + 1)]
        teachers = con.execute("SELECT id, name, role FROM teacher WHERE schoolId = ? AND status = 'active' ORDER BY id",
                               (school,)).fetchall()
        homeroom = {}
        for tid, g, k in con.execute("SELECT h.teacherId, h.grade, h.classNumber FROM homeroom h "
                                     "JOIN teacher t ON t.id = h.teacherId WHERE t.schoolId = ?", (school,)):
            homeroom[(g, k)] = tid
        names = {tid: name for tid, name, _ in teachers}
        name_count = {}
        for _, name, _ in teachers:
            name_count[name] = name_count.get(name, 0) + 1
        parttime = [tid for tid, _, role in teachers if role == "psych-parttime"]
        psych = [tid for tid, _, role in teachers if role in ("psych-fulltime", "psych-parttime")]
        subject = [tid for tid, _, role in teachers if role in ("subject-teacher", "leader")]
        busy = {tid: set() for tid, _, _ in teachers}
        rows = []

        def who(tid):
            # By name when the name is unique in the school, else by id (as a school would fix it).
            return names[tid] if name_count[names[tid]] == 1 and r.random() < 0.7 else tid

        def add(day, period, cls, subj, tid):
            g, k = cls
            d = DAYS[day - 1][r.randrange(3)]
            h = f"第{period}节" if r.random() < 0.5 else str(period)
            rows.append([len(rows) + 1, d, h, class_name(school, g, k, r), subj, who(tid) if tid else "", "", "", ""])
            if tid:
                busy[tid].add((day, period))

        psych_slot = r.random() < 0.2
        for cls in classes:
            slots = [(d, p) for d in range(1, 6) for p in range(1, 8)]
            free = set(r.sample([s for s in slots if s[1] != 1], 8))
            taken = [s for s in slots if s not in free]
            r.shuffle(taken)
            if psych_slot and 3 <= cls[0] <= 9 and psych:
                t = psych[(cls[0] + cls[1]) % len(psych)]
                s = next((s for s in taken if s[1] >= 2 and s not in busy[t]), None)
                if s:
                    taken.remove(s)
                    add(s[0], s[1], cls, "心理健康", t)
            own = homeroom.get(cls)
            mine = 0
            for s in list(taken):
                if own and mine < 8 and s not in busy[own]:
                    add(s[0], s[1], cls, r.choice(["语文", "数学"]), own)
                    taken.remove(s)
                    mine += 1
            for s in taken:
                pool = [t for t in parttime if sum(1 for _ in busy[t]) < 8 and s not in busy[t]]
                if pool and r.random() < 0.3:
                    add(s[0], s[1], cls, "科学", r.choice(pool))
                    continue
                free_subject = [t for t in subject if s not in busy[t]]
                t = r.choice(free_subject) if free_subject else None
                add(s[0], s[1], cls, r.choice(SUBJECTS), t)
        with open(os.path.join(out, f"{school}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, quoting=csv.QUOTE_ALL)
            w.writerow(["Activity Id", "Day", "Hour", "Students Sets", "Subject", "Teachers", "Activity Tags", "Room",
                        "Comments"])
            w.writerows(rows)
        total += len(rows)
    print(f"{len(schools)} timetables, {total} rows")


if __name__ == "__main__":
    main()
