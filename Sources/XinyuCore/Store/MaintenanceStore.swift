/// The operator's side of the store: backups, the consistency check, and naming the long write in progress.
/// ``AppDatabase`` (SQLite) is the one implementation today; a second engine (PostgreSQL) implements the same
/// contract.
public protocol MaintenanceStore: Sendable {
    /// Copies one committed state of the store into a new file at `out`, safe while other connections read and
    /// write (a transaction still open elsewhere is not in the copy). The copy is a xinyu SQLite database that
    /// ``AppDatabase/open(path:readOnly:busyTimeout:)`` opens (`xinyu backup` counts its rows that way).
    ///
    /// Refuses an `out` that exists, even one created while the copy is made
    /// (``StoreError/backupExists(path:)``), and never leaves a half-written file at `out` when it fails.
    func backup(to out: String) throws

    /// Checks the store and its data: the engine's own integrity check (problems of table `database`) and
    /// foreign-key check, then the invariants imports keep but a hand edit may break: hours (integer tenths) ≥ 0,
    /// course hours > 0 and start ≤ end, attendance hours ≤ its course's, counseling ≤ 8 h a day, lesson periods
    /// 1–8 a day, an award's `expires` after `issued`, dates that are days of ``Day/supportedYears``, and enum
    /// columns holding known values. Returns every problem found (integrity, then foreign keys, then the
    /// invariants), each with its table, row key and problem, in the SQLite engine's order and words
    /// (``AppDatabase/consistencyProblems()``); empty when the store is sound. Changes nothing.
    func consistencyProblems() throws -> [StoreProblem]

    /// Runs `body`, a long write such as an import or a schedule build described by `what` (e.g.
    /// `import feed.xml`), so that another process that finds the store busy meanwhile can name this one in
    /// ``StoreError/busy(path:holder:waited:)``. Errors thrown by `body` come out with busy and full typed
    /// (``StoreError/wrapping(_:path:waited:)``). An engine that cannot note the holder just runs `body`.
    func withWriteLockNote<T>(_ what: String, _ body: () throws -> T) throws -> T
}
