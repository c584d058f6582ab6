import Certifications
import Foundation
import Hummingbird
import Logging
import XinyuCore

/// Everything the routes need, built once per server.
public struct ServerDependencies: Sendable {
    public var database: AppDatabase
    /// The certification rule profile, loaded once at start so a bad profile stops `xinyu serve` at once.
    public var profile: RuleProfile
    public var imports: ImportService
    public var coverage: CoverageCache

    /// Loads the rule profile at `profilePath` (nil: the bundled default); a bad profile throws its one-line error.
    public init(database: AppDatabase, profilePath: String? = nil, imports: ImportService = .live,
                coverage: CoverageCache = CoverageCache()) throws {
        self.database = database; self.imports = imports; self.coverage = coverage
        self.profile = try RuleProfile.load(path: profilePath)
    }
}

/// The router with every route of the API and the dashboard. Tests call this with `app.test(.router)`.
public func buildRouter(configuration: ServerConfiguration, dependencies: ServerDependencies) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ErrorAndLogMiddleware())
    let db = dependencies.database
    HealthController(database: db).addRoutes(to: router)
    let api = router.group("api/v1")
    StoreController(database: db).addRoutes(to: api)
    let cache = dependencies.coverage
    ImportsController(database: db, service: dependencies.imports, auth: BearerToken(configuration.token),
                      maxBodyBytes: configuration.maxBodyBytes, temporaryDirectory: configuration.temporaryDirectory,
                      onImported: { await cache.invalidate() }).addRoutes(to: api)
    ReportsController(database: db, profilePath: configuration.profilePath, cache: cache).addRoutes(to: api)
    CoverageController(database: db, profile: dependencies.profile, cache: cache).addRoutes(to: api)
    CurriculumController(database: db).addRoutes(to: api)
    DashboardController(database: db, profilePath: configuration.profilePath, profile: dependencies.profile, cache: cache)
        .addRoutes(to: router)
    OpenAPIController().addRoutes(to: api)
    return router
}

/// The application `xinyu serve` runs: the router on `host:port`, stopping gracefully on SIGINT/SIGTERM
/// (requests in flight finish, then the process exits).
public func buildApplication(configuration: ServerConfiguration, database: AppDatabase,
                             imports: ImportService = .live, logger: Logger? = nil) throws -> some ApplicationProtocol {
    var log = logger ?? Logger(label: "xinyu.serve")
    if logger == nil { log.logLevel = .info }
    let router = buildRouter(configuration: configuration,
                             dependencies: try ServerDependencies(database: database, profilePath: configuration.profilePath,
                                                                  imports: imports))
    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                            serverName: "xinyu"),
                       logger: log)
}

extension XinyuServer {
    /// Runs the server until SIGINT or SIGTERM; requests in flight finish first.
    public static func run(configuration: ServerConfiguration, database: AppDatabase) async throws {
        let app = try buildApplication(configuration: configuration, database: database)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
