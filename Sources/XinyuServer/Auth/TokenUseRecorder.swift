import Foundation
import Logging
import Synchronization
import XinyuAccounts

/// Records the last use of API tokens without a write per request: a token's use is written at most once a
/// minute, on the heavy lane, after the response (never on the request's path). A use within the minute after
/// a recorded one is not written; `tokens list` shows the last use to within a minute.
final class TokenUseRecorder: Sendable {
    static let interval: TimeInterval = 60
    let accounts: Accounts
    private let written = Mutex<[String: Date]>([:])

    init(accounts: Accounts) { self.accounts = accounts }

    /// Notes that `tokenId` was used now; writes it when the last write for it is a minute old or more.
    func note(_ tokenId: String, logger: Logger) {
        let now = accounts.now()
        let due = written.withLock { w -> Bool in
            if let last = w[tokenId], now.timeIntervalSince(last) < Self.interval { return false }
            if w.count > 100_000 { w.removeAll() }
            w[tokenId] = now
            return true
        }
        guard due else { return }
        let accounts = accounts
        Task.detached {
            do {
                try await BlockingWork.heavy { try accounts.recordTokenUse([tokenId: now]) }
            } catch {
                logger.warning("could not record the use of token \(tokenId): \(error)")
            }
        }
    }
}
