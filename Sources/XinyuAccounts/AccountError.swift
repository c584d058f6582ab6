import XinyuCore

/// What the accounts library refuses, in words any client can read (the CLI and the server word them).
public enum AccountError: XinyuError, Equatable {
    case badName(String)
    case reservedName(String)
    case needsSchool(AccountRole)
    case needsTeacher(AccountRole)
    case takesNoSchool(AccountRole)
    case takesNoTeacher(AccountRole)
    /// The role cannot be limited to a district (issue #18).
    case takesNoDistrict(AccountRole)
    /// No stored school belongs to this district code.
    case unknownDistrict(String)
    case shortPassword(minimum: Int)
    case longPassword(maximum: Int)
    case badExpiry(String)
    case disabled(String)

    public var description: String {
        switch self {
        case .badName(let n):
            "user name \(n.isEmpty ? "''" : n): use 1–64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit"
        case .reservedName(let n): "user name \(n) is reserved"
        case .needsSchool(let r): "role \(r.rawValue) needs --school (the one school it is limited to)"
        case .needsTeacher(let r): "role \(r.rawValue) needs --teacher (the teacher id it is)"
        case .takesNoSchool(let r): "role \(r.rawValue) is not limited to a school; leave out --school"
        case .takesNoTeacher(let r): "role \(r.rawValue) is not a teacher; leave out --teacher"
        case .takesNoDistrict(let r):
            "role \(r.rawValue) is not limited to a district (only district-admin and district-viewer are); "
                + "leave out --district"
        case .unknownDistrict(let d): "unknown district \(d): no imported school belongs to it (import its feed first)"
        case .shortPassword(let m): "the password is too short: at least \(m) characters"
        case .longPassword(let m): "the password is too long: at most \(m) bytes"
        case .badExpiry(let s): "expiry \(s): give a number of days, weeks or hours (90d, 2w, 12h) or never"
        case .disabled(let n): "user \(n) is disabled"
        }
    }
}
