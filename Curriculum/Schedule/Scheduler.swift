import XinyuCore

/// Builds a term schedule: each class gets a fixed weekly slot (teacher, weekday, period) and a phase when it meets
/// every N weeks, like a real timetable; lessons are then chosen per date from the class's band.
///
/// Hard rules (see ``ScheduleChecker``) are never broken: work that does not fit is reported in `unplaced`.
/// Soft rules: teachers are chosen least-loaded first (load balance), weekdays least-used first (spread), lessons
/// cover every theme before repeating and prefer lessons whose preferred month is the date's month.
public enum Scheduler {
    public static func build(_ ctx: ScheduleContext) -> TermSchedule {
        var sessions: [ScheduleEntry] = []
        var unplaced: [UnplacedWork] = []
        let gradesBySchool = Dictionary(grouping: ctx.grades, by: \.schoolId)
        let teachersBySchool = Dictionary(grouping: ctx.teachers, by: \.schoolId)
        let days = schoolDays(ctx)
        let bandLessons = Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, ctx.library.lessons(band: $0)) })
        for school in ctx.schools.sorted(by: { $0.id < $1.id }) {
            var out = SchoolPlanner(ctx: ctx, school: school,
                                    grades: (gradesBySchool[school.id] ?? []).sorted { $0.level < $1.level },
                                    teachers: (teachersBySchool[school.id] ?? []).sorted { $0.id < $1.id },
                                    days: days, bandLessons: bandLessons)
            out.run()
            sessions += out.sessions
            unplaced += out.unplaced
        }
        return TermSchedule(term: ctx.term.description, sessions: sessions, unplaced: unplaced)
    }

    /// School days of the term, by teaching week index (0-based) and weekday.
    static func schoolDays(_ ctx: ScheduleContext) -> [Int: [Int: Day]] {
        var out: [Int: [Int: Day]] = [:]
        let span = ctx.rules.span(of: ctx.term)
        var d = span.lowerBound
        while d <= span.upperBound {
            if ctx.rules.isSchoolDay(d, term: ctx.term) { out[ctx.week(of: d) - 1, default: [:]][d.weekday] = d }
            d = d.adding(days: 1)
        }
        return out
    }
}

/// Plans one school.
struct SchoolPlanner {
    let ctx: ScheduleContext
    let school: School
    let grades: [Grade]
    let teachers: [Teacher]
    let days: [Int: [Int: Day]]
    let bandLessons: [Band: [LessonPlan]]
    var sessions: [ScheduleEntry] = []
    var unplaced: [UnplacedWork] = []

    init(ctx: ScheduleContext, school: School, grades: [Grade], teachers: [Teacher], days: [Int: [Int: Day]],
         bandLessons: [Band: [LessonPlan]]) {
        self.ctx = ctx; self.school = school; self.grades = grades; self.teachers = teachers; self.days = days
        self.bandLessons = bandLessons
    }

    struct ClassNeed { var id: String; var grade: Int; var k: Int; var band: Band; var every: Int }
    struct Slot { var teacher: Int; var weekday: Int; var period: Int; var phase: Int; var every: Int }

