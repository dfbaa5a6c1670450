import Foundation
import HTTPTypes
import Hummingbird
import TryggCore
import TryggStore

/// Names of the cookies Trygg sets.
enum CookieName {
    static let session = "trygg_session"
    static let csrf = "trygg_csrf"
}

/// Finds out who is asking on the cookie zones (staff, login and public pages): the session
/// cookie, or for anonymous visitors a CSRF cookie so that the login form is protected too.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext
    let deps: AppDependencies
    var database: TryggDatabase { deps.database }
    var configuration: AppConfiguration { deps.configuration }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        if let token = request.cookies[CookieName.session]?.value,
            let session = try await SessionStore(database).lookup(token: token, lifetime: configuration.sessionLifetime)
        {
            if session.secondFactorPending {
                // Half logged in: only the code page and logout are open.
                guard path == SiteRoutes.loginCode.path || path == SiteRoutes.logout.path else {
                    return .redirect(to: SiteRoutes.loginCode.path, type: .normal)
                }
                context.pendingSession = session
            } else {
                context.session = session
                context.database = deps.database
                context.seesInspections = try await Self.seesInspections(session.account, database: database)
            }
        }
        if request.method == .get, let value = request.cookies[Flash.cookieName]?.value {
            // Shown on this page only: the cookie is cleared in the same answer.
            context.flash = Flash(cookieValue: value, key: context.session?.csrfToken ?? "")
            var response = try await next(request, context)
            response.headers.append(.init(name: .setCookie, value: Cookies.expired(name: Flash.cookieName, secure: configuration.secureCookies)))
            return response
        }
        if context.session == nil && context.pendingSession == nil {
            if let existing = request.cookies[CookieName.csrf]?.value, existing.count == 43 {
                context.anonymousCSRFToken = existing
            } else {
                let fresh = RandomToken.make()
                context.anonymousCSRFToken = fresh
                var response = try await next(request, context)
                response.headers.append(
                    .init(
                        name: .setCookie,
                        value: Cookies.header(
                            name: CookieName.csrf, value: fresh, maxAge: nil, secure: configuration.secureCookies)))
                return response
            }
        }
        return try await next(request, context)
    }

    /// Whether the menu offers LOS: the role alone does not say, the kommun's LOS settings do.
    /// The samordnare always may; a role that never may costs no query.
    static func seesInspections(_ user: UserAccount, database: TryggDatabase) async throws -> Bool {
        guard user.role.allows(.readInspections) else { return false }
        guard user.role != .samordnare else { return true }
        return try await InspectionStore(KommunScope(database, kommunID: user.kommun.id)).access().maySee(user)
    }
}

/// For every request, before any zone: the body limit and the client address the audit log and
/// the rate limits use (from `X-Forwarded-For` only when Trygg is told it runs behind a proxy).
struct ClientMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext
    let configuration: AppConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxBodyBytes = configuration.maxBodyBytes
        context.secureCookies = configuration.secureCookies
        if configuration.trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").first {
            context.clientAddress = String(forwarded).trimmed
        }
        return try await next(request, context)
    }
}

/// The API zone: the user of a personal bearer token (checked against a 2-second cache).
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext
    let deps: AppDependencies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            context.database = deps.database
            context.tokenUser = try await deps.tokenUser(String(authorization.dropFirst("Bearer ".count)).trimmed)
        }
        return try await next(request, context)
    }
}

enum Cookies {
    /// HttpOnly and SameSite=Lax always; Secure when Trygg runs behind TLS.
    static func header(name: String, value: String, maxAge: Int?, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    static func expired(name: String, secure: Bool) -> String {
        header(name: name, value: "", maxAge: 0, secure: secure)
    }
}
