import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TryggStore

/// Builds the whole web application. Tests call this with an in-memory configuration; `trygg
/// serve` and `trygg demo` with the real one. The caller owns `database` and shuts it down (the
/// CLI hands that job to `DatabaseShutdownService`).
public func buildApplication(
    configuration: AppConfiguration, database: TryggDatabase, services: [any Service] = [],
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "trygg")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    let router = try await buildRouter(configuration: configuration, database: database)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Trygg"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger
    )
}

public func buildRouter(configuration: AppConfiguration, database: TryggDatabase) async throws -> Router<TryggRequestContext> {
    let renderer = try await Renderer.load()
    let deps = AppDependencies(
        database: database, renderer: renderer, configuration: configuration,
        loginLimiter: RateLimiter(limit: configuration.loginAttemptsPerMinute, window: 60), incidentQueue: IncidentWriteQueue(database: database),
        citizenQueue: CitizenWriteQueue(database: database),
        publicGate: PublicGate(limits: configuration.publicLimits))
    let router = Router(context: TryggRequestContext.self)
    // Outermost first: headers wrap error pages, which wrap everything that can fail.
    router.add(middleware: SecurityHeadersMiddleware(secure: configuration.secureCookies))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: SessionMiddleware(deps: deps))
    router.add(middleware: PublicRateLimitMiddleware(gate: deps.publicGate))
    router.add(middleware: CSRFMiddleware())

    router.get("/health") { _, _ in
        try await database.sql.raw("SELECT 1").run()
        return "ok"
    }
    try StaticFiles.register(on: router)
    LoginRoutes(deps: deps).register(on: router)
    AccountRoutes(deps: deps).register(on: router)
    HomeRoutes(deps: deps).register(on: router)
    OrganisationRoutes(deps: deps).register(on: router)
    AreaRoutes(deps: deps).register(on: router)
    UserRoutes(deps: deps).register(on: router)
    AuditRoutes(deps: deps).register(on: router)
    PlanRoutes(deps: deps).register(on: router)
    GoverningDocumentRoutes(deps: deps).register(on: router)
    MeasureRoutes(deps: deps).register(on: router)
    FollowUpRoutes(deps: deps).register(on: router)
    FollowUpAnswerRoutes(deps: deps).register(on: router)
    IncidentRoutes(deps: deps).register(on: router)
    WeekRoutes(deps: deps).register(on: router)
    AnalysisRoutes(deps: deps).register(on: router)
    CategoryRoutes(deps: deps).register(on: router)
    APIRoutes(deps: deps).register(on: router)
    IncidentAPIRoutes(deps: deps).register(on: router)
    Open311Routes(deps: deps).register(on: router)
    PublicHomeRoutes(deps: deps).register(on: router)
    PublicReportRoutes(deps: deps).register(on: router)
    ModerationRoutes(deps: deps).register(on: router)
    CitizenAdminRoutes(deps: deps).register(on: router)
    return router
}

/// Closes the database connections after the server has stopped taking requests.
public struct DatabaseShutdownService: Service {
    let database: TryggDatabase

    public init(database: TryggDatabase) { self.database = database }

    public func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
