import XinyuCore

/// Plans one school: every class's weekly slot, frequency and lessons, then the group programmes.
///
/// Who teaches: the school's psychology teachers (B or A) may teach every class and are tried first; when the rules
/// allow class teachers, a class's own class teacher (C or above, its homeroom) may teach that class only.
/// Classes without a class teacher of their own are placed first, so the psychology teachers' periods go where
/// nobody else can teach.
///
/// Thin staff degrades, it does not drop: each class has a ladder of frequencies, from its band's (every N weeks)
/// to every N+1, N+2 … weeks as long as the term still dependably gives the rules' minimum periods (each phase on
/// most weekdays, ``TermCalendar/reaches(_:every:)``). First, when the classes
/// that only psychology teachers can teach need more periods a week (1/N each) than those teachers have (weekly
/// maximum, or fewer free periods in the school's timetable), the most frequent of them are stepped down one at a
/// time (the highest grade first) until the need fits. Then classes are placed one by one, each at the most
/// frequent step of its ladder that fits. If a class still does not fit, the most frequent class placed with one
/// of its teachers steps down and the school is placed again, until every class fits or no such class can step
/// down. Only then is a class left unplaced, with the numbers that show why.
struct SchoolPlanner {
    let ctx: ScheduleContext
    let school: School
    let grades: [Grade]
    let teachers: [Teacher]
    let calendar: TermCalendar
    let bandLessons: [Band: [LessonPlan]]
    /// Each stored lesson's rank in the rules' preference (``ScheduleContext/lessonTiers(school:)``).
    let lessonTiers: [String: Int]
    var sessions: [ScheduleEntry] = []
    var unplaced: [UnplacedWork] = []
    var plans: [ClassPlan] = []
    /// What the psychology teachers keep for the school's group programmes: the programmes the school can run
    /// (counseling room, a grade the activity suits, a facilitator of its level) spread over the teachers who can
    /// facilitate one. Only classes with a class teacher of their own leave it free (they can be taught by that
    /// teacher instead), so groups never push a class without one towards fewer lessons.
    func groupReserve(_ staff: [Staff]) -> (facilitators: Set<String>, each: Int) {
        guard school.counselingRoom else { return ([], 0) }
        var programmes = 0
        var facilitators = Set<String>()
        for program in ctx.rules.groups {
            guard let a = ctx.catalog.activity(program.activity), a.room == "counseling-room",
                grades.contains(where: { g in g.classes > 0 && Band(grade: g.level).map { a.bands.contains($0) } == true })
            else { continue }
            let able = staff.filter { $0.isPsych && ctx.canFacilitate($0.teacher, activity: a, school: school.id) }
            guard !able.isEmpty else { continue }
            programmes += 1
            facilitators.formUnion(able.map(\.teacher.id))
        }
        guard !facilitators.isEmpty else { return ([], 0) }
        return (facilitators, (programmes + facilitators.count - 1) / facilitators.count)
    }

    /// Slots (Monday–Friday × allowed periods) psychology may use, by weekday then period.
    let allowedSlots: [Int]
    /// Lessons chosen for a band and the months of a class's dates (``LessonChooser`` is deterministic), handed
    /// from school to school by ``Scheduler``.
    var chosenLessons: [LessonKey: [String]] = [:]

    /// What a class's lesson sequence depends on.
    struct LessonKey: Hashable {
        var band: Band
        var months: [Int]
        /// The school, when it has plans of its own for the band (its sequence is its own); nil otherwise.
        var school: String?
    }

    init(
        ctx: ScheduleContext, school: School, grades: [Grade], teachers: [Teacher], calendar: TermCalendar,
        bandLessons: [Band: [LessonPlan]], lessonTiers: [String: Int] = [:]
    ) {
        self.ctx = ctx
        self.school = school
        self.grades = grades
        self.teachers = teachers
        self.calendar = calendar
        self.bandLessons = bandLessons
        self.lessonTiers = lessonTiers
        let periods = ctx.rules.allowedPeriods.sorted()
        allowedSlots = (1...5).flatMap { d in periods.map { ScheduleContext.slot(weekday: d, period: $0) } }
    }

