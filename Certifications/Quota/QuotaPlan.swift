import XinyuCore

/// The planner's answer: who sits in which session, what it costs, compliance before and after, the bound.
public struct QuotaPlan: Sendable, Codable {
    public struct Compliance: Sendable, Codable, Hashable {
        public var teachers: Int
        public var meetsHours: Int
        public var meetsSessions: Int
        /// Teachers meeting both — what the planner maximises.
        public var meetsAll: Int
    }

    public struct Seat: Sendable, Codable, Hashable {
        public var teacher: String
        public var name: String
        public var school: String
    }

    public struct SessionRoster: Sendable, Codable, Hashable {
        public var id: String
        public var title: String
        public var date: Day
        public var hours: Hours
        public var category: XinyuCore.Category
        public var tier: Int
        public var capacity: Int
        public var costPerSeat: String
        public var seats: [Seat]
        public var cost: String
    }

    public struct SchoolSeats: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var teachers: Int
        public var seats: Int
        public var cost: String
        public var meetsAllBefore: Int
        public var meetsAllAfter: Int
        /// Whole-staff trainings per term after the plan (planned tier sessions count when the school's seats reach the share).
        public var wholeStaffAfter: [QuotaReport.WholeStaffTerm]
    }

    public struct Unmet: Sendable, Codable, Hashable {
        public var teacher: String
        public var name: String
        public var school: String
        /// Still missing after the plan.
        public var missing: QuotaMissing
        public var reason: String
    }

    public var year: String
    /// Budget in yuan ("12000.00"), nil when none was given.
    public var budget: String?
    public var seats: Int
    public var cost: String
    public var before: Compliance
    public var after: Compliance
    /// No allocation can bring more teachers to every quota than this (see ``SeatBound``).
    public var upperBound: Int
    /// `upperBound - after.meetsAll`: 0 means the plan is proven optimal in the number of teachers at quota.
    public var gap: Int
    /// Missing hours summed over the teachers in scope, after the plan (the first tie-break).
    public var missingHoursAfter: Hours
    public var sessions: [SessionRoster]
    public var schools: [SchoolSeats]
    public var unmet: [Unmet]
}
