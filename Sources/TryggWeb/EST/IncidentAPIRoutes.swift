import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// `/api/v1/incidents`: create, read and list EST events with a personal token. The same rules
/// as the report form; problems come back as 422 with one entry per field.
struct IncidentAPIRoutes {
    let deps: AppDependencies
    static let maxBody = 256 * 1024

    /// An event as the API shows it, written by hand in the shape JSONEncoder gives it (snake_case
    /// keys in sorted order, absent values left out): JSONEncoder took a fifteenth of the server's
    /// time for each posted event. `Encodable` so that a test holds the two to the same bytes.
    struct IncidentDTO: Encodable {
        let id: UUID
        let category: String
        let categoryName: String
        let subcategory: String
        let occurredAt: String
        let endedAt: String?
        let precision: String
        let week: String
        let latitude: Double?
        let longitude: Double?
        let area: String
        let place: String
        let description: String
        let organisation: String?
        let source: String

        var json: [UInt8] {
            var object = JSONText.Object()
            object.string("area", area)
            object.string("category", category)
            object.string("category_name", categoryName)
            object.string("description", description)
            object.string("ended_at", endedAt)
            object.uuid("id", id)
            object.number("latitude", latitude)
            object.number("longitude", longitude)
            object.string("occurred_at", occurredAt)
            object.string("organisation", organisation)
            object.string("place", place)
            object.string("precision", precision)
            object.string("source", source)
            object.string("subcategory", subcategory)
            object.string("week", week)
            return object.close()
        }

        static func json(_ list: [IncidentDTO]) -> [UInt8] {
            var bytes: [UInt8] = [91]
            for (index, dto) in list.enumerated() {
                if index > 0 { bytes.append(44) }
                bytes += dto.json
            }
            bytes.append(93)
            return bytes
        }
    }

