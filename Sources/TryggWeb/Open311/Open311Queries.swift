import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// GET `requests`, `requests/{id}` and `tokens/{token}`: published reports only, with the
/// location rounded to its 100 m square and no contact details.
struct Open311Queries {
    let deps: AppDependencies
    static let maxSpanDays = 90.0
    static let maxResults = 1_000

    func list(request: Request, format: Open311Format) async throws -> Response {
        let query = request.uri.queryParameters
        let kommun = try await Open311Routes.kommun(query["jurisdiction_id"].map(String.init), deps: deps)
        let categories = try await Open311Routes(deps: deps).publicCategories(of: kommun)
        var filter = CitizenStore.Filter(statuses: [.approved, .closed], limit: Self.maxResults)
        if let ids = query["service_request_id"].map(String.init), !ids.trimmed.isEmpty {
            // The standard: service_request_id overrides every other parameter.
            filter.publicNumbers = try ids.split(separator: ",").prefix(Self.maxResults).map { text throws(Open311Error) -> Int in
                guard let number = Int(String(text).trimmed), number > 0 else {
                    throw Open311Error(.badRequest, "service_request_id ”\(text.prefix(30))” är inget ärendenummer.")
                }
                return number
            }
        } else {
            if let codes = query["service_code"].map(String.init), !codes.trimmed.isEmpty {
                filter.categoryIDs = try codes.split(separator: ",").map { code throws(Open311Error) -> UUID in
                    guard let category = categories.first(where: { $0.code == String(code).trimmed }) else {
                        throw Open311Error(.badRequest, "service_code ”\(code.prefix(60))” finns inte.")
                    }
                    return category.id
                }
            }
            if let statuses = query["status"].map(String.init), !statuses.trimmed.isEmpty {
                filter.statuses = try statuses.split(separator: ",").map { status throws(Open311Error) -> CitizenReportStatus in
                    switch String(status).trimmed.lowercased() {
                    case "open": return .approved
                    case "closed": return .closed
                    default: throw Open311Error(.badRequest, "status ”\(status.prefix(30))” är okänd: använd open eller closed.")
                    }
                }
            }
            (filter.from, filter.until) = try Self.period(start: query["start_date"].map(String.init), end: query["end_date"].map(String.init))
        }
        let reports = try await CitizenStore(deps.scope(of: kommun)).list(filter: filter)
        return try await document(reports, kommun: kommun, format: format)
    }

    func one(id: String, request: Request, format: Open311Format) async throws -> Response {
        let kommun = try await Open311Routes.kommun(request.uri.queryParameters["jurisdiction_id"].map(String.init), deps: deps)
        guard let number = Int(id), number > 0,
            let report = try await CitizenStore(deps.scope(of: kommun)).list(
                filter: .init(statuses: [.approved, .closed], publicNumbers: [number], limit: 1)
            ).first
        else {
            throw Open311Error(.notFound, "Ärende ”\(id.prefix(30))” finns inte eller är inte publicerat.")
        }
        return try await document([report], kommun: kommun, format: format)
    }

    func token(_ token: String, request: Request, format: Open311Format) async throws -> Response {
        let kommun = try await Open311Routes.kommun(request.uri.queryParameters["jurisdiction_id"].map(String.init), deps: deps)
        guard let report = try await CitizenStore(deps.scope(of: kommun)).find(token: token) else {
            throw Open311Error(.notFound, "Token finns inte.")
        }
        let id: Open311Value = report.status.isPublic ? report.publicNumber.map { .text(String($0)) } ?? .null : .null
        return Open311Response.document(
            .list(element: "request", [.object([("service_request_id", id), ("token", .text(token))])]),
            root: "service_requests", format: format)
    }

    /// The standard's date rules: W3C date-times; without dates the last 90 days; never more than 90 days.
    static func period(start: String?, end: String?, now: Date = TryggClock.now) throws(Open311Error) -> (Date, Date) {
        func parse(_ text: String?, _ name: String) throws(Open311Error) -> Date? {
            guard let text = text?.trimmed, !text.isEmpty else { return nil }
            guard case .success(let date) = IncidentTime.parse(text) else {
                throw Open311Error(.badRequest, "\(name) ”\(text.prefix(40))” är ingen tidpunkt; använd W3C-format, t.ex. 2026-11-01T00:00:00+01:00.")
            }
            return date
        }
        let span = maxSpanDays * 86_400
        let from = try parse(start, "start_date"), until = try parse(end, "end_date")
        switch (from, until) {
        case (nil, nil): return (now.addingTimeInterval(-span), now)
        case (let from?, nil): return (from, from.addingTimeInterval(span))
        case (nil, let until?): return (until.addingTimeInterval(-span), until)
        case (let from?, let until?):
            guard from <= until else { throw Open311Error(.badRequest, "start_date ligger efter end_date.") }
            guard until.timeIntervalSince(from) <= span else {
                throw Open311Error(.badRequest, "Perioden mellan start_date och end_date får vara högst \(Int(maxSpanDays)) dagar.")
            }
            return (from, until)
        }
    }

    private func document(_ reports: [CitizenReport], kommun: Kommun, format: Open311Format) async throws -> Response {
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        let categories = Dictionary(reference.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = reports.map { report -> Open311Value in
            let category = categories[report.categoryID]
            let point = report.publicPoint
            return .object([
                ("service_request_id", .text(report.publicNumber.map(String.init) ?? "")),
                ("status", .text(report.status.open311Status)), ("status_notes", .text(report.answer)),
                ("service_name", .text(category?.name ?? "")), ("service_code", .text(category?.code ?? "")),
                ("description", .text(report.description)), ("agency_responsible", .text(kommun.name)), ("service_notice", .text("")),
                ("requested_datetime", .text(StockholmCalendar.w3c(report.submittedAt))),
                ("updated_datetime", .text(StockholmCalendar.w3c(report.updatedAt))), ("expected_datetime", .null),
                ("address", .text(report.place)), ("address_id", .null), ("zipcode", .null),
                ("lat", point.map { .number($0.latitude) } ?? .null), ("long", point.map { .number($0.longitude) } ?? .null),
                ("media_url", .text(report.mediaURL)),
            ])
        }
        return Open311Response.document(.list(element: "request", items), root: "service_requests", format: format)
    }
}