    /// A class to plan.
    struct ClassNeed {
        var id: String
        var grade: Int
        var k: Int
        var band: Band
        /// Every N weeks, as the rules ask.
        var rulesEvery: Int
        /// The frequencies it may get, most frequent first; each still reaches the minimum (or is the rules' own).
        var ladder: [Int]
        /// Staff indices that may teach it: psychology teachers first, then its own class teacher.
        var candidates: [Int]
        /// Whether an own class teacher is among the candidates.
        var hasClassTeacher: Bool
        /// Slots psychology may use that the class's timetable leaves free, its psychology slots first.
        var free: [Int]
        /// Its slots in the school's timetable that are psychology.
        var psychology: Set<Int>
    }

    /// One qualified teacher and what is planned for them so far.
    struct Staff {
        var teacher: Teacher
        var isPsych: Bool
        var weeklyMax: Int
        /// Slots busy in the school's timetable.
        var busy: Set<Int>
        /// Slot → weeks (bits) already planned in it.
        var used: [Int: UInt64] = [:]
        /// Sessions per teaching week.
        var load: [Int] = [Int](repeating: 0, count: TermCalendar.maxWeeks)
        /// Weeks at the weekly maximum.
        var full: UInt64 = 0
        /// Periods a week a psychology teacher keeps for the school's group programmes when a class that has its
        /// own class teacher is placed (0 for class teachers).
        var reserve = 0
        /// Weeks with no period left but the reserve.
        var reserved: UInt64 = 0
        var dayLoad = [Int](repeating: 0, count: 8)
        var total = 0

        init(teacher: Teacher, isPsych: Bool, weeklyMax: Int, busy: Set<Int>) {
            self.teacher = teacher
            self.isPsych = isPsych
            self.weeklyMax = weeklyMax
            self.busy = busy
            full = weeklyMax <= 0 ? ~0 : 0
            reserved = full
        }

        /// Keeps `n` periods a week for groups.
        mutating func keep(_ n: Int) {
            reserve = n
            if weeklyMax - n <= 0 { reserved = ~0 }
        }

        mutating func take(slot: Int, weeks: UInt64, weekday: Int) {
            used[slot, default: 0] |= weeks
            for w in TermCalendar.weeks(weeks) {
                load[w] += 1
                if load[w] >= weeklyMax { full |= 1 << UInt64(w) }
                if load[w] >= weeklyMax - reserve { reserved |= 1 << UInt64(w) }
            }
            dayLoad[weekday] += 1
            total += weeks.nonzeroBitCount
        }
    }

    /// Where a class meets.
    struct Placement {
        var staff: Int
        var weekday: Int
        var period: Int
        var every: Int
        var weeks: UInt64
    }

