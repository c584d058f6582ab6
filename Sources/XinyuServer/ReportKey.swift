import XinyuCore

/// What a cached report is: its kind and every parameter that changes its bytes.
public enum ReportKey: Hashable, Sendable {
    /// `GET /api/v1/coverage` (school nil) and `coverage/{school}`; `district`: a district-scoped caller's.
    case coverage(asOf: Day, school: String?, district: String? = nil)
    /// `GET /api/v1/quota`; `district`: a district-scoped caller's.
    case quota(year: SchoolYear, school: String?, district: String? = nil, teachers: Bool)
    /// `GET /`: the dashboard page in one language; `district`: a district-scoped caller's.
    case dashboard(asOf: Day, language: DashboardLanguage, district: String? = nil)
}
