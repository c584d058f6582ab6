import Dispatch
import Foundation
import NIOConcurrencyHelpers
import XinyuCore

/// One read cut into parts that run at once, each on its own connection, all seeing the same committed state.
///
/// The first part's `REPEATABLE READ` transaction exports its snapshot (`pg_export_snapshot()`) and every other
/// part's transaction starts from it (`SET TRANSACTION SNAPSHOT`), so the parts see exactly what the first one
/// sees even while a feed commits in between: a report never mixes two states. The first transaction stays open
/// until every part has finished. Where the server cannot export a snapshot (a standby of an old version, say), the
/// whole read is one part.
extension PostgresStore {
    /// Runs `split` in the first part's transaction, giving the parts (at least one), then `body(session, part,
    /// index)` for every part at once, and returns their results in order. Without a snapshot to share, `split`
    /// is told to give one part (`false`).
    func partedReading<Part: Sendable, T: Sendable>(
        split: (PostgresSession, _ cut: Bool) throws -> [Part],
        _ body: @escaping @Sendable (PostgresSession, Part, Int) throws -> T
    ) throws -> [T] {
        try withSession { first in
            try first.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                var snapshot: String?
                do {
                    snapshot = try first.rows("SELECT pg_export_snapshot()").first.map { try $0.string(0) }
                } catch {
                    // Not available here: the transaction is spoilt, so a new one reads in one part.
                    try first.execute("ROLLBACK")
                    try first.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                }
                let results = try parts(first, snapshot: snapshot, split: split, body)
                try first.execute("COMMIT")
                return results
            } catch {
                _ = try? first.execute("ROLLBACK")
                throw error
            }
        }
    }

    private func parts<Part: Sendable, T: Sendable>(
        _ first: PostgresSession, snapshot: String?, split: (PostgresSession, Bool) throws -> [Part],
        _ body: @escaping @Sendable (PostgresSession, Part, Int) throws -> T
    ) throws -> [T] {
        // The id is the server's own text (hex digits and dashes); anything else is not put into a statement.
        guard let snapshot, !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            return try split(first, false).prefix(1).map { try body(first, $0, 0) }
        }
        let all = try split(first, true)
        guard all.count > 1 else { return try all.map { try body(first, $0, 0) } }
        let slots = NIOLockedValueBox<[Result<T, Error>?]>(Array(repeating: nil, count: all.count))
        let group = DispatchGroup()
        for part in 1..<all.count {
            group.enter()
            DispatchQueue.global().async {
                let result = Result {
                    try self.withSession { s in
                        try s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                        do {
                            try s.execute("SET TRANSACTION SNAPSHOT '\(snapshot)'")
                            let value = try body(s, all[part], part)
                            try s.execute("COMMIT")
                            return value
                        } catch {
                            _ = try? s.execute("ROLLBACK")
                            throw error
                        }
                    }
                }
                slots.withLockedValue { $0[part] = result }
                group.leave()
            }
        }
        let own = Result { try body(first, all[0], 0) }
        slots.withLockedValue { $0[0] = own }
        group.wait()
        return try slots.withLockedValue { try $0.map { try $0!.get() } }
    }
}
