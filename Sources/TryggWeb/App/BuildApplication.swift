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
        loginLimiter: RateLimiter(limit: configuration.loginAttemptsPerMinute, window: 60),
        recordLocks: RecordLocks(database: database), incidentQueue: IncidentWriteQueue(database: database),
        citizenQueue: CitizenWriteQueue(database: database), surveyQueue: SurveyWriteQueue(database: database),
        publicGate: PublicGate(limits: configuration.publicLimits))
    // HEAD is answered wherever GET is (RFC 9110 §9.3.2), as uptime checks and link checkers ask.
    let router = Router(context: TryggRequestContext.self, options: .autoGenerateHeadEndpoints)
    // Outermost first: the metrics time the whole answer (and record nothing when nobody may read
    // them), compression takes the finished answer, headers wrap error pages, which wrap
    // everything that can fail. The rest of the middleware belongs to a zone and runs only for the
    // routes registered in it.
    let metrics = configuration.metricsToken == nil ? nil : ServerMetrics()
    if let metrics { router.add(middleware: RequestMetricsMiddleware(metrics: metrics)) }
    router.add(middleware: CompressionMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(secure: configuration.secureCookies, tileOrigin: configuration.map.tileOrigin))
    router.add(middleware: ErrorPageMiddleware(renderer: renderer))
    router.add(middleware: ClientMiddleware(configuration: configuration))
    router.add(middleware: NulGuardMiddleware())
    let routes = RouteRegistry(router: router, deps: deps)

    MetricsRoutes(deps: deps, metrics: metrics).register(on: routes)
    routes.plain(SiteRoutes.health) { _, _ in
        try await database.ping()
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
    }
    try StaticFiles.register(on: routes)
    StaticFiles.registerLeaflet(configuration.map, on: routes)
    LoginRoutes(deps: deps).register(on: routes)
    PasswordResetRoutes(deps: deps).register(on: routes)
    AccountRoutes(deps: deps).register(on: routes)
    HomeRoutes(deps: deps).register(on: routes)
    HelpRoutes(deps: deps).register(on: routes)
    UserInvitation(deps: deps).register(on: routes)
    OrganisationRoutes(deps: deps).register(on: routes)
    AreaRoutes(deps: deps).register(on: routes)
    UserRoutes(deps: deps).register(on: routes)
    AuditRoutes(deps: deps).register(on: routes)
    KommunExportRoutes(deps: deps).register(on: routes)
    OutboxRoutes(deps: deps).register(on: routes)
    PlanRoutes(deps: deps).register(on: routes)
    GoverningDocumentRoutes(deps: deps).register(on: routes)
    MeasureRoutes(deps: deps).register(on: routes)
    FollowUpRoutes(deps: deps).register(on: routes)
    FollowUpAnswerRoutes(deps: deps).register(on: routes)
    IncidentRoutes(deps: deps).register(on: routes)
    GatheringRoutes(deps: deps).register(on: routes)
    WeekRoutes(deps: deps).register(on: routes)
    AnalysisRoutes(deps: deps).register(on: routes)
    CategoryRoutes(deps: deps).register(on: routes)
    APIRoutes(deps: deps).register(on: routes)
    IncidentAPIRoutes(deps: deps).register(on: routes)
    Open311Routes(deps: deps).register(on: routes)
    PublicHomeRoutes(deps: deps).register(on: routes)
    PublicInformationRoutes(deps: deps).register(on: routes)
    PublicReportRoutes(deps: deps).register(on: routes)
    ModerationRoutes(deps: deps).register(on: routes)
    CitizenAdminRoutes(deps: deps).register(on: routes)
    CrimeFiguresPage(deps: deps).register(on: routes)
    RegionalComparisonPage(deps: deps).register(on: routes)
    SourceRoutes(deps: deps).register(on: routes)
    SurveyRoutes(deps: deps).register(on: routes)
    SurveyResultsRoutes(deps: deps).register(on: routes)
    SurveySharingRoutes(deps: deps).register(on: routes)
    SurveyWeightRoutes(deps: deps).register(on: routes)
    SurveyIndicatorRoutes(deps: deps).register(on: routes)
    ForumRoutes(deps: deps).register(on: routes)
    DecisionRegisterRoutes(deps: deps).register(on: routes)
    SearchRoutes(deps: deps).register(on: routes)
    MeetingRoutes(deps: deps).register(on: routes)
    CalendarRoutes(deps: deps).register(on: routes)
    PromiseRoutes(deps: deps).register(on: routes)
    WalkRoutes(deps: deps).register(on: routes)
    CriteriaRoutes(deps: deps).register(on: routes)
    InfluenceRoutes(deps: deps).register(on: routes)
    InspectionRoutes(deps: deps).register(on: routes)
    InspectionObjectRoutes(deps: deps).register(on: routes)
    InspectionStatisticsRoutes(deps: deps).register(on: routes)
    PoliceAreaRoutes(deps: deps).register(on: routes)
    PublicSurveyRoutes(deps: deps).register(on: routes)
    LagesbildDocumentRoutes(deps: deps).register(on: routes)
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
