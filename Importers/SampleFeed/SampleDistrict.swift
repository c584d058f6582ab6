import XinyuCore

/// The synthetic district behind ``SampleFeedGenerator``: schools, teachers and courses in memory (small), and each
/// teacher's history recomputed on demand from the teacher's own random stream (large, never held whole).
struct SampleDistrict {
    struct SchoolPlan {
        var id: String
        var name: String
        var stage: Stage
        var counselingRoom: Bool
        var grades: [(Int, Int)]
    }

    struct TeacherPlan {
        var index: Int
        var id: String
        var school: String
        var schoolIndex: Int
        var role: Role
        var hireYear: Int
        /// The school year in which the teacher left (inactive from then on), or nil when active.
        var leftYear: Int?
        var name: String
        /// The class a class teacher leads (grade, class number), feed v1.1 `homeroom`.
        var homeroom: (grade: Int, classNumber: Int)?
    }

    struct CoursePlan {
        var id: String
        var title: String
        var provider: String?
        var tier: Int
        var mode: Int
        var hours: Hours
        var start: Day
        var end: Day
        var track: Track
        var category: Category
        var capacity: Int
    }

    struct AttendancePlan {
        var course: Int
        var hours: Hours
        var status: AttendanceStatus
        var result: CourseResult
        var date: Day?
    }

    struct AwardPlan {
        var level: Level
        var issued: Day
        var number: String
        var expires: Day?
    }

    struct History {
        var attendance: [AttendancePlan] = []
        var awards: [AwardPlan] = []
        var counseling: [(date: Day, hours: Hours)] = []
        var lessons: [(date: Day, periods: Int)] = []
    }

    /// District-level courses of one school year, by kind.
    struct YearPool {
        var publicCourses: [Int] = [], professional: [Int] = [], elective: [Int] = [], cpd: [Int] = []
        var certC: [Int] = [], certB: [(Int, Int)] = [], certA: [(Int, Int)] = []
    }

    let g: SampleFeedGenerator
    var schools: [SchoolPlan] = []
    var teachers: [TeacherPlan] = []
    var courses: [CoursePlan] = []
    /// `wholeStaff[school][year - firstYear]`: the school's tier-60 trainings that year.
    var wholeStaff: [[[Int]]] = []
    var pools: [YearPool] = []
    var years: ClosedRange<Int> { g.firstYear...SchoolYear(containing: g.generated).startYear }
    var feedId: String { "\(g.district)-sample-n\(g.schools)-s\(g.seed)" }

    init(generator: SampleFeedGenerator) {
        g = generator
        makeSchoolsAndTeachers()
        makeCourses()
    }

    // MARK: schools and teachers

    private mutating func makeSchoolsAndTeachers() {
        for i in 0..<g.schools {
            var r = SeededRandom(seed: g.seed, stream: 1, index: UInt64(i))
            let x = Double.random(in: 0..<1, using: &r)
            let stage: Stage =
                x < 0.56
                ? .primary
                : x < 0.76
                    ? .junior
                    : x < 0.86
                        ? .senior
                        : x < 0.93 ? .nineYear : x < 0.98 ? .complete : .special
            let levels = stage == .special ? 1...9 : stage.allowedGrades
            var grades: [(Int, Int)] = []
            for level in levels { grades.append((level, stage == .special ? r.int(1...3) : r.int(2...8))) }
            let id = g.idPrefix + "S" + pad(i + 1, 4)
            let place = r.pick(Names.places)
            let name = place + Names.schoolName(stage: stage, number: i + 1)
            schools.append(SchoolPlan(id: id, name: name, stage: stage, counselingRoom: r.chance(0.85), grades: grades))
            let classes = grades.reduce(0) { $0 + $1.1 }
            let count = Int(Double(classes) * Double.random(in: 3.2...4.0, using: &r)) + 8
            var roles: [Role] = [.leader]
            if r.chance(0.75) { roles.append(.psychFulltime) }
            if classes > 40 { roles.append(.psychFulltime) }
            for _ in 0..<r.int(1...3) { roles.append(.psychParttime) }
            for _ in 0..<(classes * 9 / 10) { roles.append(.classTeacher) }
            while roles.count < count { roles.append(.subjectTeacher) }
            let first = teachers.count
            for role in roles {
                let index = teachers.count
                var tr = SeededRandom(seed: g.seed, stream: 2, index: UInt64(index))
                let hire = tr.int(1992...2025)
                var left: Int?
                if tr.chance(0.04) { left = tr.int(max(hire + 1, 2018)...years.upperBound) }
                teachers.append(
                    TeacherPlan(
                        index: index, id: g.idPrefix + "T" + pad(index + 1, 7), school: id, schoolIndex: i, role: role,
                        hireYear: hire, leftYear: left, name: Names.person(&tr)))
            }
            assignHomerooms(teachers: first..<teachers.count, grades: grades)
        }
    }

