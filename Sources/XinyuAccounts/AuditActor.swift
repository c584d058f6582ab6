import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Names of who acts, for the audit trail.
public enum AuditActor {
    /// The OS user running this process: the password database's name for the effective user id, else `$USER`,
    /// else `uid N`. The command line audits its writes as `cli:` followed by this name: whoever can run the CLI
    /// on the server can open the database file directly anyway, so the OS account is the identity that means
    /// something there.
    public static func osUser() -> String {
        #if canImport(Glibc)
            if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name {
                let s = String(cString: name)
                if !s.isEmpty { return s }
            }
        #endif
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid \(getuid())"
    }
}
