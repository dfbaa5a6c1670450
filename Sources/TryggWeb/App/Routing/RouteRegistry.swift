import Foundation
import HTTPTypes
import Hummingbird
import TryggCore

/// The router seen through the route table. A handler can only be added for a `SiteRoutes` value,
/// in the zone that value names, and each zone is a router group with its own middleware and
/// request context: the scope of a middleware is the set of routes registered in its zone.
struct RouteRegistry {
    typealias Handler<Context> = @Sendable (Request, Context) async throws -> Response

    private let plainZone: Router<TryggRequestContext>
    /// Session cookie and CSRF for the login pages; staff pages add the signed-in user.
    private let loginZone: RouterGroup<TryggRequestContext>
    private let staffZone: RouterGroup<StaffContext>
    /// Rate limit per address, then session cookie and CSRF for the resident's form.
    private let publicZone: RouterGroup<TryggRequestContext>
    /// JSON errors, then the bearer token.
    private let apiZone: RouterGroup<APIContext>
    private let open311Zone: RouterGroup<TryggRequestContext>
    private let feedZone: RouterGroup<TryggRequestContext>

    init(router: Router<TryggRequestContext>, deps: AppDependencies) {
        plainZone = router
        loginZone = router.group().add(middleware: SessionMiddleware(deps: deps)).add(middleware: CSRFMiddleware())
        staffZone = loginZone.group(context: StaffContext.self)
        publicZone = router.group().add(middleware: PublicRateLimitMiddleware(gate: deps.publicGate, answer: .page))
            .add(middleware: SessionMiddleware(deps: deps)).add(middleware: CSRFMiddleware())
        apiZone = router.group().add(middleware: APIErrorMiddleware()).add(middleware: BearerTokenMiddleware(deps: deps))
            .group(context: APIContext.self)
        open311Zone = router.group().add(middleware: PublicRateLimitMiddleware(gate: deps.publicGate, answer: .open311))
        feedZone = router.group().add(middleware: PublicRateLimitMiddleware(gate: deps.publicGate, answer: .page))
    }

    // MARK: Staff pages

    func staff(_ route: Route0, _ handler: @escaping Handler<StaffContext>) { staff(route.route, handler) }
    func staff<A>(_ route: Route1<A>, _ handler: @escaping Handler<StaffContext>) { staff(route.route, handler) }
    func staff<A, B>(_ route: Route2<A, B>, _ handler: @escaping Handler<StaffContext>) { staff(route.route, handler) }

    private func staff(_ route: RouteDescription, _ handler: @escaping Handler<StaffContext>) {
        guard case .staff(let permission) = route.zone else { preconditionFailure("\(route) är ingen personalsida") }
        staffZone.on(RouterPath(route.pattern), method: route.method) { request, context in
            if let permission { _ = try context.requireUser(allowedTo: permission) }
            return try await handler(request, context)
        }
    }

    // MARK: Login, public pages, Open311, plain

    func login(_ route: Route0, _ handler: @escaping Handler<TryggRequestContext>) { login(route.route, handler) }
    func login<A>(_ route: Route1<A>, _ handler: @escaping Handler<TryggRequestContext>) { login(route.route, handler) }

    private func login(_ route: RouteDescription, _ handler: @escaping Handler<TryggRequestContext>) {
        precondition(route.zone == .login, "\(route) hör inte till inloggningen")
        loginZone.on(RouterPath(route.pattern), method: route.method, use: handler)
    }

    func publicPage<A>(_ route: Route1<A>, _ handler: @escaping Handler<TryggRequestContext>) { publicPage(route.route, handler) }
    func publicPage<A, B>(_ route: Route2<A, B>, _ handler: @escaping Handler<TryggRequestContext>) { publicPage(route.route, handler) }

    private func publicPage(_ route: RouteDescription, _ handler: @escaping Handler<TryggRequestContext>) {
        precondition(route.zone == .public, "\(route) är ingen publik sida")
        publicZone.on(RouterPath(route.pattern), method: route.method, use: handler)
    }

    func open311(_ route: Route0, _ handler: @escaping Handler<TryggRequestContext>) { open311(route.route, handler) }
    func open311<A>(_ route: Route1<A>, _ handler: @escaping Handler<TryggRequestContext>) { open311(route.route, handler) }

    private func open311(_ route: RouteDescription, _ handler: @escaping Handler<TryggRequestContext>) {
        precondition(route.zone == .open311, "\(route) hör inte till Open311")
        open311Zone.on(RouterPath(route.pattern), method: route.method, use: handler)
    }

    func feed<A>(_ route: Route1<A>, _ handler: @escaping Handler<TryggRequestContext>) {
        precondition(route.route.zone == .feed, "\(route.route) är inget kalenderflöde")
        feedZone.on(RouterPath(route.route.pattern), method: route.route.method, use: handler)
    }

    func plain(_ route: Route0, _ handler: @escaping Handler<TryggRequestContext>) { plain(route.route, handler) }
    func plain<A>(_ route: Route1<A>, _ handler: @escaping Handler<TryggRequestContext>) { plain(route.route, handler) }

    private func plain(_ route: RouteDescription, _ handler: @escaping Handler<TryggRequestContext>) {
        precondition(route.zone == .plain, "\(route) är ingen öppen väg")
        plainZone.on(RouterPath(route.pattern), method: route.method, use: handler)
    }

    // MARK: JSON API

    func api(_ route: Route0, _ handler: @escaping Handler<APIContext>) { api(route.route, handler) }
    func api<A>(_ route: Route1<A>, _ handler: @escaping Handler<APIContext>) { api(route.route, handler) }

    private func api(_ route: RouteDescription, _ handler: @escaping Handler<APIContext>) {
        guard case .api(let permission) = route.zone else { preconditionFailure("\(route) hör inte till API:t") }
        apiZone.on(RouterPath(route.pattern), method: route.method) { request, context in
            if let permission { _ = try context.requireUser(allowedTo: permission) }
            return try await handler(request, context)
        }
    }
}
