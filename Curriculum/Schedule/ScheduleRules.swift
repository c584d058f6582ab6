import Foundation
import XinyuCore

/// Scheduling rules of a district (YAML; bundled default `Curriculum/Library/schedule-rules.yaml`).
///
/// Everything local lives here, never in code: frequency per band, teaching weeks of each term, holidays,
/// the period timetable and which periods psychology may use, teachers' weekly maximum, whether C-certified
/// class teachers may teach their own class, the fewest periods a class gets when staff is thin, the subjects of
/// a school's own timetable that are psychology, counseling-room open hours and the group programmes each school
/// with a room runs.
public struct ScheduleRules: Sendable {
    /// A time window on some weekdays (ISO 1 Monday … 7 Sunday), minutes since midnight.
    public struct Window: Sendable, Hashable {
        public var weekdays: Set<Int>
        public var start: Int
        public var end: Int
        public init(weekdays: Set<Int>, start: Int, end: Int) {
            self.weekdays = weekdays
            self.start = start
            self.end = end
        }
    }

    /// A group programme run by every school that has a counseling room.
    public struct GroupProgram: Sendable, Hashable {
        public var activity: String
        public var size: Int
        public init(activity: String, size: Int) {
            self.activity = activity
            self.size = size
        }
    }

    /// One psychology period every `everyWeeks[band]` weeks (1 weekly, 2 every two weeks, 4 ≈ monthly).
    public var everyWeeks: [Band: Int]
    /// Teaching days of named terms (`2026-fall`); a term not listed runs over its whole calendar span.
    public var termDays: [String: ClosedRange<Day>]
    public var holidays: Set<Day>
    /// Start time of each period of the day (period 1 first), minutes since midnight.
    public var periodStarts: [Int]
    /// Periods (1-based) psychology lessons may use.
    public var allowedPeriods: [Int]
    public var teacherWeeklyMax: Int
    public var teacherWeeklyMaxById: [String: Int]
    /// Whether active class teachers with effective level C (or higher) may teach their own class's psychology
    /// periods (never another class's).
    public var allowClassTeachersWithC: Bool
    /// The fewest psychology periods a class should get in a term: when the qualified teachers cannot give every
    /// class its band's frequency, classes are planned less often, but never below this.
    public var minimumPeriods: Int
    /// Subjects of a school's own timetable that are psychology (matched as parts of the subject, ignoring case):
    /// those periods are the class's psychology slot, not busy time.
    public var psychologySubjects: [String]
    public var roomOpen: [Window]
    public var groups: [GroupProgram]
    /// IANA time zone of the calendar export.
    public var timeZone: String
    /// Which lesson plans a class's lessons come from first (issue #19): by default the school's own active plans,
    /// then the district library (its own and approved school plans), then the bundled library; each still by
    /// band, theme and month. A source not listed is not used.
    public var lessonPreference: [LibrarySource] = ScheduleRules.defaultLessonPreference

    public func weeklyMax(_ teacher: String) -> Int { teacherWeeklyMaxById[teacher] ?? teacherWeeklyMax }

    /// Whether a timetable subject is psychology (see ``psychologySubjects``).
    public func isPsychology(subject: String) -> Bool {
        let s = subject.lowercased()
        return psychologySubjects.contains { !$0.isEmpty && s.contains($0.lowercased()) }
    }

    /// The minutes a period of the school's own timetable may take: from its start, as long as the longest
    /// period (45 minutes, secondary).
    public func busyTime(_ period: Int) -> (start: Int, end: Int)? { periodTime(period, band: .junior) }

    /// Teaching span of a term.
    public func span(of term: Term) -> ClosedRange<Day> { termDays[term.description] ?? (term.first...term.last) }

    /// A school day: Monday–Friday, inside the term's teaching span, not a holiday.
    public func isSchoolDay(_ d: Day, term: Term) -> Bool {
        d.weekday <= 5 && span(of: term).contains(d) && !holidays.contains(d)
    }

