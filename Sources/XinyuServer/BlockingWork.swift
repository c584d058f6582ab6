import NIOPosix

/// Where the server runs every piece of blocking work (SQLite reads and writes, report computations, imports):
/// on thread pools of its own (three lanes, below), never on the event loops nor on Swift's cooperative threads.
///
/// Why: a handler that blocks a cooperative thread while it waits for a database connection can deadlock the
/// server once every such thread waits for a connection held by a task that needs one of those same threads to
/// resume (issue #12: 8 connections on 2 cores were enough). Work handed to these pools is a synchronous closure
/// that takes a connection, uses it and gives it back without ever awaiting, so no pool thread ever waits for
/// something that needs a pool thread, whatever the number of cores.
///
/// Three lanes, so that slower work cannot starve quicker work:
/// - ``probe(_:)``: one-row reads that every check or cached answer needs (the `/health` counts, the store's data
///   version), so that `/health` and cache hits answer in milliseconds even when the other lanes have a queue;
/// - ``quick(_:)``: lookups answered in milliseconds (lists, one teacher, a ledger, a stored schedule);
/// - ``heavy(_:)``: report computations and imports, which may wait for the write lock (a coverage snapshot waits
///   for a running import's transaction to end) or run for seconds.
///
/// The pools are process-wide and live as long as the process (every server and test in it shares them).
public enum BlockingWork {
    /// Threads for probes: two, so one slow disk read does not hold up the next health check.
    public static let probeThreads = 2
    /// Threads for quick lookups: enough that a burst of slow disks or waiting readers leaves room for `/health`.
    public static let quickThreads = 8
    /// Threads for reports and imports: reports beyond this wait in line (asynchronously, holding no thread).
    public static let heavyThreads = 4

    private static let probePool = started(threads: probeThreads)
    private static let quickPool = started(threads: quickThreads)
    private static let heavyPool = started(threads: heavyThreads)

    private static func started(threads: Int) -> NIOThreadPool {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }

    /// Runs a one-row read (health counts, the data version) on the probe lane and returns its result.
    public static func probe<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await probePool.runIfActive(work)
    }

    /// Runs a quick blocking lookup on the quick lane and returns its result.
    public static func quick<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await quickPool.runIfActive(work)
    }

    /// Runs a report computation or an import on the heavy lane and returns its result.
    public static func heavy<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await heavyPool.runIfActive(work)
    }
}
