import Foundation
import HTTPTypes
import TryggCore

/// Who may reach a route, and so which middleware stands in front of it. Every route declares its
/// zone in `SiteRoutes`; nothing decides scope by looking at the path.
enum Zone: Sendable, Hashable {
    /// Staff pages: a signed-in user of a kommun whose role allows the permission (nil: any role).
    case staff(Permission?)
    /// Login, the second factor and logout: the session cookie and CSRF, no signed-in user needed.
    case login
    /// The JSON API: a bearer token whose user's role allows the permission; errors as JSON.
    case api(Permission?)
    /// Residents' pages of a kommun: no login, a CSRF cookie for the form, a rate limit per address.
    case `public`
    /// Open311 GeoReport v2: an api_key on POST, a rate limit per address, errors in Open311's form.
    case open311
    /// A calendar program reading a meeting feed: it cannot log in, so the secret in the path is
    /// the credential; a rate limit per address, no cookies.
    case feed
    /// Health check and static files: nothing about the visitor is read.
    case plain

    var permission: Permission? {
        switch self {
        case .staff(let permission), .api(let permission): permission
        default: nil
        }
    }
}

/// A value that fills one `{name}` segment of a route's pattern.
protocol PathParameter: Sendable {
    init?(pathComponent: String)
    var pathComponent: String { get }
}

extension Int: PathParameter {
    init?(pathComponent: String) { self.init(pathComponent) }
    var pathComponent: String { String(self) }
}

extension UUID: PathParameter {
    init?(pathComponent: String) { self.init(uuidString: pathComponent) }
    var pathComponent: String { uuidString }
}

extension ISOWeek: PathParameter {
    init?(pathComponent: String) { self.init(parsing: pathComponent) }
    var pathComponent: String { description }
}

extension String: PathParameter {
    init?(pathComponent: String) { self = pathComponent }
    var pathComponent: String { addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? "" }
}

/// One row of the route table: method, pattern (Hummingbird's `{name}` syntax) and zone.
struct RouteDescription: Sendable, Hashable, CustomStringConvertible {
    let method: HTTPRequest.Method
    let pattern: String
    let zone: Zone

    var description: String { "\(method) \(pattern)" }

    /// Whether a signed-in user of `role` may use the route, as the table says (a route without a
    /// permission is open to every role): a page links another only where this holds.
    func isOpen(to role: Role) -> Bool { zone.permission.map(role.allows) ?? true }

    /// The pattern with its `{…}` segments filled in order; a query appended when given.
    func path(_ values: [String], query: [(String, String)] = []) -> String {
        var filled = values.makeIterator()
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") ? (filled.next() ?? "") : String(segment)
        }
        let path = segments.joined(separator: "/")
        return query.isEmpty ? path : path + "?" + Self.query(query)
    }

    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    private static func encode(_ text: String) -> String {
        // RFC 3986 lets "/" stand unescaped in a query, which keeps `?next=/plan/2023` readable.
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", ".", "_", "~", "/"])) ?? ""
    }
}

/// A route without parameters ("/plan").
struct Route0: Sendable {
    let route: RouteDescription
    init(_ method: HTTPRequest.Method, _ pattern: String, _ zone: Zone) { route = .init(method: method, pattern: pattern, zone: zone) }

    var path: String { route.pattern }
    func path(query: [(String, String)]) -> String { route.path([], query: query) }
}

/// A route with one parameter ("/plan/{year}").
struct Route1<A: PathParameter>: Sendable {
    let route: RouteDescription
    init(_ method: HTTPRequest.Method, _ pattern: String, _ zone: Zone) { route = .init(method: method, pattern: pattern, zone: zone) }

    func path(_ a: A, query: [(String, String)] = []) -> String { route.path([a.pathComponent], query: query) }
}

/// A route with two parameters ("/est/vecka/{week}/platser/{id}/ta-bort").
struct Route2<A: PathParameter, B: PathParameter>: Sendable {
    let route: RouteDescription
    init(_ method: HTTPRequest.Method, _ pattern: String, _ zone: Zone) { route = .init(method: method, pattern: pattern, zone: zone) }

    func path(_ a: A, _ b: B, query: [(String, String)] = []) -> String { route.path([a.pathComponent, b.pathComponent], query: query) }
}
