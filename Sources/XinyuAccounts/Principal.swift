import XinyuCore

/// Who is asking: an account with its role and scope, and how it proved it.
public struct Principal: Sendable, Hashable {
    /// How the caller authenticated.
    public enum Via: Sendable, Hashable {
        /// The server's `--token-file` / `XINYU_TOKEN` token: a district-admin for setting up.
        case bootstrap
        /// An API token (its public id).
        case token(id: String)
        /// A browser session.
        case session
        /// The command line, as an OS user.
        case cli
    }

    /// The account name (`bootstrap` for the bootstrap token, `cli:USER` on the command line).
    public var name: String
    public var role: AccountRole
    /// The school a school-scoped role or a teacher is limited to.
    public var school: String?
    /// The teacher a `teacher` account is.
    public var teacher: String?
    /// The district a district-scoped role is limited to (issue #18); nil: the whole store.
    public var district: String?
    /// The schools of ``district`` when the principal was authenticated (the server's credential cache follows the
    /// data version, so a school a later feed adds is seen at the next request); nil when not district-scoped.
    public var districtSchools: Set<String>?
    public var via: Via

    /// A principal.
    public init(
        name: String, role: AccountRole, school: String? = nil, teacher: String? = nil, district: String? = nil,
        districtSchools: Set<String>? = nil, via: Via
    ) {
        self.name = name
        self.role = role
        self.school = school
        self.teacher = teacher
        self.district = district
        self.districtSchools = district == nil ? nil : (districtSchools ?? [])
        self.via = via
    }

    /// The caller of the bootstrap token: a district-admin named `bootstrap`.
    public static let bootstrap = Principal(name: "bootstrap", role: .districtAdmin, via: .bootstrap)

    /// The caller on the command line: a district-admin named `cli:USER` after the OS user running it.
    public static func commandLine(user: String = AuditActor.osUser()) -> Principal {
        Principal(name: "cli:" + user, role: .districtAdmin, via: .cli)
    }

    /// The principal of a stored account that authenticated `via`; `districtSchools`: the schools of its
    /// district, when it has one.
    public init(_ account: StoredAccount, districtSchools: Set<String>? = nil, via: Via) {
        self.init(
            name: account.name, role: account.role, school: account.school, teacher: account.teacher,
            district: account.district, districtSchools: districtSchools, via: via)
    }

    /// The principal of a stored account, its district's schools read from `store` when it has a district.
    static func resolve(_ account: StoredAccount, store: any XinyuStore, via: Via) throws -> Principal {
        guard let district = account.district else { return Principal(account, via: via) }
        let schools = try store.schoolDistricts().filter { $0.value == district }.keys
        return Principal(account, districtSchools: Set(schools), via: via)
    }
}
