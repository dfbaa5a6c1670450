import Foundation
import Hummingbird
import TryggStore

/// `GET /metrics` for the kommun's monitoring (Prometheus). Off unless the server was started
/// with a token (`--metrics-token-file`): then it answers the one who sends it as
/// `Authorization: Bearer …`, and 401 to everyone else. Without a token it is 404, as if it did
/// not exist. The numbers say nothing about any kommun's data, but route names and volumes are
/// still nobody else's business.
struct MetricsRoutes {
    let deps: AppDependencies
    let metrics: ServerMetrics?

    func register(on routes: RouteRegistry) {
        routes.plain(SiteRoutes.metrics) { request, _ in
            guard let metrics, let token = deps.configuration.metricsToken else { throw HTTPError(.notFound) }
            guard Self.authorised(request.headers[.authorization], token: token) else {
                var headers = HTTPFields()
                headers[.wwwAuthenticate] = "Bearer realm=\"trygg-metrics\""
                headers[.contentType] = "text/plain; charset=utf-8"
                return Response(status: .unauthorized, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "Ange nyckeln: Authorization: Bearer …\n")))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: await metrics.scrape(database: deps.database))))
        }
    }

    /// The header carries the token. Compared as SHA-256 digests, so the time taken says nothing
    /// about how much of a guess was right, whatever its length.
    static func authorised(_ header: String?, token: String) -> Bool {
        guard let header, header.hasPrefix("Bearer ") else { return false }
        let sent = header.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
        return CSRFMiddleware.constantTimeEqual(SessionStore.hash(sent), SessionStore.hash(token))
    }
}