    mutating func run() {
        var needs: [ClassNeed] = []
        var staff = makeStaff()
        let psych = staff.indices.filter { staff[$0].isPsych }
        let reserve = groupReserve(staff)
        for i in psych where reserve.facilitators.contains(staff[i].teacher.id) { staff[i].keep(reserve.each) }
        for g in grades {
            guard let band = Band(grade: g.level), g.classes > 0 else { continue }
            for k in 1...g.classes {
                let id = "\(school.id)-\(g.level)-\(k)"
                let every = ctx.rules.everyWeeks[band] ?? 1
                if bandLessons[band]?.isEmpty ?? true {
                    fail(id, grade: g.level, every: every, .noLessons, "the lesson library has no \(band.rawValue) lessons")
                    continue
                }
                let own = staff.indices.filter {
                    !staff[$0].isPsych
                        && ctx.isOwnClassTeacher(
                            staff[$0].teacher, classId: id,
                            school: school.id)
                }
                if psych.isEmpty && own.isEmpty {
                    fail(id, grade: g.level, every: every, .noQualifiedTeacher, noTeacherReason(classId: id))
                    continue
                }
                needs.append(
                    makeNeed(
                        id: id, grade: g.level, k: k, band: band, every: every, candidates: psych + own,
                        ownClassTeacher: !own.isEmpty))
            }
        }
        let (placed, failed) = placeDegrading(needs, staff: &staff)
        let numbers = StaffNumbers(planner: self, staff: staff, needs: needs, placed: placed)
        for (i, n) in needs.enumerated() {
            if let p = placed[i] {
                plan(n, placement: p, staff: staff, numbers: numbers)
            } else if failed.contains(i) {
                let (cause, why) = unplacedReason(n, staff: staff, numbers: numbers)
                fail(n.id, grade: n.grade, every: n.rulesEvery, cause, why)
            }
        }
        plans.sort { ($0.grade, Self.classNumber($0.class)) < ($1.grade, Self.classNumber($1.class)) }
        planGroups(staff: staff)
        unplaced = plans.filter { $0.outcome == .unplaced }.map {
            UnplacedWork(class: $0.class, reason: "\(school.id): \($0.reason)", cause: $0.cause)
        }
    }

    // MARK: who and what

    /// The school's qualified teachers: psychology teachers, then class teachers who may teach their own class.
    private func makeStaff() -> [Staff] {
        var out: [Staff] = []
        for t in teachers where ctx.canTeachLessons(t, school: school.id) {
            out.append(Staff(teacher: t, isPsych: true, weeklyMax: ctx.rules.weeklyMax(t.id), busy: ctx.teacherBusy[t.id] ?? []))
        }
        for t in teachers where !ctx.canTeachLessons(t, school: school.id) {
            guard let c = ctx.homerooms[t.id], ctx.isOwnClassTeacher(t, classId: c, school: school.id) else { continue }
            out.append(Staff(teacher: t, isPsych: false, weeklyMax: ctx.rules.weeklyMax(t.id), busy: ctx.teacherBusy[t.id] ?? []))
        }
        return out
    }

    private func makeNeed(
        id: String, grade: Int, k: Int, band: Band, every: Int, candidates: [Int],
        ownClassTeacher: Bool
    ) -> ClassNeed {
        var ladder = [every]
        let minimum = ctx.rules.minimumPeriods
        while let last = ladder.last, last < 52, calendar.reaches(minimum, every: last + 1),
            calendar.reaches(minimum, every: last)
        {
            ladder.append(last + 1)
        }
        let occupied = ctx.classOccupied[id] ?? []
        let psychology = ctx.psychologySlots[id] ?? []
        var free = psychology.filter { allowedSlots.contains($0) && !occupied.contains($0) }
        let first = Set(free)
        for s in allowedSlots where !occupied.contains(s) && !first.contains(s) { free.append(s) }
        return ClassNeed(
            id: id, grade: grade, k: k, band: band, rulesEvery: every, ladder: ladder, candidates: candidates,
            hasClassTeacher: ownClassTeacher, free: free, psychology: Set(psychology))
    }

    // MARK: placing with degrading

    /// Places every class, stepping frequencies down as the type's documentation says. Returns each class's
    /// placement (by index into `needs`) and the classes that stayed unplaced; `staff` ends with the final plan.
    private func placeDegrading(_ needs: [ClassNeed], staff: inout [Staff]) -> ([Int: Placement], Set<Int>) {
        var step = initialSteps(needs, staff: staff)
        let fresh = staff
        var hopeless = Set<Int>()
        while true {
            var trial = fresh
            let (placed, failed) = placeAll(needs, steps: step, staff: &trial)
            let stuck = failed.filter { !hopeless.contains($0) }
            for f in stuck {
                var alone = fresh
                if tryPlace(needs[f], every: needs[f].ladder.last!, staff: &alone) == nil { hopeless.insert(f) }
            }
            let blocking = Set(stuck.filter { !hopeless.contains($0) }.flatMap { needs[$0].candidates })
            // The most frequent class placed with a teacher of a stuck class steps down (the highest grade first).
            let victim = placed.filter { i, p in
                let step = needs[i].ladder.firstIndex(of: p.every) ?? needs[i].ladder.count
                return blocking.contains(p.staff) && step + 1 < needs[i].ladder.count
            }.min { a, b in
                (a.value.every, -needs[a.key].grade, -needs[a.key].k) < (b.value.every, -needs[b.key].grade, -needs[b.key].k)
            }
            guard let victim, !blocking.isEmpty else {
                staff = trial
                return (placed, Set(failed))
            }
            step[victim.key] = needs[victim.key].ladder.firstIndex(of: victim.value.every)! + 1
        }
    }

