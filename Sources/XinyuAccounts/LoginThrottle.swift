import Foundation
import XinyuCore

/// Decides from the audit trail whether a login name is locked (see ``Accounts``: 5 failures within 15 minutes
/// lock the name for 15 minutes from the fifth; a success clears the count). The trail is the one record, so a
/// lock holds across server restarts and however many processes serve.
enum LoginThrottle {
    /// When the lock ends, or nil when the name is not locked at `now`. `attempts` are the name's `login` and
    /// `login.failed` lines, oldest first.
    static func lockedUntil(attempts: [AuditEntry], now: Date) -> Date? {
        var failures: [Date] = []
        var until: Date?
        for a in attempts {
            if a.action == "login" {
                failures.removeAll()
                continue
            }
            if let u = until, a.at < u { continue }  // cannot happen (locked attempts are not failures); be safe
            failures.append(a.at)
            let n = failures.count
            if n >= Accounts.lockAfterFailures,
                failures[n - 1].timeIntervalSince(failures[n - Accounts.lockAfterFailures]) <= Accounts.failureWindow
            {
                until = failures[n - 1] + Accounts.lockDuration
                failures.removeAll()
            }
        }
        guard let until, until > now else { return nil }
        return until
    }
}
