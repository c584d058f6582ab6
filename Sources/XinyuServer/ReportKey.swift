import XinyuCore

/// What a cached report is: its kind and every parameter that changes its bytes.
public enum ReportKey: Hashable, Sendable {
    /// `GET /api/v1/coverage` (school nil) and `coverage/{school}`.
    case coverage(asOf: Day, school: String?)
    /// `GET /api/v1/quota`.
    case quota(year: SchoolYear, school: String?, teachers: Bool)
    /// `GET /`: the dashboard page in one language.
    case dashboard(asOf: Day, language: DashboardLanguage)
}
