import XinyuCore

/// The district's A/B/C coverage as of a date (RULES.md "Coverage counts"): active teachers only; effective level
/// A counts toward A, B and C, B toward B and C; expiring and lapsed counted once per teacher; eligible per level.
///
/// JSON keys are fixed by issue 4; `name` (school) and `targets` are extra.
public struct CoverageReport: Sendable, Codable, Hashable {
    public var asOf: Day
    public var district: District
    /// Sorted by id.
    public var schools: [SchoolCoverage]

    /// Counts per level.
    public struct LevelCounts: Sendable, Codable, Hashable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        public var C = 0, B = 0, A = 0
        public init() {}
        public subscript(_ l: Level) -> Int {
            get {
                switch l {
                case .C: C
                case .B: B
                case .A: A
                }
            }
            set {
                switch l {
                case .C: C = newValue
                case .B: B = newValue
                case .A: A = newValue
                }
            }
        }
        static func + (a: LevelCounts, b: LevelCounts) -> LevelCounts {
            var r = LevelCounts()
            r.C = a.C + b.C
            r.B = a.B + b.B
            r.A = a.A + b.A
            return r
        }
    }

    public struct District: Sendable, Codable, Hashable {
        public var schools = 0
        public var teachers = 0
        public var certified = LevelCounts()
        public var meetingRoleRequirement = 0
        public var schoolsWithQualifiedPsychTeacher = 0
        public var expiring = 0
        public var lapsed = 0
        public var eligible = LevelCounts()
    }

    public struct SchoolCoverage: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        /// Active teachers.
        public var teachers = 0
        public var certified = LevelCounts()
        public var meetingRoleRequirement = 0
        /// Some active psych-fulltime or psych-parttime teacher has effective level B or A.
        public var hasQualifiedPsychTeacher = false
        public var expiring = 0
        public var lapsed = 0
        public var eligible = LevelCounts()

        /// Below target: not every active teacher at C or above, or no qualified psych teacher.
        public var belowTargets: Bool { certified.C < teachers || !hasQualifiedPsychTeacher }
    }

    /// Computes the report; `school` restricts it (and the district block) to one school, which must exist.
    public static func compute(in db: any ReportStore, asOf: Day, school: String?, profile: RuleProfile) throws -> CoverageReport
    {
        // An unknown school throws before anything is computed.
        let (schools, statuses) = try CertificationEngine.statusesAndSchools(
            in: db, asOf: asOf, profile: profile, school: school, includeInactive: false, explain: false,
            parts: CertificationEngine.defaultParts, withSchools: true)
        return build(asOf: asOf, schools: schools.map { ($0.id, $0.name) }, statuses: statuses)
    }

    /// Aggregates teacher statuses into the report (inactive teachers are skipped).
    public static func build(asOf: Day, schools: [(id: String, name: String)], statuses: [TeacherCertStatus]) -> CoverageReport {
        var rows: [String: SchoolCoverage] = [:]
        for s in schools { rows[s.id] = SchoolCoverage(id: s.id, name: s.name) }
        for t in statuses where t.isActive {
            guard var r = rows[t.schoolId] else { continue }
            r.teachers += 1
            if let e = t.effectiveLevel {
                for l in Level.allCases where l <= e { r.certified[l] += 1 }
                if (t.role == .psychFulltime || t.role == .psychParttime) && e >= .B { r.hasQualifiedPsychTeacher = true }
            }
            if t.meetsRoleRequirement { r.meetingRoleRequirement += 1 }
            if t.isExpiring { r.expiring += 1 }
            if t.isLapsed { r.lapsed += 1 }
            for ls in t.levels where ls.eligible { r.eligible[ls.level] += 1 }
            rows[t.schoolId] = r
        }
        let list = rows.values.sorted { $0.id < $1.id }
        return CoverageReport(asOf: asOf, district: Self.total(list), schools: list)
    }
}