    /// Every class gets an active class teacher (班主任): the school's active class teachers take the classes in
    /// order, and active subject teachers become class teachers of the classes left over.
    private mutating func assignHomerooms(teachers range: Range<Int>, grades: [(Int, Int)]) {
        var classes = grades.flatMap { level, n in (0..<n).map { (grade: level, classNumber: $0 + 1) } }[...]
        for role in [Role.classTeacher, .subjectTeacher] {
            for t in range where teachers[t].role == role && teachers[t].leftYear == nil {
                guard let c = classes.popFirst() else { return }
                teachers[t].role = .classTeacher
                teachers[t].homeroom = c
            }
        }
    }

    // MARK: courses

    private mutating func addCourse(_ c: CoursePlan) -> Int? {
        guard c.end <= g.generated else { return nil }
        courses.append(c)
        return courses.count - 1
    }

    private mutating func makeCourses() {
        let k = max(1, (g.schools + 38) / 39)
        let teacherCount = teachers.count
        for year in years {
            var r = SeededRandom(seed: g.seed, stream: 3, index: UInt64(year))
            var pool = YearPool()
            func day(_ r: inout SeededRandom, from: (Int, Int, Int), days: Int) -> Day {
                Day(year: from.0, month: from.1, day: from.2)!.adding(days: r.int(0...days))
            }
            func capacity(_ share: Double) -> Int { min(100_000, max(40, Int(Double(teacherCount) * share) + 20)) }
            for n in 0..<(3 * k) {
                let start = day(&r, from: (year, 9, 15), days: 260)
                let h = r.pick([12, 18, 18, 24])
                if let c = addCourse(
                    CoursePlan(
                        id: "\(g.idPrefix)D\(year)-PUB-\(pad(n + 1, 3))", title: r.pick(Names.publicTitles),
                        provider: r.pick(Names.providers),
                        tier: r.pick([30, 40]), mode: r.pick([2, 3, 4]), hours: Hours(tenths: h * 10), start: start,
                        end: start.adding(days: h / 6 - 1), track: .none, category: .public, capacity: capacity(0.4 / Double(k))))
                {
                    pool.publicCourses.append(c)
                }
            }
            for n in 0..<(6 * k) {
                let start = day(&r, from: (year, 9, 15), days: 260)
                let h = r.pick([18, 24, 30, 36])
                if let c = addCourse(
                    CoursePlan(
                        id: "\(g.idPrefix)D\(year)-PRO-\(pad(n + 1, 3))", title: r.pick(Names.professionalTitles),
                        provider: r.pick(Names.providers),
                        tier: r.pick([20, 30, 40, 40]), mode: r.pick([2, 4]), hours: Hours(tenths: h * 10), start: start,
                        end: start.adding(days: h / 6 - 1), track: .none, category: .professional,
                        capacity: capacity(0.25 / Double(k))))
                {
                    pool.professional.append(c)
                }
            }
            for n in 0..<(3 * k) {
                let start = day(&r, from: (year, 9, 15), days: 260)
                let h = r.pick([8, 12, 12, 16, 16])
                if let c = addCourse(
                    CoursePlan(
                        id: "\(g.idPrefix)D\(year)-ELE-\(pad(n + 1, 3))", title: r.pick(Names.electiveTitles),
                        provider: "国家中小学智慧教育平台",
                        tier: 99, mode: 3, hours: Hours(tenths: h * 10), start: start, end: start.adding(days: 20),
                        track: .none, category: .elective, capacity: capacity(0.4 / Double(k))))
                {
                    pool.elective.append(c)
                }
            }
            for n in 0..<(3 * k) {
                let start = day(&r, from: (year, 10, 1), days: 230)
                let h = r.pick([12, 18, 24])
                if let c = addCourse(
                    CoursePlan(
                        id: "\(g.idPrefix)D\(year)-CPD-\(pad(n + 1, 3))", title: r.pick(Names.cpdTitles),
                        provider: r.pick(Names.providers),
                        tier: r.pick([20, 30, 40]), mode: r.pick([2, 4]), hours: Hours(tenths: h * 10), start: start,
                        end: start.adding(days: h / 6 - 1), track: .cpd, category: .professional,
                        capacity: capacity(0.1 / Double(k))))
                {
                    pool.cpd.append(c)
                }
            }
            /// One certification course of this year: the track's level, the part (`C`, `B1`, `A2`…), and its
            /// share of the district's teachers for the capacity.
            func cert(
                _ part: String, _ n: Int, _ title: String, _ provider: String, tier: Int, mode: Int, hours: Hours,
                start: Day, days: Int, track: Track, share: Double
            ) -> Int? {
                addCourse(
                    CoursePlan(
                        id: "\(g.idPrefix)CERT\(year)-\(part)-\(pad(n + 1, 3))", title: title, provider: provider, tier: tier,
                        mode: mode,
                        hours: hours, start: start, end: start.adding(days: days), track: track, category: .professional,
                        capacity: capacity(share / Double(k))))
            }
            for n in 0..<(3 * k) {
                let start = n % 2 == 0 ? day(&r, from: (year, 10, 8), days: 45) : day(&r, from: (year + 1, 3, 1), days: 50)
                if let c = cert(
                    "C", n, "中小学心理健康教育C证培训", "佛山市顺德区教师发展中心", tier: 40, mode: 4, hours: 36,
                    start: start, days: 5, track: .C, share: 0.1)
                {
                    pool.certC.append(c)
                }
            }
            let bProvider = "广东省中小学心理健康教育指导中心"
            let aProvider = "华南师范大学心理学院"
            for n in 0..<(2 * k) {
                let s1 = day(&r, from: (year, 10, 8), days: 40)
                let s2 = day(&r, from: (year + 1, 3, 8), days: 40)
                let a = cert(
                    "B1", n, "中小学心理健康教育B证培训（上）", bProvider, tier: 30, mode: 2, hours: 45,
                    start: s1, days: 7, track: .B, share: 0.03)
                let b = cert(
                    "B2", n, "中小学心理健康教育B证培训（下）", bProvider, tier: 30, mode: 2, hours: 45,
                    start: s2, days: 7, track: .B, share: 0.03)
                if let a, let b { pool.certB.append((a, b)) }
            }
            for n in 0..<k {
                let s1 = day(&r, from: (year, 10, 15), days: 30)
                let s2 = day(&r, from: (year + 1, 4, 1), days: 30)
                let a = cert(
                    "A1", n, "中小学心理健康教育A证培训（理论）", aProvider, tier: 20, mode: 1, hours: 60,
                    start: s1, days: 9, track: .A, share: 0.01)
                let b = cert(
                    "A2", n, "中小学心理健康教育A证培训（督导实践）", aProvider, tier: 20, mode: 4, hours: 60,
                    start: s2, days: 9, track: .A, share: 0.01)
                if let a, let b { pool.certA.append((a, b)) }
            }
            pools.append(pool)
        }
        // Each school's whole-staff trainings: two a term, the first on mental health (track cpd).
        var staffCount = [Int](repeating: 0, count: schools.count)
        for t in teachers { staffCount[t.schoolIndex] += 1 }
        for (si, s) in schools.enumerated() {
            var perYear: [[Int]] = []
            for year in years {
                var r = SeededRandom(seed: g.seed, stream: 4, index: UInt64(si * 100 + year - g.firstYear))
                var ids: [Int] = []
                for (term, from) in [("F", (year, 10, 10)), ("S", (year + 1, 3, 2))] {
                    for n in 1...2 {
                        let d = Day(year: from.0, month: from.1, day: from.2)!.adding(days: r.int(0...70))
                        let mental = n == 1
                        if let c = addCourse(
                            CoursePlan(
                                id: "WS-\(s.id)-\(year)\(term)\(n)",
                                title: mental ? r.pick(Names.wholeStaffMentalTitles) : r.pick(Names.wholeStaffTitles),
                                provider: s.name, tier: 60, mode: 2, hours: 3, start: d, end: d,
                                track: mental ? .cpd : .none, category: .professional, capacity: staffCount[si] + 10))
                        {
                            ids.append(c)
                        }
                    }
                }
                perYear.append(ids)
            }
            wholeStaff.append(perYear)
        }
    }

