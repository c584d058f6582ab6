import XinyuCore

/// The HTTP endpoint and dashboard (`xinyu serve`). Build the app with
/// ``buildApplication(configuration:database:imports:logger:)`` or just the router with
/// ``buildRouter(configuration:dependencies:)``; run it with ``XinyuServer/run(configuration:database:)``.
///
/// Routes (all JSON unless noted; every figure comes from the same library call as the CLI):
/// `GET /health`, `GET /` (HTML dashboard, `?lang=en`, `?asOf=`), and under `/api/v1`: `schools`,
/// `teachers?school=&role=&status=&limit=&offset=`, `teachers/{id}`, `teachers/{id}/ledger?asOf=`,
/// `coverage?asOf=`, `coverage/{school}?asOf=`, `quota?year=&school=&teachers=`, `lessons?band=&theme=`,
/// `lessons/{id}`, `activities`, `schedule?school=&term=&class=&from=&to=`, `schedule.ics?school=&term=`,
/// `GET imports` (log), `POST imports` (feed XML body, bearer token), `openapi.json`.
///
/// Decisions where the issue is silent:
/// - Errors are `{"error": {"code", "message"}}`; codes: `not_found`, `bad_parameter`, `unauthorized`,
///   `forbidden`, `payload_too_large`, `method_not_allowed`, `request_timeout`, `store_busy`, `bad_request`,
///   `internal`.
/// - A malformed query value is a 400 (never ignored), and so is a present but empty one (`asOf=`); dates and
///   terms must lie in `Day.supportedYears`. An unknown school used as a filter is a 404 like an unknown id.
/// - Another method on a known path (`TRACE /health`, `PUT /api/v1/schools`) is a 405 with `Allow`.
/// - `teachers` pages default to 100 rows, at most 1000; the response carries `total`, `limit`, `offset`.
/// - `asOf` defaults to today (server's local calendar), `year` to the school year containing today, like the CLI.
/// - `POST /api/v1/imports`: 403 when no token is configured, then 401 (before any byte of the body is read: no
///   file, no log row), then 413 (from `Content-Length` at once, or while streaming), 408 when the body takes longer
///   than `bodyTimeout`; the importer runs with default options (not strict, not a dry run). Uploads are logged as
///   `upload`, and the log served on the API shows file names only: no server path reaches a client. Any completed
///   import attempt clears the report cache.
/// - A busy store (the write lock held past the busy timeout) or a full disk is a 503 with `Retry-After`, never a 500.
/// - Blocking work runs on ``BlockingWork``'s own thread pools, never on the event loops or Swift's cooperative
///   threads: one-row probes (`/health`, the data version), lookups, and reports and imports each on a lane of
///   their own, so `/health` answers while reports compute and feeds import. Read requests pass an admission gate
///   (16 at once, first come first served) that `/health` skips, so a flood of reads cannot push the health check
///   to the back of a long line; uploads skip it too (a slow upload must not hold a place for minutes).
/// - Coverage, quota and the dashboard page are cached per parameters (at most 256 keys) by the `ReportService`.
///   Each request compares the store's `dataVersion()` (a counter every write transaction raises) with the cache's:
///   a write by any process, the CLI included, empties the cache before the next answer. A missing entry is
///   computed once however many requests wait for it.
/// - Connections idle for `idleTimeout` (30 s), including a client stalled in its request head or body, are closed.
///   Upload files left by a killed server are removed when the next one starts.
public enum XinyuServer {}