    func register(on routes: RouteRegistry) {
        routes.api(SiteRoutes.apiIncidents) { request, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            // Names (area, category, organisation) left empty mean no filter; a time or a number
            // given must be one, as the OpenAPI document says.
            let parameters = request.uri.queryParameters
            func query(_ name: String) -> Substring? { parameters[Substring(name)].flatMap { $0.isEmpty ? nil : $0 } }
            var filter = IncidentStore.Filter(limit: try Self.number(parameters["limit"], name: "limit", in: 1...1_000) ?? 100)
            filter.offset = try Self.number(parameters["offset"], name: "offset", in: 0...Int(Int32.max)) ?? 0
            if let from = parameters["from"] { filter.from = try Self.time(String(from), name: "from") }
            if let to = parameters["to"] { filter.until = try Self.time(String(to), name: "to") }
            let lookups = try await Lookups.load(context.kommun)
            if let area = query("area") {
                if area.lowercased() == WeekSummary.restOfKommun.lowercased() {
                    filter.restOfKommun = true
                } else {
                    guard let found = lookups.areas.first(where: { $0.name.lowercased() == area.lowercased() || $0.id.uuidString == area.uppercased() }) else {
                        throw HTTPError(.badRequest, message: "Okänt område: \(area.prefix(60))")
                    }
                    filter.areaID = found.id
                }
            }
            if let category = query("category") {
                guard let found = CategoryLookup(lookups.categories, includingRetired: true).match(String(category)) else {
                    throw HTTPError(.badRequest, message: "Okänd kategori: \(category.prefix(60))")
                }
                filter.categoryID = found.id
            }
            if let organisation = query("organisation") {
                guard let found = lookups.organisations.first(where: { $0.abbreviation.lowercased() == organisation.lowercased() }) else {
                    throw HTTPError(.badRequest, message: "Okänd organisation: \(organisation.prefix(60))")
                }
                filter.organisationID = found.id
            }
            if let words = query("q") {
                guard words.count <= 100 else { throw HTTPError(.badRequest, message: "q får vara högst 100 tecken.") }
                filter.text = words.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if !user.role.allows(.readAllIncidents) { filter.reporterID = user.id }
            let events = try await IncidentStore(context.kommun).list(filter: filter)
            return APIRoutes.json(bytes: IncidentDTO.json(events.map { lookups.dto($0) }))
        }
        routes.api(SiteRoutes.apiIncident) { _, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound, message: "Händelsen finns inte.") }
            guard let event = try await IncidentStore(context.kommun).find(id: id),
                user.role.allows(.readAllIncidents) || event.reporterID == user.id
            else { throw HTTPError(.notFound) }
            return APIRoutes.json(bytes: try await Lookups.load(context.kommun).dto(event).json)
        }
        routes.api(SiteRoutes.apiIncidentCreate) { request, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            let body = try await request.body.collect(upTo: Self.maxBody)
            guard let draft = IncidentDraft(json: Data(buffer: body)) else {
                throw HTTPError(.badRequest, message: "Kroppen måste vara ett JSON-objekt.")
            }
            // The new event's organisation is the user's own, so the kommun's list is not needed here.
            let reference = try await deps.referenceCache.lookups(for: context.kommun)
            let lookups = Lookups(areas: reference.areas, categories: reference.categories, organisations: [user.organisation])
            switch IncidentRules.check(draft, lookup: reference.lookup) {
            case .failure(let failure):
                return Self.problems(failure.problems)
            case .success(let checked):
                do {
                    let stored = try IncidentStore.record(
                        for: checked, kommunID: user.kommun.id, organisationID: user.organisation.id,
                        reporterID: user.id, source: .api, areas: lookups.areas)
                    try await deps.incidentQueue.store(stored, detail: IncidentStore.auditDetail(checked), by: context.actor)
                    var response = APIRoutes.json(bytes: lookups.dto(stored).json)
                    response.status = .created
                    response.headers[.location] = SiteRoutes.apiIncident.path(stored.id)
                    return response
                } catch let error as StoreError {
                    return Self.problems([IncidentProblem(field: "area", message: error.description)])
                }
            }
        }
    }

    static func number(_ text: Substring?, name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name): ”\(text.prefix(20))” är inget heltal mellan \(range.lowerBound) och \(range.upperBound).")
        }
        return value
    }

    static func time(_ text: String, name: String) throws -> Date {
        guard case .success(let date) = IncidentTime.parse(text.count == 10 ? text + " 00:00" : text) else {
            throw HTTPError(.badRequest, message: "\(name): ”\(text.prefix(40))” är ingen tidpunkt (ÅÅÅÅ-MM-DD eller ISO 8601).")
        }
        return date
    }

    static func problems(_ problems: [IncidentProblem]) -> Response {
        var response = APIRoutes.json([
            "error": [
                "status": 422, "message": "Händelsen sparades inte.",
                "problems": problems.map { ["field": $0.field, "message": $0.message] },
            ] as [String: Any]
        ])
        response.status = .unprocessableContent
        return response
    }

    /// The names an event's ids stand for.
    struct Lookups {
        let areas: [Area]
        let categories: [IncidentCategory]
        let organisations: [Organisation]

        static func load(_ kommun: KommunScope) async throws -> Lookups {
            Lookups(
                areas: try await AreaStore(kommun).all(),
                categories: try await CategoryStore(kommun).all(),
                organisations: try await OrganisationStore(kommun).organisations())
        }

        func dto(_ event: Incident) -> IncidentDTO {
            let category = categories.first { $0.id == event.categoryID }
            return IncidentDTO(
                id: event.id, category: category?.code ?? "", categoryName: category?.name ?? "", subcategory: event.subcategory,
                occurredAt: IncidentTime.format(event.occurredAt), endedAt: event.endedAt.map(IncidentTime.format), precision: event.precision.rawValue,
                week: ISOWeek.containing(event.occurredAt).description, latitude: event.point?.latitude, longitude: event.point?.longitude,
                area: event.areaID.flatMap { id in areas.first { $0.id == id }?.name } ?? WeekSummary.restOfKommun, place: event.place,
                description: event.description, organisation: event.organisationID.flatMap { id in organisations.first { $0.id == id }?.abbreviation },
                source: event.source.rawValue)
        }
    }
}
