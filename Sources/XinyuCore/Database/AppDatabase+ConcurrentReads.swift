import Dispatch
import Foundation
import GRDB

extension AppDatabase {
    /// Runs `body(db, part)` for every part in `0..<parts`, each on its own read connection and all at once.
    /// The reads start while this store's writer is held (GRDB's `spawnConcurrentRead` returns once its read has
    /// its snapshot), so no write made through this store lands between them and they all see the same committed
    /// state. SQLite gives no such guarantee against another process: a commit of theirs in the instant between
    /// two parts' starts would be seen by the later parts only. An in-memory store runs the parts one by one.
    /// The first error thrown by a part is rethrown (SQLite's busy and full errors typed, see
    /// ``StoreError/wrapping(_:path:waited:)``).
    public func concurrentReads<T: Sendable>(parts: Int, _ body: @escaping @Sendable (Database, Int) throws -> T) throws -> [T] {
        do {
            return try concurrentReadsUnwrapped(parts: parts, body)
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    private func concurrentReadsUnwrapped<T: Sendable>(parts: Int, _ body: @escaping @Sendable (Database, Int) throws -> T) throws
        -> [T]
    {
        let slots = ResultSlots<T>(count: parts)
        let group = DispatchGroup()
        try writer.writeWithoutTransaction { _ in
            for part in 0..<parts {
                group.enter()
                writer.spawnConcurrentRead { db in
                    slots.set(part, Result { try body(db.get(), part) })
                    group.leave()
                }
            }
        }
        group.wait()
        return try slots.values()
    }
}

/// Results filled in by concurrent readers, one slot each.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, Error>) { lock.withLock { slots[i] = r } }

    func values() throws -> [T] { try lock.withLock { try slots.map { try $0!.get() } } }
}