    mutating func run() {
        let rules = ctx.rules
        let term = ctx.term.description
        var needs: [ClassNeed] = []
        for g in grades {
            guard let band = Band(grade: g.level), g.classes > 0 else { continue }
            if bandLessons[band]?.isEmpty ?? true {
                for k in 1...g.classes {
                    unplaced.append(UnplacedWork(class: "\(school.id)-\(g.level)-\(k)", reason: "\(school.id): the lesson library has no \(band.rawValue) lessons"))
                }
                continue
            }
            for k in 1...g.classes {
                needs.append(ClassNeed(id: "\(school.id)-\(g.level)-\(k)", grade: g.level, k: k, band: band,
                                       every: rules.everyWeeks[band] ?? 1))
            }
        }
        let qualified = teachers.filter { ctx.canTeachLessons($0, school: school.id) }
        if qualified.isEmpty {
            let why = rules.allowClassTeachersWithC
                ? "psych-fulltime or psych-parttime with level ≥ B, or class teacher with level ≥ C"
                : "psych-fulltime or psych-parttime with level ≥ B"
            for n in needs {
                unplaced.append(UnplacedWork(class: n.id, reason: "\(school.id): no qualified teacher (active \(why) on \(ctx.rules.span(of: ctx.term).lowerBound))"))
            }
            planGroups(qualified: [], weekLoad: [:])
            return
        }
        // Cycle length: lcm of the frequencies in use.
        let cycle = needs.map(\.every).reduce(1) { lcm($0, $1) }
        let periods = rules.allowedPeriods
        let weekdays = [1, 2, 3, 4, 5]
        var load = [[Int]](repeating: [Int](repeating: 0, count: cycle), count: qualified.count)
        var dayLoad = [[Int]](repeating: [Int](repeating: 0, count: 6), count: qualified.count)
        // occ[teacher][weekday*16+period] = phases (mod cycle) already used in that slot.
        var occ = [[Int: [Bool]]](repeating: [:], count: qualified.count)
        let maxes = qualified.map { rules.weeklyMax($0.id) }
        var placed: [(ClassNeed, Slot)] = []
        var failed: [ClassNeed] = []
        let order = needs.sorted { ($0.every, $0.grade, $0.k) < ($1.every, $1.grade, $1.k) }
        for n in order {
            var best: Slot?
            let tOrder = qualified.indices.sorted { (load[$0].max()!, $0) < (load[$1].max()!, $1) }
            search: for t in tOrder {
                let phases = (0..<n.every).sorted { phaseLoad(load[t], $0, n.every) < phaseLoad(load[t], $1, n.every) || (phaseLoad(load[t], $0, n.every) == phaseLoad(load[t], $1, n.every) && $0 < $1) }
                for p in phases {
                    guard stride(from: p, to: cycle, by: n.every).allSatisfy({ load[t][$0] + 1 <= maxes[t] }) else { continue }
                    let dOrder = weekdays.sorted { (dayLoad[t][$0], $0) < (dayLoad[t][$1], $1) }
                    for d in dOrder {
                        for per in periods {
                            let key = d * 16 + per
                            let used = occ[t][key] ?? [Bool](repeating: false, count: cycle)
                            if stride(from: p, to: cycle, by: n.every).allSatisfy({ !used[$0] }) {
                                best = Slot(teacher: t, weekday: d, period: per, phase: p, every: n.every)
                                break search
                            }
                        }
                    }
                }
            }
            guard let s = best else { failed.append(n); continue }
            var used = occ[s.teacher][s.weekday * 16 + s.period] ?? [Bool](repeating: false, count: cycle)
            for r in stride(from: s.phase, to: cycle, by: s.every) { used[r] = true; load[s.teacher][r] += 1 }
            occ[s.teacher][s.weekday * 16 + s.period] = used
            dayLoad[s.teacher][s.weekday] += 1
            placed.append((n, s))
        }
        if !failed.isEmpty {
            let need = needs.reduce(0.0) { $0 + 1.0 / Double($1.every) }.rounded(.up)
            let cap = maxes.reduce(0, +)
            let reason: String
            if Int(need) > cap {
                let maxText = Set(maxes).count == 1 ? "weekly maximum \(maxes[0])" : "weekly maxima total \(cap)"
                reason = "\(school.id): \(needs.count) classes need \(Int(need)) periods a week; \(qualified.count) qualified teacher\(qualified.count == 1 ? "" : "s"), \(maxText)"
            } else {
                reason = "\(school.id): no free allowed period left for its \(qualified.count) qualified teacher\(qualified.count == 1 ? "" : "s") (\(weekdays.count) weekdays × \(periods.count) allowed periods, weekly maximum)"
            }
            for n in failed.sorted(by: { ($0.grade, $0.k) < ($1.grade, $1.k) }) {
                unplaced.append(UnplacedWork(class: n.id, reason: reason))
            }
        }
        // Dates and lessons.
        var weekLoad: [String: [Int: Int]] = [:]
        let weeks = days.keys.sorted()
        for (n, s) in placed.sorted(by: { $0.0.id < $1.0.id }) {
            let teacher = qualified[s.teacher].id
            var chooser = LessonChooser(lessons: bandLessons[n.band] ?? [])
            let dated = weeks.filter { $0 % s.every == s.phase % s.every }.compactMap { w in days[w]?[s.weekday].map { (w, $0) } }
            let chosen = chooser.assign(months: dated.map { $0.1.month })
            for ((w, date), lesson) in zip(dated, chosen) {
                sessions.append(ScheduleEntry(term: term, school: school.id, classId: n.id, grade: n.grade, date: date,
                                               period: s.period, teacher: teacher, lesson: lesson.id))
                weekLoad[teacher, default: [:]][w, default: 0] += 1
            }
        }
        planGroups(qualified: qualified, weekLoad: weekLoad)
    }

    private func phaseLoad(_ l: [Int], _ p: Int, _ every: Int) -> Int {
        stride(from: p, to: l.count, by: every).map { l[$0] }.max() ?? 0
    }