    /// Start and end (minutes since midnight) of a period for a band.
    public func periodTime(_ period: Int, band: Band) -> (start: Int, end: Int)? {
        guard period >= 1, period <= periodStarts.count else { return nil }
        let s = periodStarts[period - 1]
        return (s, s + band.periodMinutes)
    }

    /// The bundled default rules.
    public static func bundled() throws -> ScheduleRules {
        guard let url = Bundle.module.url(forResource: "schedule-rules", withExtension: "yaml", subdirectory: "Library") else {
            throw InputError(
                file: "Curriculum/Library/schedule-rules.yaml", problem: "bundled schedule rules are missing from this build")
        }
        return try load(path: url.path)
    }

    public static func load(path: String) throws -> ScheduleRules {
        try parse(file: path, text: try YAMLFile.read(path))
    }

    private struct Raw: Decodable {
        struct RawWindow: Decodable {
            var weekdays: [Int]?
            var start: String?
            var end: String?
        }
        struct RawTerm: Decodable {
            var first: String?
            var last: String?
        }
        struct RawRoom: Decodable { var open: [RawWindow]? }
        struct RawGroup: Decodable {
            var activity: String?
            var size: Int?
        }
        var frequency: [String: Int]?
        var terms: [String: RawTerm]?
        var holidays: [String]?
        var periods: [String]?
        var allowedPeriods: [Int]?
        var teacherWeeklyMax: Int?
        var teacherWeeklyMaxById: [String: Int]?
        var allowClassTeachersWithC: Bool?
        var minimumPeriods: Int?
        var psychologySubjects: [String]?
        var counselingRoom: RawRoom?
        var groups: [RawGroup]?
        var timeZone: String?
        var lessonPreference: [String]?
    }

