import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who acts on the command line, for the records and transitions the CLI writes: `cli:` and the OS user (the
/// password database's name for the effective user id, else `$USER`). Decision (issue #15, until #14's accounts):
/// whoever can run the CLI on the server can open the database file anyway, so the OS account is the identity
/// that means something there, and the CLI acts as the district's operator (every school, both review capacities).
/// Issue #14 names this same `cli:USER` (`Principal.commandLine`); the lead swaps this for `AuditActor.osUser()`.
enum CommandLineActor {
    static var name: String {
        #if canImport(Glibc)
        if let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name {
            let s = String(cString: n)
            if !s.isEmpty { return "cli:" + s }
        }
        #endif
        return "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
    }
}
