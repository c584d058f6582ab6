import Foundation

/// How a feed's record batches reach PostgreSQL (issue #18, "bulk load the PostgreSQL way"); both upsert each
/// record kind's batch in one set-based statement inside the feed's transaction.
enum PostgresBulkLoad: String, Sendable {
    /// `COPY … FROM STDIN` into a temporary staging table, then `INSERT … SELECT … ON CONFLICT DO UPDATE`.
    case copy
    /// `INSERT … SELECT … FROM unnest(column arrays) ON CONFLICT DO UPDATE`, each column one array argument.
    case unnest

    /// The store's way: `XINYU_PG_BULK_LOAD` (`copy` or `unnest`) when set, for comparing them (bench/postgres.sh),
    /// else ``unnest``, the faster of the two as measured (BENCHMARKS.md, "#18 PostgreSQL").
    static let `default`: PostgresBulkLoad =
        ProcessInfo.processInfo.environment["XINYU_PG_BULK_LOAD"].flatMap(PostgresBulkLoad.init(rawValue:)) ?? .unnest
}
