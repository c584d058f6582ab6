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
    public var via: Via

    /// A principal.
    public init(name: String, role: AccountRole, school: String? = nil, teacher: String? = nil, via: Via) {
        self.name = name
        self.role = role
        self.school = school
        self.teacher = teacher
        self.via = via
    }

    /// The caller of the bootstrap token: a district-admin named `bootstrap`.
    public static let bootstrap = Principal(name: "bootstrap", role: .districtAdmin, via: .bootstrap)

    /// The caller on the command line: a district-admin named `cli:USER` after the OS user running it.
    public static func commandLine(user: String = AuditActor.osUser()) -> Principal {
        Principal(name: "cli:" + user, role: .districtAdmin, via: .cli)
    }

    /// The principal of a stored account that authenticated `via`.
    public init(_ account: StoredAccount, via: Via) {
        self.init(name: account.name, role: account.role, school: account.school, teacher: account.teacher, via: via)
    }
}
