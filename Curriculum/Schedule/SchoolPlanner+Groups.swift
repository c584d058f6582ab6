import XinyuCore

extension SchoolPlanner {
    /// Group programmes in the counseling room: one group per programme, weekly in one room window, with a free
    /// psychology teacher as facilitator under the weekly maximum, students from the oldest grade the activity
    /// suits. The window must not overlap the facilitator's busy periods or any period the school's timetable
    /// gives a class of that grade (the students come from those classes).
    mutating func planGroups(staff: [Staff]) {
        let rules = ctx.rules
        guard school.counselingRoom, !rules.groups.isEmpty else { return }
        let qualified = staff.filter(\.isPsych).map(\.teacher)
        var weekLoad: [String: [Int: Int]] = [:]
        for s in staff {
            for (w, n) in s.load.enumerated() where n > 0 { weekLoad[s.teacher.id, default: [:]][w] = n }
        }
        // Busy time per teacher per date: (start, end) minutes.
        var busy: [String: [Day: [(Int, Int)]]] = [:]
        for s in sessions {
            if let band = Band(grade: s.grade), let t = rules.periodTime(s.period, band: band) {
                busy[s.teacher, default: [:]][s.date, default: []].append((t.start, t.end))
            }
        }
        let weeks = calendar.days.keys.sorted()
        var roomUsed = Set<String>()
        for (gi, program) in rules.groups.enumerated() {
            guard let a = ctx.catalog.activity(program.activity), a.room == "counseling-room" else { continue }
            guard
                let grade = grades.filter({ g in g.classes > 0 && Band(grade: g.level).map { a.bands.contains($0) } == true })
                    .max(by: { $0.level < $1.level })
            else { continue }
            let label = "\(school.id)-\(a.id)-\(gi + 1)"
            let facilitators = qualified.filter { ctx.canFacilitate($0, activity: a, school: school.id) }
            if facilitators.isEmpty {
                failGroup(
                    label, grade: grade.level, .noFacilitator,
                    "no psychology teacher with level ≥ \(a.facilitatorLevel.rawValue) to facilitate \(a.name) (\(a.id))")
                continue
            }
            let classes = (1...grade.classes).map { "\(school.id)-\(grade.level)-\($0)" }
            var done = false
            search: for (wi, w) in rules.roomOpen.enumerated() where w.end - w.start >= a.minutes {
                let (s0, e0) = (w.start, w.start + a.minutes)
                for wd in w.weekdays.sorted() {
                    let studentsBusy = classes.contains { c in
                        ctx.occupiedTimes(classId: c, weekday: wd).contains { $0.start < e0 && s0 < $0.end }
                    }
                    if studentsBusy { continue }
                    let dates = weeks.compactMap { calendar.days[$0]?[wd] }.filter { !roomUsed.contains("\($0)#\(wi)") }
                    guard dates.count >= a.sessions else { continue }
                    let chosen = Array(dates.prefix(a.sessions))
                    let fOrder = facilitators.sorted {
                        (weekLoad[$0.id]?.values.reduce(0, +) ?? 0, $0.id) < (weekLoad[$1.id]?.values.reduce(0, +) ?? 0, $1.id)
                    }
                    for f in fOrder {
                        let timetabled = ctx.busyTimes(teacher: f.id, weekday: wd)
                        if timetabled.contains(where: { $0.start < e0 && s0 < $0.end }) { continue }
                        let ok = chosen.allSatisfy { d in
                            let w = ctx.week(of: d) - 1
                            guard (weekLoad[f.id]?[w] ?? 0) + 1 <= rules.weeklyMax(f.id) else { return false }
                            return !(busy[f.id]?[d] ?? []).contains { $0.0 < e0 && s0 < $0.1 }
                        }
                        guard ok else { continue }
                        for d in chosen {
                            roomUsed.insert("\(d)#\(wi)")
                            weekLoad[f.id, default: [:]][ctx.week(of: d) - 1, default: 0] += 1
                            busy[f.id, default: [:]][d, default: []].append((s0, e0))
                            sessions.append(
                                ScheduleEntry(
                                    term: ctx.term.description, school: school.id, classId: label,
                                    grade: grade.level, date: d, period: wi + 1, teacher: f.id,
                                    lesson: a.id, kind: .group, room: "counseling-room",
                                    groupSize: program.size))
                        }
                        plans.append(
                            ClassPlan(
                                class: label, school: school.id, grade: grade.level, kind: .group,
                                outcome: .full, everyWeeks: nil, rulesEveryWeeks: nil, periods: chosen.count,
                                teacher: f.id, cause: nil,
                                reason: "\(a.name) (\(a.id)): weekly, \(chosen.count) sessions in counseling-room "
                                    + "window \(wi + 1), weekday \(wd)"))
                        done = true
                        break search
                    }
                }
            }
            if !done {
                failGroup(
                    label, grade: grade.level, .noRoomWindow,
                    "no counseling-room window with \(a.sessions) free weeks, free students of grade \(grade.level) "
                        + "and a free facilitator (level ≥ \(a.facilitatorLevel.rawValue)) for \(a.name) (\(a.id))")
            }
        }
    }

    /// Records an unplaced group programme.
    private mutating func failGroup(_ label: String, grade: Int, _ cause: PlanCause, _ reason: String) {
        plans.append(
            ClassPlan(
                class: label, school: school.id, grade: grade, kind: .group, outcome: .unplaced,
                everyWeeks: nil, rulesEveryWeeks: nil, periods: 0, teacher: nil, cause: cause, reason: reason))
    }
}
