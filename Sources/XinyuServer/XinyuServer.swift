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
///   `forbidden`, `payload_too_large`, `method_not_allowed`, `bad_request`, `internal`.
/// - A malformed query value is a 400 (never ignored); an unknown school used as a filter is a 404 like an unknown id.
/// - `teachers` pages default to 100 rows, at most 1000; the response carries `total`, `limit`, `offset`.
/// - `asOf` defaults to today (server's local calendar), `year` to the school year containing today, like the CLI.
/// - `POST /api/v1/imports`: 403 when no token is configured, then 401, then 413 (from `Content-Length` at once,
///   or while streaming); the importer runs with default options (not strict, not a dry run). The summary's `file`
///   is the temporary upload path, removed after the import. Any completed import attempt clears the report cache.
/// - Coverage and quota JSON are cached per parameters (at most 256 keys). Each request compares the store's
///   `dataVersion()` (latest import-log and scheduled-session ids) with the cache's: an import or schedule build by
///   any process, the CLI included, empties the cache before the next answer.
public enum XinyuServer {}
