/// The part of the store that takes feeds: one write transaction per feed, and the import log.
///
/// An engine must guarantee:
/// - ``applyFeed(_:)`` runs its body inside one write transaction that holds the store's write lock from its
///   first statement (so a check made in the body, such as ``FeedTransaction/isImported(feed:)``, still holds at
///   commit), and commits only when the body returns ``FeedTransactionEnd/commit``. A throw or
///   ``FeedTransactionEnd/rollback`` leaves no trace of the body's writes, the import log row included.
/// - A committed feed raises ``ReportStore``'s data version exactly once (the body calls
///   ``FeedTransaction/recordChange()``).
/// - Busy and full stores throw ``StoreError/busy(path:holder:waited:)`` and ``StoreError/full(path:)``.
public protocol FeedStore: Sendable {
    /// Runs `body` on one feed's transaction (see the protocol's guarantees); returns once it committed or rolled back.
    func applyFeed(_ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws

    /// ``applyFeed(_:)`` for a feed of one district (its 6-digit code): an engine that can may run feeds of
    /// different districts at the same time (each still one transaction; a feed id's duplicate check and a new
    /// school's district check still hold at commit), while a feed of the same district, and every other writer,
    /// waits as for ``applyFeed(_:)``. Nil, or an engine with one writer, is ``applyFeed(_:)``.
    func applyFeed(district: String?, _ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws

    /// Appends one import attempt that changed no data (a document rejected as a whole, or rolled back) to the
    /// log, in a transaction of its own.
    func logImportAttempt(_ entry: ImportLogEntry) throws

    /// Every logged import attempt, oldest first (by ``ImportLogEntry/id``).
    func importLog() throws -> [ImportLogEntry]

    /// The logged import attempts of one district's feeds (``ImportLogEntry/district``), oldest first: what a
    /// district-scoped role reads (issue #18). Attempts of no district (IMS Enterprise files, files rejected before
    /// a valid district code was read, and attempts logged before districts were recorded) are never a
    /// district's: only unscoped roles read them, in ``importLog()``.
    func importLog(district: String) throws -> [ImportLogEntry]

    /// The logged attempt with this id, or nil.
    func importLogEntry(id: Int64) throws -> ImportLogEntry?
}

extension FeedStore {
    /// One writer at a time: ``applyFeed(_:)`` whatever the district.
    public func applyFeed(district: String?, _ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws {
        try applyFeed(body)
    }
}

/// How the body of ``FeedStore/applyFeed(_:)`` ends its transaction.
public enum FeedTransactionEnd: Sendable {
    /// Keep every write of the body.
    case commit
    /// Undo every write of the body (dry runs, strict imports with rejections).
    case rollback
}
