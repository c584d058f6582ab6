/// What an account may do (issue #14). The policy that decides each request lives in the `XinyuAccounts` library
/// (`AccessPolicy`); the store only keeps the word.
public enum AccountRole: String, Sendable, Codable, CaseIterable {
    /// Everything, and manages users (区教育局's administrator).
    case districtAdmin = "district-admin"
    /// Reads everything (inspectors, the 指导中心).
    case districtViewer = "district-viewer"
    /// Reads every district of a city- or province-wide store, writes nothing (issue #18: the city's or
    /// province's 教育局).
    case regionViewer = "region-viewer"
    /// Reads its school; writes its school's training records and approvals (the union chair, 德育处).
    case schoolAdmin = "school-admin"
    /// Reads its school; builds and exports its school's schedule.
    case planner
    /// Reads their own ledger, statuses, schedule and notices.
    case teacher
    /// A machine account: `POST /api/v1/imports` only.
    case feed

    /// The role is limited to one school (`school-admin`, `planner`).
    public var needsSchool: Bool { self == .schoolAdmin || self == .planner }
    /// The role may be limited to one district (`district-admin`, `district-viewer`; issue #18). Unlimited, it
    /// reaches the whole store, as before districts were a scope.
    public var takesDistrict: Bool { self == .districtAdmin || self == .districtViewer }
    /// The role is one teacher (`teacher`).
    public var needsTeacher: Bool { self == .teacher }
}
