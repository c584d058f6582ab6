import XinyuCore

/// One teacher's counted training in a school year: hours per category and professional sessions (RULES.md).
///
/// Counted hours: status `completed` or `partial`, result not `fail`, dated inside the year.
/// Sessions: distinct courses of category `professional` attended with status `completed`, dated inside the year.
public struct QuotaStanding: Sendable, Hashable {
    /// Tenths of an hour per category, indexed by ``QuotaStanding/index(_:)``.
    public var tenths: [Int] = [0, 0, 0]
    /// Professional courses completed (distinct ids).
    public var professionalCourses: Set<String> = []

    public init() {}

    /// The slot of a category in ``tenths``: public 0, professional 1, elective 2.
    public static func index(_ c: XinyuCore.Category) -> Int {
        switch c {
        case .public: 0
        case .professional: 1
        case .elective: 2
        }
    }

    public var sessions: Int { professionalCourses.count }
    public var total: Hours { Hours(tenths: tenths[0] + tenths[1] + tenths[2]) }
    public func hours(_ c: XinyuCore.Category) -> Hours { Hours(tenths: tenths[Self.index(c)]) }

    /// Adds one attendance record, applying the counting rules; `category` is the course's.
    public mutating func add(
        courseId: String, category: XinyuCore.Category, hours: Hours,
        status: AttendanceStatus, result: CourseResult
    ) {
        if Attendance.counts(status: status, result: result) {
            tenths[Self.index(category)] += hours.tenths
        }
        if status == .completed && category == .professional {
            professionalCourses.insert(courseId)
        }
    }

    /// What is still missing against the rules.
    public func missing(_ rules: QuotaRules) -> QuotaMissing {
        let ce = rules.continuingEducation
        var cat = [0, 0, 0]
        for c in XinyuCore.Category.allCases {
            let i = Self.index(c)
            cat[i] = max(0, ce.minimum(c).tenths - tenths[i])
        }
        let totalShort = max(0, ce.yearMinimumHours.tenths - total.tenths)
        return QuotaMissing(
            public: Hours(tenths: cat[0]), professional: Hours(tenths: cat[1]),
            elective: Hours(tenths: cat[2]), total: Hours(tenths: totalShort),
            sessions: max(0, rules.unionQuota.professionalSessionsPerYear - sessions))
    }
}

/// Amounts still missing for a teacher to meet the year's quotas.
public struct QuotaMissing: Sendable, Codable, Hashable {
    public var `public`: Hours
    public var professional: Hours
    public var elective: Hours
    /// Shortfall against the yearly total minimum.
    public var total: Hours
    /// Professional sessions still needed.
    public var sessions: Int

    /// The fewest further hours that could close every hour gap: hours in a category also count toward the total,
    /// so this is the larger of the total shortfall and the sum of the category shortfalls.
    public var hours: Hours {
        Hours(tenths: max(total.tenths, `public`.tenths + professional.tenths + elective.tenths))
    }

    public var meetsHours: Bool { hours.tenths == 0 }
    public var meetsSessions: Bool { sessions == 0 }
    public var meetsAll: Bool { meetsHours && meetsSessions }

    public init(public: Hours, professional: Hours, elective: Hours, total: Hours, sessions: Int) {
        self.public = `public`
        self.professional = professional
        self.elective = elective
        self.total = total
        self.sessions = sessions
    }

    private enum CodingKeys: String, CodingKey { case `public`, professional, elective, total, hours, sessions }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(`public`, forKey: .public)
        try c.encode(professional, forKey: .professional)
        try c.encode(elective, forKey: .elective)
        try c.encode(total, forKey: .total)
        try c.encode(hours, forKey: .hours)
        try c.encode(sessions, forKey: .sessions)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.public = try c.decode(Hours.self, forKey: .public)
        professional = try c.decode(Hours.self, forKey: .professional)
        elective = try c.decode(Hours.self, forKey: .elective)
        total = try c.decode(Hours.self, forKey: .total)
        sessions = try c.decode(Int.self, forKey: .sessions)
    }
}
