import Certifications
import Foundation
import Hummingbird
import Logging
import NIOCore
import XinyuAccounts
import XinyuCore

/// Everything the routes need, built once per server.
public struct ServerDependencies: Sendable {
    /// The store every route reads and writes through (the SQLite `AppDatabase` today).
    public var database: any XinyuStore
    /// The certification rule profile, loaded once at start so a bad profile stops `xinyu serve` at once.
    public var profile: RuleProfile
    /// The union-quota rules of the same profile file, loaded once with it.
    public var quotaRules: QuotaRules
    public var imports: ImportService
    public var coverage: ReportCache
    /// Users, tokens, sessions and the audit trail of the same store.
    public var accounts: Accounts
    /// The budget of the public certificate verification per client address.
    public var verifyLimiter: VerifyRateLimiter

    /// Loads the rule profile at `profilePath` (nil: the bundled default); a bad profile throws its one-line error.
    public init(
        database: any XinyuStore, profilePath: String? = nil, imports: ImportService = .live,
        coverage: ReportCache = ReportCache(), accounts: Accounts? = nil,
        verifyLimiter: VerifyRateLimiter = VerifyRateLimiter()
    ) throws {
        self.database = database
        self.imports = imports
        self.coverage = coverage
        self.accounts = accounts ?? Accounts(store: database)
        self.verifyLimiter = verifyLimiter
        self.profile = try RuleProfile.load(path: profilePath)
        self.quotaRules = try QuotaRules.load(profilePath: profilePath)
    }
}

/// How many read requests the server works on at once (``AdmissionGate``); the others wait their turn, so
/// that `/health`, which skips the line, answers promptly under any load.
let readsAtOnce = 16

/// The router with every route of the API and the dashboard. Tests call this with `app.test(.router)`.
///
/// Blocking work never runs on the event loops or Swift's cooperative threads: every handler hands it to
/// ``BlockingWork`` (quick lane for lookups, heavy lane for reports and imports).
public func buildRouter(configuration: ServerConfiguration, dependencies: ServerDependencies) -> Router<XinyuRequestContext> {
    let router = Router(context: XinyuRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorAndLogMiddleware())
    router.add(middleware: AdmissionMiddleware(gate: AdmissionGate(limit: readsAtOnce), exempt: ["/health"]))
    let credentials = CredentialCache()
    router.add(
        middleware: AuthMiddleware(
            accounts: dependencies.accounts, bootstrapToken: configuration.token,
            cache: credentials))
    let db = dependencies.database
    let cache = dependencies.coverage
    let accounts = dependencies.accounts
    let reports = ReportService(
        database: db, profile: dependencies.profile, quotaRules: dependencies.quotaRules,
        cache: cache)
    HealthController(database: db).addRoutes(to: router)
    let api = router.group("api/v1")
    StoreController(database: db).addRoutes(to: api)
    LoginController(accounts: accounts, cache: credentials, secureCookies: configuration.secureCookies).addRoutes(to: router)
    ImportsController(
        database: db, service: dependencies.imports, accounts: accounts,
        maxBodyBytes: configuration.maxBodyBytes, bodyTimeout: configuration.bodyTimeout,
        uploads: UploadDirectory(path: configuration.temporaryDirectory),
        onImported: { await cache.invalidate() }
    ).addRoutes(to: api)
    TrainingController(
        database: db, access: TrainingAccess(), accounts: accounts,
        uploads: UploadDirectory(path: configuration.temporaryDirectory), bodyTimeout: configuration.bodyTimeout,
        onChanged: { await cache.invalidate() }
    ).addRoutes(to: api)
    ReportsController(database: db, reports: reports).addRoutes(to: api)
    CoverageController(database: db, profile: dependencies.profile, reports: reports).addRoutes(to: api)
    CurriculumController(
        database: db, profile: dependencies.profile, accounts: accounts,
        onBuilt: { await cache.invalidate() }
    ).addRoutes(to: api)
    DeliveryController(
        database: db, accounts: accounts, onChanged: { await cache.invalidate() },
        secureCookies: configuration.secureCookies
    )
    .addRoutes(to: api, pages: router)
    LessonLibraryController(database: db, onChanged: { await cache.invalidate() }).addRoutes(to: api, pages: router)
    LibraryReviewFormController(
        database: db, onChanged: { await cache.invalidate() }, secureCookies: configuration.secureCookies
    ).addRoutes(to: router)
    AuditController(accounts: accounts).addRoutes(to: api)
    DashboardController(
        database: db, profile: dependencies.profile, quotaRules: dependencies.quotaRules,
        reports: reports, secureCookies: configuration.secureCookies
    ).addRoutes(to: router)
    PageFormsController(
        database: db, access: TrainingAccess(), accounts: accounts, secureCookies: configuration.secureCookies,
        onChanged: { await cache.invalidate() }
    ).addRoutes(to: router)
    CertificateController(
        database: db, profile: dependencies.profile, publicURL: configuration.publicURL,
        limiter: dependencies.verifyLimiter
    ).addRoutes(to: router)
    OpenAPIController().addRoutes(to: api)
    // Last, so it knows every route: another method on a known path is a 405 with `Allow`, not a 404.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { ($0.path.description, $0.method) }))
    return router
}

/// The application `xinyu serve` runs: the router on `host:port`, stopping gracefully on SIGINT/SIGTERM
/// (requests in flight finish, then the process exits). Connections idle for ``ServerConfiguration/idleTimeout``
/// (including one stalled in its request head or body) are closed.
public func buildApplication(
    configuration: ServerConfiguration, database: any XinyuStore,
    imports: ImportService = .live, logger: Logger? = nil
) throws -> some ApplicationProtocol {
    var log = logger ?? Logger(label: "xinyu.serve")
    if logger == nil { log.logLevel = .info }
    let router = buildRouter(
        configuration: configuration,
        dependencies: try ServerDependencies(
            database: database, profilePath: configuration.profilePath,
            imports: imports))
    let swept = UploadDirectory(path: configuration.temporaryDirectory).sweep()
    if swept > 0 { log.info("removed \(swept) upload file(s) left by a server that was killed") }
    let idle = configuration.idleTimeout.components
    let idleTimeout = TimeAmount.seconds(idle.seconds) + .nanoseconds(idle.attoseconds / 1_000_000_000)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idleTimeout)),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "xinyu"),
        logger: log)
}

extension XinyuServer {
    /// Runs the server until SIGINT or SIGTERM; requests in flight finish first.
    public static func run(configuration: ServerConfiguration, database: any XinyuStore) async throws {
        let app = try buildApplication(configuration: configuration, database: database)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
