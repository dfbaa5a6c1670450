import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under `/open311/v2/`, one endpoint for
/// every kommun: `jurisdiction_id` is the kommun's slug. Residents' reports are moderated, so the
/// services are of type `batch`: POST answers with a token, and the token gives the
/// `service_request_id` once a samordnare has published the report.
struct Open311Routes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        for suffix in SiteRoutes.open311Formats {
            let format: Open311Format = suffix == "json" ? .json : .xml
            routes.open311(SiteRoutes.open311Discovery(suffix)) { request, _ in
                Open311Discovery.response(request: request, secure: deps.configuration.secureCookies, format: format)
            }
            routes.open311(SiteRoutes.open311Services(suffix)) { request, _ in
                try await answer(format) { try await services(request: request, format: format) }
            }
            routes.open311(SiteRoutes.open311Requests(suffix)) { request, _ in
                try await answer(format) { try await Open311Queries(deps: deps).list(request: request, format: format) }
            }
            routes.open311(SiteRoutes.open311Post(suffix)) { request, context in
                try await answer(format) { try await Open311Intake(deps: deps).post(request: request, context: context, format: format) }
            }
        }
        routes.open311(SiteRoutes.open311Service) { request, context in
            try await named(context) { code, format in try await definition(code: code, request: request, format: format) }
        }
        routes.open311(SiteRoutes.open311Request) { request, context in
            try await named(context) { id, format in try await Open311Queries(deps: deps).one(id: id, request: request, format: format) }
        }
        routes.open311(SiteRoutes.open311Token) { request, context in
            try await named(context) { token, format in try await Open311Queries(deps: deps).token(token, request: request, format: format) }
        }
    }

    /// Runs a handler and turns its Open311Error into the standard's error document.
    private func answer(_ format: Open311Format, _ handler: () async throws -> Response) async throws -> Response {
        do { return try await handler() } catch let error as Open311Error { return error.response(format: format) }
    }

    /// For `…/{name}.json|xml` resources.
    private func named(_ context: TryggRequestContext, _ handler: (String, Open311Format) async throws -> Response) async throws -> Response {
        guard let file = context.parameters.get("file"), let (name, format) = Open311Format.split(file) else {
            return Open311Error(.notFound, "Okänt format: lägg till .json eller .xml.").response(format: .xml)
        }
        return try await answer(format) { try await handler(name, format) }
    }

    /// The kommun named by `jurisdiction_id` (query or form).
    static func kommun(_ slug: String?, deps: AppDependencies) async throws -> Kommun {
        guard let slug = slug?.trimmed, !slug.isEmpty else {
            throw Open311Error(.badRequest, "jurisdiction_id saknas: ange kommunens kortnamn, t.ex. linkoping.")
        }
        guard let kommun = try await deps.referenceCache.kommun(slug: slug, database: deps.database) else {
            throw Open311Error(.notFound, "jurisdiction_id ”\(slug.prefix(60))” är ingen kommun i Trygg.")
        }
        return kommun
    }

    func publicCategories(of kommun: Kommun) async throws -> [IncidentCategory] {
        try await deps.referenceCache.lookups(for: deps.scope(of: kommun)).categories.filter { $0.isPublic && !$0.retired }
    }

    private func services(request: Request, format: Open311Format) async throws -> Response {
        let kommun = try await Self.kommun(request.uri.queryParameters["jurisdiction_id"].map(String.init), deps: deps)
        let list = try await publicCategories(of: kommun).map { category -> Open311Value in
            .object([
                ("service_code", .text(category.code)), ("service_name", .text(category.name)),
                ("description", .text(Open311Attributes.serviceDescription(category))), ("metadata", .bool(true)),
                ("type", .text("batch")), ("keywords", .text(category.subcategories.joined(separator: ","))),
                ("group", .text("Trygghet")),
            ])
        }
        return Open311Response.document(.list(element: "service", list), root: "services", format: format)
    }

    private func definition(code: String, request: Request, format: Open311Format) async throws -> Response {
        let kommun = try await Self.kommun(request.uri.queryParameters["jurisdiction_id"].map(String.init), deps: deps)
        guard let category = try await publicCategories(of: kommun).first(where: { $0.code == code }) else {
            throw Open311Error(.notFound, "service_code ”\(code.prefix(60))” finns inte i \(kommun.name).")
        }
        let areas = try await deps.referenceCache.lookups(for: deps.scope(of: kommun)).areas.current
        return Open311Response.document(
            .object([
                ("service_code", .text(category.code)),
                ("attributes", Open311Attributes.definitions(areas: areas)),
            ]),
            root: "service_definition", format: format)
    }
}

/// The discovery document: where the endpoint is and what it speaks.
enum Open311Discovery {
    static let changeset = "2026-11-22T00:00:00+01:00"

    static func response(request: Request, secure: Bool, format: Open311Format) -> Response {
        // The Host header comes from the client: only a plain host[:port] is echoed.
        let authority = request.head.authority ?? ""
        let safe =
            !authority.isEmpty && authority.count <= 200
            && authority.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
        let host = safe ? authority : "localhost"
        let scheme = secure ? "https" : "http"
        let endpoint = Open311Value.object([
            ("specification", .text("http://wiki.open311.org/GeoReport_v2")), ("url", .text("\(scheme)://\(host)\(SiteRoutes.open311Base)")),
            ("changeset", .text(changeset)), ("type", .text("production")),
            ("formats", .list(element: "format", [.text("text/xml"), .text("application/json")])),
        ])
        let document = Open311Value.object([
            ("changeset", .text(changeset)),
            ("contact", .text("Kommunens säkerhetsavdelning (BFT-samordnare). jurisdiction_id är kommunens kortnamn, t.ex. linkoping.")),
            ("key_service", .text("API-nyckel för POST utfärdas per kommun av kommunens administratör i Trygg.")),
            ("endpoints", .list(element: "endpoint", [endpoint])),
        ])
        return Open311Response.document(document, root: "discovery", format: format)
    }
}