    /// The first ladder step of each class: classes only psychology teachers can teach step down, most frequent
    /// first, until the periods a week they need fit the psychology teachers' periods.
    private func initialSteps(_ needs: [ClassNeed], staff: [Staff]) -> [Int] {
        var step = [Int](repeating: 0, count: needs.count)
        let capacity = staff.filter(\.isPsych).reduce(0) { $0 + min($1.weeklyMax, freeSlots($1)) }
        let only = needs.indices.filter { !needs[$0].hasClassTeacher }
        var need = only.reduce(0.0) { $0 + 1.0 / Double(needs[$1].ladder[0]) }
        while need > Double(capacity) + 1e-9 {
            func key(_ i: Int) -> (Int, Int, Int) { (needs[i].ladder[step[i]], -needs[i].grade, -needs[i].k) }
            let next = only.filter { step[$0] + 1 < needs[$0].ladder.count }.min { key($0) < key($1) }
            guard let i = next else { break }
            need += 1.0 / Double(needs[i].ladder[step[i] + 1]) - 1.0 / Double(needs[i].ladder[step[i]])
            step[i] += 1
        }
        return step
    }

    /// Allowed slots a teacher is free in, in the school's timetable.
    func freeSlots(_ s: Staff) -> Int { allowedSlots.filter { !s.busy.contains($0) }.count }

    /// Places the classes one by one (those without a class teacher of their own first, then the most frequent),
    /// each at the first step of its ladder from `steps[i]` on that fits.
    private func placeAll(_ needs: [ClassNeed], steps: [Int], staff: inout [Staff]) -> ([Int: Placement], [Int]) {
        let order = needs.indices.sorted { a, b in
            let (x, y) = (needs[a], needs[b])
            return (x.hasClassTeacher ? 1 : 0, x.ladder[steps[a]], x.free.count, x.grade, x.k)
                < (y.hasClassTeacher ? 1 : 0, y.ladder[steps[b]], y.free.count, y.grade, y.k)
        }
        var placed: [Int: Placement] = [:]
        var failed: [Int] = []
        for i in order {
            var found: Placement?
            for every in needs[i].ladder[steps[i]...] {
                found = tryPlace(needs[i], every: every, staff: &staff)
                if found != nil { break }
            }
            if let p = found { placed[i] = p } else { failed.append(i) }
        }
        return (placed, failed)
    }

