import HTTPTypes
import Hummingbird

/// Standard protective headers on every response, error pages included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// `tileOrigin`: the map tiles' host, the one outside source images may come from.
    static func contentSecurityPolicy(tileOrigin: String? = nil) -> String {
        "default-src 'self'; img-src 'self' data:\(tileOrigin.map { " " + $0 } ?? ""); style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    let secure: Bool
    let contentSecurityPolicy: String

    init(secure: Bool, tileOrigin: String? = nil) {
        self.secure = secure
        contentSecurityPolicy = Self.contentSecurityPolicy(tileOrigin: tileOrigin)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(self)"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
