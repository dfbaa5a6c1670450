import Hummingbird

/// A NUL (U+0000) in the address is never meaningful, and PostgreSQL refuses one in a text
/// parameter: a filter, a search or a kommun's name with one in it answers 400 here, once for
/// every route, rather than 500 from whichever query meets it first. (Bodies are checked where
/// they are decoded: the form and JSON readers refuse a NUL in free text.)
struct NulGuardMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string
        if target.contains("\u{0}") || target.range(of: "%00", options: .caseInsensitive) != nil {
            throw HTTPError(.badRequest, message: "Adressen innehåller ett ogiltigt tecken (NUL).")
        }
        return try await next(request, context)
    }
}
