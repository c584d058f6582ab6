import Foundation
import Synchronization
import XinyuAccounts

/// Checked credentials by the SHA-256 of their secret, each valid while the store's data version is the one it
/// was checked at (every change of an account or token moves it, whichever process made it) and the credential
/// has not expired. A request whose credential is cached costs no store read beyond the data version, which the
/// report cache needs anyway. At most ``capacity`` entries (all dropped when full).
final class CredentialCache: Sendable {
    struct Entry: Sendable {
        var credential: Accounts.Credential
        var tokenId: String?
        var version: String
    }
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(capacity: Int = 10_000) { self.capacity = capacity }

    func entry(_ hash: String, version: String, now: Date) -> Entry? {
        entries.withLock { e in
            guard let hit = e[hash], hit.version == version else { return nil }
            if let x = hit.credential.expires, x <= now { return nil }
            return hit
        }
    }

    func store(_ hash: String, _ entry: Entry) {
        entries.withLock { e in
            if e.count >= capacity { e.removeAll() }
            e[hash] = entry
        }
    }

    func remove(_ hash: String) {
        _ = entries.withLock { $0.removeValue(forKey: hash) }
    }
}