    /// "HH:MM" → minutes since midnight.
    static func minutes(_ s: String) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return h * 60 + m
    }

    public static func parse(file: String, text: String) throws -> ScheduleRules {
        let r = try YAMLFile.decode(Raw.self, from: text, file: file)
        func fail(_ what: String, _ p: String) -> InputError { InputError(file: file, record: what, problem: p) }
        var every: [Band: Int] = [.low: 2, .middle: 1, .high: 1, .junior: 1, .senior: 2]
        for (k, v) in r.frequency ?? [:] {
            guard let b = Band(rawValue: k) else { throw fail("frequency", "unknown band \(k)") }
            guard (1...8).contains(v) else { throw fail("frequency.\(k)", "every \(v) weeks is not 1–8") }
            every[b] = v
        }
        var terms: [String: ClosedRange<Day>] = [:]
        for (k, v) in r.terms ?? [:] {
            let t: Term
            switch Term.parse(k) {
            case .success(let term): t = term
            case .failure(let p): throw fail("terms.\(k)", "\(p)")
            }
            guard let a = v.first.flatMap(Day.init), let b = v.last.flatMap(Day.init), a <= b,
                t.contains(a), t.contains(b)
            else {
                throw fail("terms.\(k)", "first and last must be dates YYYY-MM-DD inside the term, first ≤ last")
            }
            terms[t.description] = a...b
        }
        var holidays = Set<Day>()
        for h in r.holidays ?? [] {
            let parts = h.components(separatedBy: "..")
            for part in parts {
                if case .failure(let p) = Day.parse(part), p != .malformed(expected: "a date YYYY-MM-DD") {
                    throw fail("holidays", "\(part): \(p)")
                }
            }
            if parts.count == 1, let d = Day(h) {
                holidays.insert(d)
                continue
            }
            guard parts.count == 2, let a = Day(parts[0]), let b = Day(parts[1]), a <= b, a.days(to: b) <= 366 else {
                throw fail("holidays", "\(h) is not a date or a range YYYY-MM-DD..YYYY-MM-DD of at most 366 days")
            }
            for i in 0...a.days(to: b) { holidays.insert(a.adding(days: i)) }
        }
        let starts = try (r.periods ?? ["08:00", "08:55", "10:00", "10:55", "14:00", "14:55", "15:50"]).map { s in
            guard let m = minutes(s) else { throw fail("periods", "\(s) is not a time HH:MM") }
            return m
        }
        guard !starts.isEmpty, zip(starts, starts.dropFirst()).allSatisfy({ $0.1 - $0.0 >= 45 }) else {
            throw fail("periods", "period start times must be in order, at least 45 minutes apart")
        }
        let allowed = r.allowedPeriods ?? Array(1...starts.count)
        guard !allowed.isEmpty, allowed.allSatisfy({ (1...starts.count).contains($0) }), Set(allowed).count == allowed.count
        else {
            throw fail("allowedPeriods", "must list distinct periods 1–\(starts.count)")
        }
        let maxWeek = r.teacherWeeklyMax ?? 14
        guard (1...60).contains(maxWeek) else { throw fail("teacherWeeklyMax", "\(maxWeek) is not 1–60") }
        for (k, v) in r.teacherWeeklyMaxById ?? [:] where !(0...60).contains(v) {
            throw fail("teacherWeeklyMaxById.\(k)", "\(v) is not 0–60")
        }
        let windows = try (r.counselingRoom?.open ?? []).map { w -> Window in
            guard let s = w.start.flatMap(minutes), let e = w.end.flatMap(minutes), s < e else {
                throw fail("counselingRoom.open", "each window needs start < end as HH:MM")
            }
            let days = w.weekdays ?? [1, 2, 3, 4, 5]
            guard days.allSatisfy({ (1...5).contains($0) }) else {
                throw fail("counselingRoom.open", "weekdays must be 1 (Monday)–5 (Friday)")
            }
            return Window(weekdays: Set(days), start: s, end: e)
        }
        let groups = try (r.groups ?? []).map { g -> GroupProgram in
            guard let a = g.activity, let s = g.size, s > 0 else {
                throw fail("groups", "each group needs an activity id and a size")
            }
            return GroupProgram(activity: a, size: s)
        }
        let minimum = r.minimumPeriods ?? 6
        guard (1...40).contains(minimum) else { throw fail("minimumPeriods", "\(minimum) is not 1–40") }
        let tz = r.timeZone ?? "Asia/Shanghai"
        guard TimeZone(identifier: tz) != nil else { throw fail("timeZone", "\(tz) is not an IANA time zone") }
        let preference = try (r.lessonPreference ?? defaultLessonPreference.map(\.rawValue)).map { word in
            guard let source = LibrarySource(rawValue: word) else {
                throw fail("lessonPreference", "unknown source \(word); use school, district and bundled")
            }
            return source
        }
        guard !preference.isEmpty, Set(preference).count == preference.count else {
            throw fail("lessonPreference", "list each of school, district and bundled at most once, at least one")
        }
        var rules = ScheduleRules(
            everyWeeks: every, termDays: terms, holidays: holidays, periodStarts: starts,
            allowedPeriods: allowed, teacherWeeklyMax: maxWeek,
            teacherWeeklyMaxById: r.teacherWeeklyMaxById ?? [:],
            allowClassTeachersWithC: r.allowClassTeachersWithC ?? true, minimumPeriods: minimum,
            psychologySubjects: r.psychologySubjects ?? ScheduleRules.defaultPsychologySubjects,
            roomOpen: windows, groups: groups, timeZone: tz)
        rules.lessonPreference = preference
        return rules
    }

    /// The lesson preference when the rules name none: the school's own, the district's, the bundled plans.
    public static let defaultLessonPreference: [LibrarySource] = [.school, .district, .bundled]

    /// The psychology subjects when the rules name none.
    public static let defaultPsychologySubjects = ["心理", "psychology", "mental health"]

    /// Checks that every group programme names a catalog activity that runs in the counseling room and fits the size limits.
    public func validate(against catalog: ActivityCatalog, file: String) throws {
        for g in groups {
            guard let a = catalog.activity(g.activity) else {
                throw InputError(
                    file: file, record: "groups", problem: "unknown activity \(g.activity); it is not in the activity catalog")
            }
            guard (a.minSize...a.maxSize).contains(g.size) else {
                throw InputError(
                    file: file, record: "groups",
                    problem: "\(g.activity) group size \(g.size) is outside \(a.minSize)–\(a.maxSize)")
            }
        }
    }
}