    /// Group programmes in the counseling room: one group per programme, weekly in one room window, with a free
    /// facilitator under the weekly maximum, students from the oldest grade the activity suits.
    mutating func planGroups(qualified: [Teacher], weekLoad wl: [String: [Int: Int]]) {
        let rules = ctx.rules
        guard school.counselingRoom, !rules.groups.isEmpty else { return }
        var weekLoad = wl
        // Busy time per teacher per date: (start, end) minutes.
        var busy: [String: [Day: [(Int, Int)]]] = [:]
        for s in sessions {
            if let band = Band(grade: s.grade), let t = rules.periodTime(s.period, band: band) {
                busy[s.teacher, default: [:]][s.date, default: []].append((t.start, t.end))
            }
        }
        var roomUsed = Set<String>()
        for (gi, program) in rules.groups.enumerated() {
            guard let a = ctx.catalog.activity(program.activity), a.room == "counseling-room" else { continue }
            guard let grade = grades.filter({ g in g.classes > 0 && Band(grade: g.level).map { a.bands.contains($0) } == true })
                .map(\.level).max() else { continue }
            let label = "\(school.id)-\(a.id)-\(gi + 1)"
            let facilitators = qualified.filter { ctx.canFacilitate($0, activity: a, school: school.id) }
            if facilitators.isEmpty {
                unplaced.append(UnplacedWork(class: label, reason: "\(school.id): no qualified teacher with level ≥ \(a.facilitatorLevel.rawValue) to facilitate \(a.name) (\(a.id))"))
                continue
            }
            var done = false
            search: for (wi, w) in rules.roomOpen.enumerated() where w.end - w.start >= a.minutes {
                for wd in w.weekdays.sorted() {
                    let dates = days.keys.sorted().compactMap { days[$0]?[wd] }
                        .filter { !roomUsed.contains("\($0)#\(wi)") }
                    guard dates.count >= a.sessions else { continue }
                    let chosen = Array(dates.prefix(a.sessions))
                    let (s0, e0) = (w.start, w.start + a.minutes)
                    let fOrder = facilitators.sorted { (weekLoad[$0.id]?.values.reduce(0, +) ?? 0, $0.id) < (weekLoad[$1.id]?.values.reduce(0, +) ?? 0, $1.id) }
                    for f in fOrder {
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
                            sessions.append(ScheduleEntry(term: ctx.term.description, school: school.id, classId: label,
                                                           grade: grade, date: d, period: wi + 1, teacher: f.id,
                                                           lesson: a.id, kind: .group, room: "counseling-room",
                                                           groupSize: program.size))
                        }
                        done = true
                        break search
                    }
                }
            }
            if !done {
                unplaced.append(UnplacedWork(class: label, reason: "\(school.id): no counseling-room window with \(a.sessions) free weeks and a free facilitator (level ≥ \(a.facilitatorLevel.rawValue)) for \(a.name) (\(a.id))"))
            }
        }
    }
}

func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }

/// Picks a class's lessons for its dates, in rounds of seven consecutive sessions: each round uses seven
/// different themes, so every theme is covered before any repeats. Inside a round, dates whose month some unused
/// lesson prefers get that lesson first; the other dates then take, in order, an unused lesson with no preferred
/// month, else one preferring another month, else (when the band's lessons are used up) a repeat.
struct LessonChooser {
    let lessons: [LessonPlan]
    var used = Set<String>()

    init(lessons: [LessonPlan]) { self.lessons = lessons }

    mutating func assign(months: [Int]) -> [LessonPlan] {
        let round = Theme.allCases.count
        var out = [LessonPlan?](repeating: nil, count: months.count)
        var start = 0
        while start < months.count {
            let range = start..<min(start + round, months.count)
            var themes = Set<Theme>()
            for j in range {
                if let l = lessons.first(where: { !used.contains($0.id) && !themes.contains($0.theme) && $0.preferredMonths.contains(months[j]) }) {
                    out[j] = l; themes.insert(l.theme); take(l)
                }
            }
            for j in range where out[j] == nil {
                var best: LessonPlan?
                var bestScore = Int.max
                for l in lessons where !themes.contains(l.theme) {
                    var score = l.preferredMonths.isEmpty ? 1 : (l.preferredMonths.contains(months[j]) ? 0 : 3)
                    if used.contains(l.id) { score += 10 }
                    if score < bestScore { best = l; bestScore = score }
                }
                let l = best ?? lessons[0]
                out[j] = l; themes.insert(l.theme); take(l)
            }
            start += round
        }
        return out.map { $0! }
    }

    private mutating func take(_ l: LessonPlan) {
        used.insert(l.id)
        if used.count >= lessons.count { used.removeAll() }
    }
}
