import XinyuCore

/// What the dashboard shows, already computed by the library code; rendering only formats it.
struct DashboardModel: Sendable {
    struct CoverageRow: Sendable {
        var school: String
        var name: String
        var activeTeachers: Int
        /// Share 0...1 of active teachers at C, B, A or above.
        var c: Double, b: Double, a: Double
    }
    struct Targets: Sendable { var c: Double?, b: Double?, a: Double? }
    struct Expiring: Sendable {
        var teacher: String
        var name: String
        var school: String
        var level: String
        var ends: String
    }
    struct QuotaRow: Sendable {
        var school: String
        var name: String
        var teachers: Int
        var meetsAll: Int
        var wholeStaffMet: Bool
    }

    var asOf: Day
    /// The district the page covers (a district-scoped role's, issue #18); nil: the whole store.
    var district: String? = nil
    var coverage: [CoverageRow]
    var targets = Targets()
    var schoolsWithoutPsych: [(id: String, name: String)]
    var expiring: [Expiring]
    var quotaYear: String
    var quota: [QuotaRow]
}
