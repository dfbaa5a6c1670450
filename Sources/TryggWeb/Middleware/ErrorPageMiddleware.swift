import Foundation
import Hummingbird
import Logging

/// Turns every error into a clear page (HTML, Swedish) without stack traces; the API zone answers
/// its own errors as JSON first (`APIErrorMiddleware`). Unexpected errors are logged with the
/// request id so an admin can find them.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext
    let renderer: Renderer

    struct ErrorView {
        let status: Int
        let title: String
        let message: String
        let requestID: String?
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is AuthenticationRequired {
            let path = request.uri.path
            let target = path == SiteRoutes.home.path ? SiteRoutes.login.path : SiteRoutes.login.path(query: [("next", path)])
            return .redirect(to: target, type: .normal)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let allowed = Self.otherMethods(request) { return methodNotAllowed(request, allowed: allowed) }
            let message = (error as? HTTPError)?.body
            return respond(status: error.status, message: message, request: request, requestID: nil)
        } catch {
            context.logger.error("Oväntat fel: \(String(reflecting: error))")
            return respond(status: .internalServerError, message: nil, request: request, requestID: context.id)
        }
    }

    /// The methods the route table has for this path when the one asked is not among them.
    static func otherMethods(_ request: Request) -> [RouteDescription]? {
        let routes = SiteRoutes.routes(matching: request.uri.path)
        let asked: HTTPRequest.Method = request.method == .head ? .get : request.method
        guard !routes.isEmpty, !routes.contains(where: { $0.method == asked }) else { return nil }
        return routes
    }

    /// 405 with `Allow`, in the form of the zone the path belongs to.
    func methodNotAllowed(_ request: Request, allowed routes: [RouteDescription]) -> Response {
        var response = respond(status: .methodNotAllowed, message: "Metoden \(request.method) stöds inte här.", request: request, requestID: nil)
        var methods = Set(routes.map(\.method.rawValue))
        // The router answers HEAD wherever there is a GET.
        if methods.contains(HTTPRequest.Method.get.rawValue) { methods.insert(HTTPRequest.Method.head.rawValue) }
        response.headers[.allow] = methods.sorted().joined(separator: ", ")
        return response
    }

    /// The error in the form of the zone the path belongs to: JSON for the API, Open311's own
    /// list for Open311 (an error the zone's own middleware did not see, such as an address with
    /// a NUL), a page for everything else.
    func respond(status: HTTPResponse.Status, message: String?, request: Request, requestID: String?) -> Response {
        let text = message ?? Self.defaultMessage(status)
        switch SiteRoutes.routes(matching: request.uri.path).first?.zone {
        case .api: return APIErrorMiddleware.json(status: status, message: text)
        case .open311: return Open311Response.errors([(Int(status.code), text)], status: status, format: Open311Format(path: request.uri.path))
        default:
            let view = ErrorView(status: status.code, title: Self.title(status), message: text, requestID: requestID)
            return renderer.html(.error, view, status: status)
        }
    }

    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "Felaktig begäran"
        case 403: "Åtkomst nekad"
        case 404: "Sidan finns inte"
        case 405: "Metoden stöds inte"
        case 413: "För stor förfrågan"
        case 429: "För många försök"
        case 500...: "Något gick fel"
        default: "Fel \(status.code)"
        }
    }

    static func defaultMessage(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "Begäran kunde inte tolkas."
        case 403: "Din roll ger inte behörighet till den här sidan."
        case 404: "Sidan eller uppgiften du söker finns inte, eller så saknar du behörighet att se den."
        case 405: "Metoden stöds inte här."
        case 413: "Det du skickade är för stort."
        case 429: "För många försök på kort tid. Vänta en stund och försök igen."
        case 500...: "Ett oväntat fel inträffade. Inget av det du skickade har sparats. Försök igen, och kontakta administratören om felet kvarstår."
        default: "Begäran kunde inte utföras."
        }
    }
}

/// The API zone's errors as JSON (`{"error": {"status", "message"}}`), never an HTML page.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is AuthenticationRequired {
            return Self.json(status: .unauthorized, message: "Giltig API-nyckel krävs (Authorization: Bearer …).")
        } catch let error as any HTTPResponseError {
            return Self.json(status: error.status, message: (error as? HTTPError)?.body ?? ErrorPageMiddleware.defaultMessage(error.status))
        } catch {
            context.logger.error("Oväntat fel: \(String(reflecting: error))")
            return Self.json(status: .internalServerError, message: ErrorPageMiddleware.defaultMessage(.internalServerError))
        }
    }

    static func json(status: HTTPResponse.Status, message: String) -> Response {
        var response = APIRoutes.json(["error": ["status": status.code, "message": message] as [String: Any]])
        response.status = status
        return response
    }
}