    /// Finds and takes a slot for the class meeting every `every` weeks: a candidate teacher (psychology teachers
    /// least loaded first, then its own class teacher), a phase (least loaded weeks first), a weekday (the teacher's
    /// least used first) and a period, free for both, giving at least the required lessons without going over the
    /// teacher's weekly maximum in any week. The class's own psychology slots are tried first.
    func tryPlace(_ n: ClassNeed, every: Int, staff: inout [Staff]) -> Placement? {
        let required = min(ctx.rules.minimumPeriods, calendar.bestCount(every: every))
        let order = n.candidates.sorted { a, b in
            (staff[a].isPsych ? 0 : 1, staff[a].total, a) < (staff[b].isPsych ? 0 : 1, staff[b].total, b)
        }
        for t in order {
            let s = staff[t]
            let phases = (0..<every).map { p -> (Int, Int) in
                let m = TermCalendar.phaseWeeks(every: every, phase: p)
                return (TermCalendar.weeks(m & allWeeks).map { s.load[$0] }.max() ?? 0, p)
            }.sorted { $0 < $1 }.map(\.1)
            func key(_ slot: Int) -> (Int, Int, Int) { (n.psychology.contains(slot) ? 0 : 1, s.dayLoad[slot / 32], slot) }
            let slots = n.free.filter { !s.busy.contains($0) }.sorted { key($0) < key($1) }
            for phase in phases {
                let pm = TermCalendar.phaseWeeks(every: every, phase: phase)
                for slot in slots {
                    let d = slot / 32
                    let weeks = calendar.weekdayWeeks[d] & pm
                    let taken = n.hasClassTeacher ? s.reserved : s.full
                    guard weeks.nonzeroBitCount >= max(required, 1), weeks & taken == 0,
                        (s.used[slot] ?? 0) & weeks == 0
                    else { continue }
                    staff[t].take(slot: slot, weeks: weeks, weekday: d)
                    return Placement(staff: t, weekday: d, period: slot % 32, every: every, weeks: weeks)
                }
            }
        }
        return nil
    }

    /// Every teaching week of the term.
    var allWeeks: UInt64 { calendar.weekdayWeeks.reduce(0, |) }

    // MARK: sessions and plans

    /// Dates and lessons of a placed class, and its plan.
    private mutating func plan(_ n: ClassNeed, placement p: Placement, staff: [Staff], numbers: StaffNumbers) {
        let teacher = staff[p.staff].teacher.id
        let dates = TermCalendar.weeks(p.weeks).compactMap { calendar.days[$0]?[p.weekday] }
        let months = dates.map(\.month)
        // The choice depends only on the band and the dates' months: classes meeting in the same months share it.
        let key = LessonKey(
            band: n.band, months: months, school: ctx.hasOwnLessons(band: n.band, school: school.id) ? school.id : nil)
        let lessons: [String]
        if let known = chosenLessons[key] {
            lessons = known
        } else {
            var chooser = LessonChooser(lessons: bandLessons[n.band] ?? [], tiers: lessonTiers)
            lessons = chooser.assign(months: months).map(\.id)
            chosenLessons[key] = lessons
        }
        for (date, lesson) in zip(dates, lessons) {
            sessions.append(
                ScheduleEntry(
                    term: ctx.term.description, school: school.id, classId: n.id, grade: n.grade,
                    date: date, period: p.period, teacher: teacher, lesson: lesson))
        }
        let by = staff[p.staff].isPsych ? "" : ", by its class teacher \(teacher)"
        let degraded = p.every != n.rulesEvery
        let reason =
            degraded
            ? "\(ClassPlan.frequency(every: p.every)) instead of \(ClassPlan.frequency(every: n.rulesEvery)) "
                + "(\(dates.count) periods)\(by): \(numbers.text)"
            : "\(ClassPlan.frequency(every: p.every)), as the rules ask for band \(n.band.rawValue) (\(dates.count) periods)\(by)"
        plans.append(
            ClassPlan(
                class: n.id, school: school.id, grade: n.grade, outcome: degraded ? .degraded : .full,
                everyWeeks: p.every, rulesEveryWeeks: n.rulesEvery, periods: dates.count, teacher: teacher,
                cause: degraded ? .teacherPeriods : nil, reason: reason))
    }

    /// Records an unplaced class.
    mutating func fail(_ id: String, grade: Int, every: Int, _ cause: PlanCause, _ reason: String) {
        plans.append(
            ClassPlan(
                class: id, school: school.id, grade: grade, outcome: .unplaced, everyWeeks: nil,
                rulesEveryWeeks: every, periods: 0, teacher: nil, cause: cause, reason: reason))
    }

    /// The class number of a class id `SCHOOL-G-K`.
    private static func classNumber(_ classId: String) -> Int { Int(classId.split(separator: "-").last ?? "") ?? 0 }
}
