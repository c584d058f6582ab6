import XinyuCore

/// Everything the scheduler and the checker need, built by the caller (tests build it by hand).
public struct ScheduleContext: Sendable {
    public var term: Term
    public var rules: ScheduleRules
    /// Every lesson the schedule may name: the bundled library and the stored plans (``stored``).
    public var library: LessonLibrary
    /// The bundled library's lessons.
    public var bundledLessons: [LessonPlan]
    /// Stored plans (issue #19): the district library and each school's own.
    public var stored: StoredLessons
    public var catalog: ActivityCatalog
    public var schools: [School]
    public var grades: [Grade]
    public var teachers: [Teacher]
    /// Effective certification level per teacher id on the term's first day (absent: none).
    public var levels: [String: Level]
    /// Teacher id → the class id it leads as class teacher (from the stored homerooms, at the teacher's school).
    public private(set) var homerooms: [String: String] = [:]
    /// The schools' own timetables.
    public private(set) var timetable: [TimetableSlot] = []
    /// Teacher id → slots (``slot(weekday:period:)``) busy in the school's timetable (psychology periods excluded).
    public private(set) var teacherBusy: [String: Set<Int>] = [:]
    /// Class id → slots occupied in the school's timetable (psychology periods excluded).
    public private(set) var classOccupied: [String: Set<Int>] = [:]
    /// Class id → the slots the school's timetable gives psychology, in the file's order.
    public private(set) var psychologySlots: [String: [Int]] = [:]

    public init(
        term: Term, rules: ScheduleRules, library: LessonLibrary, catalog: ActivityCatalog, schools: [School],
        grades: [Grade], teachers: [Teacher], levels: [String: Level], homerooms: [Homeroom] = [],
        timetable: [TimetableSlot] = [], stored: StoredLessons = .none
    ) {
        self.term = term
        self.rules = rules
        self.bundledLessons = library.lessons
        self.stored = stored
        let extra = stored.all.filter { library.lesson($0.id) == nil }
        self.library = extra.isEmpty ? library : ((try? LessonLibrary(lessons: library.lessons + extra)) ?? library)
        self.catalog = catalog
        self.schools = schools
        self.grades = grades
        self.teachers = teachers
        self.levels = levels
        self.timetable = timetable
        let schoolOf = Dictionary(teachers.map { ($0.id, $0.schoolId) }, uniquingKeysWith: { a, _ in a })
        for h in homerooms {
            if let school = schoolOf[h.teacherId] { self.homerooms[h.teacherId] = h.classId(school: school) }
        }
        for s in timetable.sorted(by: { $0.row < $1.row }) {
            let key = ScheduleContext.slot(weekday: s.weekday, period: s.period)
            if s.psychology {
                if let c = s.classId, !(psychologySlots[c]?.contains(key) ?? false) {
                    psychologySlots[c, default: []].append(key)
                }
                continue
            }
            if let t = s.teacherId { teacherBusy[t, default: []].insert(key) }
            if let c = s.classId { classOccupied[c, default: []].insert(key) }
        }
    }

    /// The lessons a class of `band` at `school` is given, most preferred first (``ScheduleRules/lessonPreference``):
    /// the school's own, the district's and the bundled ones in the rules' order, each list in its own order.
    public func lessons(band: Band, school: String) -> [LessonPlan] {
        var seen = Set<String>()
        return rules.lessonPreference.flatMap { source -> [LessonPlan] in
            switch source {
            case .school: stored.bySchool[school] ?? []
            case .district: stored.district
            case .bundled: bundledLessons
            }
        }.filter { $0.band == band && seen.insert($0.id).inserted }
    }

    /// Each stored lesson's rank in the rules' preference for `school` (0 the most preferred), for
    /// ``LessonChooser``; empty when no stored lesson applies (every lesson then ranks the same).
    public func lessonTiers(school: String) -> [String: Int] {
        let own = stored.bySchool[school] ?? []
        guard !own.isEmpty || !stored.district.isEmpty else { return [:] }
        var out: [String: Int] = [:]
        for (rank, source) in rules.lessonPreference.enumerated().reversed() {
            switch source {
            case .school: for l in own { out[l.id] = rank }
            case .district: for l in stored.district { out[l.id] = rank }
            case .bundled: for l in bundledLessons { out[l.id] = rank }
            }
        }
        return out
    }

    /// Whether `school` has plans of its own for `band` that its schedule may use.
    public func hasOwnLessons(band: Band, school: String) -> Bool {
        rules.lessonPreference.contains(.school) && (stored.bySchool[school]?.contains { $0.band == band } ?? false)
    }

    /// A weekly slot (weekday 1–7, period 1–16) as one number.
    public static func slot(weekday: Int, period: Int) -> Int { weekday * 32 + period }

    /// May this teacher teach psychology periods to every class of `school`? Active, of that school,
    /// psych-fulltime or psych-parttime with effective level ≥ B.
    public func canTeachLessons(_ t: Teacher, school: String) -> Bool {
        guard t.status == .active, t.schoolId == school, let level = levels[t.id] else { return false }
        switch t.role {
        case .psychFulltime, .psychParttime: return level >= .B
        default: return false
        }
    }

    /// May this teacher teach the psychology periods of class `classId` of `school`? A psychology teacher of the
    /// school (``canTeachLessons(_:school:)``), or, when the rules allow class teachers, the class's own active
    /// class teacher with effective level ≥ C.
    public func canTeach(_ t: Teacher, classId: String, school: String) -> Bool {
        canTeachLessons(t, school: school) || isOwnClassTeacher(t, classId: classId, school: school)
    }

    /// Is this teacher the allowed class teacher of `classId` (rules allow it, active, role class-teacher, level ≥ C,
    /// homeroom is the class)?
    public func isOwnClassTeacher(_ t: Teacher, classId: String, school: String) -> Bool {
        guard rules.allowClassTeachersWithC, t.status == .active, t.schoolId == school, t.role == .classTeacher,
            let level = levels[t.id], level >= .C
        else { return false }
        return homerooms[t.id] == classId
    }

    /// May this teacher facilitate `activity`? A psychology teacher of the school (``canTeachLessons(_:school:)``):
    /// groups draw students from several classes, so a class teacher never facilitates one) whose level is at
    /// least the catalog's.
    public func canFacilitate(_ t: Teacher, activity: GroupActivity, school: String) -> Bool {
        canTeachLessons(t, school: school) && (levels[t.id].map { $0 >= activity.facilitatorLevel } ?? false)
    }

    /// The times (minutes since midnight) a teacher is busy on a weekday in the school's timetable.
    func busyTimes(teacher: String, weekday: Int) -> [(start: Int, end: Int)] {
        (teacherBusy[teacher] ?? []).compactMap { key in
            key / 32 == weekday ? rules.busyTime(key % 32) : nil
        }
    }

    /// The times a class is occupied on a weekday in the school's timetable.
    func occupiedTimes(classId: String, weekday: Int) -> [(start: Int, end: Int)] {
        (classOccupied[classId] ?? []).compactMap { key in
            key / 32 == weekday ? rules.busyTime(key % 32) : nil
        }
    }

    /// Monday of the term's first teaching week; week N of the term starts N−1 weeks later.
    public var firstMonday: Day {
        let s = rules.span(of: term).lowerBound
        return s.adding(days: 1 - s.weekday)
    }

    /// 1-based teaching week of a date.
    public func week(of d: Day) -> Int { (d.ordinal - firstMonday.ordinal).floorDiv(7) + 1 }
}