    // MARK: one teacher's history

    /// The teacher's whole history, the same every time it is asked for.
    func history(of t: TeacherPlan) -> History {
        var r = SeededRandom(seed: g.seed, stream: 7, index: UInt64(t.index))
        var h = History()
        let engagement = r.chance(0.12) ? Double.random(in: 0.15...0.45, using: &r) : Double.random(in: 0.7...1.0, using: &r)
        let psych = t.role == .psychFulltime || t.role == .psychParttime
        let activeYears = Set(years.filter { y in y >= t.hireYear && (t.leftYear.map { y < $0 } ?? true) })
        var taken = Set<Int>()

        func attend(_ c: Int, result: CourseResult = .none, reliable: Bool = false) {
            guard !taken.contains(c) else { return }
            taken.insert(c)
            let course = courses[c]
            let x = Double.random(in: 0..<1, using: &r)
            if reliable || x < 0.92 {
                h.attendance.append(
                    AttendancePlan(
                        course: c, hours: course.hours, status: .completed, result: result,
                        date: r.chance(0.1) ? course.end : nil))
            } else if x < 0.96 {
                h.attendance.append(
                    AttendancePlan(
                        course: c, hours: Hours(tenths: course.hours.tenths / 2),
                        status: .partial, result: .none, date: nil))
            } else if x < 0.98 {
                h.attendance.append(AttendancePlan(course: c, hours: .zero, status: .absent, result: .none, date: nil))
            } else {
                h.attendance.append(AttendancePlan(course: c, hours: .zero, status: .withdrawn, result: .none, date: nil))
            }
        }

        // Certification plans: which levels, from which year.
        let wantsC = t.role.isPsychOrLeader ? 1.0 : t.role == .classTeacher ? 0.9 : 0.78
        let wantsB: Double =
            switch t.role {
            case .psychFulltime: 1.0
            case .psychParttime: 0.9
            case .leader: 0.6
            case .classTeacher: 0.2
            case .subjectTeacher: 0.04
            }
        let wantsA: Double =
            switch t.role {
            case .psychFulltime: 0.75
            case .leader: 0.3
            case .psychParttime: 0.1
            default: 0
            }
        // Some long-serving teachers hold a C from before the recorded history.
        if t.hireYear < 2014 && r.chance(0.3) {
            let issued = Day(year: r.int(max(t.hireYear + 1, 2012)...2016), month: r.pick([1, 6, 12]), day: r.int(1...28))!
            h.awards.append(award(.C, issued, t, &r))
        }
        var cYear: Int? = r.chance(wantsC) ? (activeYears.min() ?? 9999) + r.int(0...4) : nil
        let skipC = r.chance(0.03)
        if skipC { cYear = nil }
        var cPassed: Int?
        var bPassed: Int?
        var aDone = false
        let bWanted = r.chance(wantsB)
        let aWanted = r.chance(wantsA)

        for (yi, year) in years.enumerated() where activeYears.contains(year) {
            let pool = pools[yi]
            // Whole-staff trainings of the teacher's school.
            for c in wholeStaff[t.schoolIndex][yi] where r.chance(0.55 + 0.43 * engagement) { attend(c) }
            if !pool.publicCourses.isEmpty {
                if r.chance(0.97 * engagement) { attend(r.pick(pool.publicCourses)) }
                if r.chance(0.55 * engagement) { attend(r.pick(pool.publicCourses)) }
            }
            if !pool.professional.isEmpty {
                if r.chance(0.97 * engagement) { attend(r.pick(pool.professional)) }
                if r.chance(0.6 * engagement) { attend(r.pick(pool.professional)) }
                if r.chance(0.3 * engagement) { attend(r.pick(pool.professional)) }
            }
            if !pool.elective.isEmpty {
                if r.chance(0.97 * engagement) { attend(r.pick(pool.elective)) }
                if r.chance(0.35 * engagement) { attend(r.pick(pool.elective)) }
            }
            if !pool.cpd.isEmpty, r.chance((psych || t.role == .leader ? 0.85 : 0.08) * engagement) { attend(r.pick(pool.cpd)) }

            // Certification training.
            if let cy = cYear, cPassed == nil, year >= cy, !pool.certC.isEmpty {
                let c = r.pick(pool.certC)
                let pass = r.chance(0.9)
                attend(c, result: pass ? .pass : .fail, reliable: true)
                if pass {
                    cPassed = year
                    let issued = courses[c].end.adding(days: 45)
                    if issued <= g.generated { h.awards.append(award(.C, issued, t, &r)) }
                }
            }
            let bReady = (cPassed.map { year >= $0 + 1 } ?? false) || (skipC && year >= t.hireYear + 1)
            if bWanted, bPassed == nil, bReady, let pair = pool.certB.isEmpty ? nil : r.pick(pool.certB) {
                attend(pair.0, reliable: true)
                let pass = r.chance(0.88)
                attend(pair.1, result: pass ? .pass : .fail, reliable: true)
                if pass {
                    bPassed = year
                    let issued = courses[pair.1].end.adding(days: 45)
                    if issued <= g.generated { h.awards.append(award(.B, issued, t, &r)) }
                }
            }
            if aWanted, !aDone, let bp = bPassed, year >= bp + 2, let pair = pool.certA.isEmpty ? nil : r.pick(pool.certA) {
                attend(pair.0, reliable: true)
                let pass = r.chance(0.85)
                attend(pair.1, result: pass ? .pass : .fail, reliable: true)
                aDone = true
                let issued = courses[pair.1].end.adding(days: 60)
                if pass, issued <= g.generated { h.awards.append(award(.A, issued, t, &r)) }
            }

            // Practice: counseling hours and psychology periods (the counselor's own hours; no student data).
            if t.role.isPsychOrLeader {
                let (cDays, lDays, maxPeriods): (ClosedRange<Int>, ClosedRange<Int>, Int) =
                    switch t.role {
                    case .psychFulltime: (18...34, 16...30, 4)
                    case .psychParttime: (5...12, 6...14, 2)
                    default: (1...5, 0...3, 1)
                    }
                var used = Set<Int>()
                for _ in 0..<r.int(cDays) {
                    guard let d = schoolDay(year, &r, &used) else { continue }
                    h.counseling.append((d, Hours(tenths: r.int(2...6) * 5)))
                }
                used.removeAll()
                for _ in 0..<r.int(lDays) {
                    guard let d = schoolDay(year, &r, &used) else { continue }
                    h.lessons.append((d, r.int(1...maxPeriods)))
                }
            }
        }
        return h
    }

    private func award(_ level: Level, _ issued: Day, _ t: TeacherPlan, _ r: inout SeededRandom) -> AwardPlan {
        let number = "\(level.rawValue)\(g.district)\(issued.year)\(pad(t.index + 1, 7))"
        let expires: Day? = r.chance(0.05) ? issued.adding(years: 3) : nil
        return AwardPlan(level: level, issued: issued, number: number, expires: expires)
    }

    /// A distinct weekday in term time of the school year, not after the feed's date.
    private func schoolDay(_ year: Int, _ r: inout SeededRandom, _ used: inout Set<Int>) -> Day? {
        for _ in 0..<4 {
            let start = r.chance(0.5) ? Day(year: year, month: 9, day: 8)! : Day(year: year + 1, month: 2, day: 26)!
            let d = start.adding(days: r.int(0...110))
            if d.weekday <= 5, d <= g.generated, !used.contains(d.ordinal) {
                used.insert(d.ordinal)
                return d
            }
        }
        return nil
    }
}

/// Zero-padded decimal.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
