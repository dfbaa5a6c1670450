import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// JSON API under `/api/v1/`, authenticated with personal tokens (`trygg token create`).
struct APIRoutes {
    let deps: AppDependencies

    struct MeDTO: Encodable {
        let email: String
        let name: String
        let role: String
        let organisation: String
        let kommun: String
        let kommunCode: String
    }

    struct OrganisationDTO: Encodable {
        let id: UUID
        let abbreviation: String
        let name: String
        let kind: String
        let nameConfirmed: Bool
        /// Left out while the organisation exists.
        let retiredOn: String?
    }

    func register(on routes: RouteRegistry) {
        routes.plain(SiteRoutes.openAPI) { _, _ in
            Self.json(OpenAPIDocument.document)
        }
        routes.api(SiteRoutes.apiMe) { _, context in
            let user = context.user
            return Self.encode(
                MeDTO(
                    email: user.email, name: user.name, role: user.role.rawValue,
                    organisation: user.organisation.abbreviation, kommun: user.kommun.slug,
                    kommunCode: user.kommun.code))
        }
        routes.api(SiteRoutes.apiOrganisations) { _, context in
            _ = try context.requireUser(allowedTo: .readReferenceData)
            let organisations = try await OrganisationStore(context.kommun).organisations()
            return Self.encode(
                organisations.map {
                    OrganisationDTO(
                        id: $0.id, abbreviation: $0.abbreviation, name: $0.name, kind: $0.kind.rawValue,
                        nameConfirmed: $0.nameConfirmed, retiredOn: $0.retiredOn)
                })
        }
        routes.api(SiteRoutes.apiAreas) { _, context in
            _ = try context.requireUser(allowedTo: .readReferenceData)
            let areas = try await AreaStore(context.kommun).all()
            return Self.json(Self.featureCollection(areas))
        }
    }

    /// Areas as a GeoJSON FeatureCollection in WGS84, the form `trygg import areas` reads back.
    static func featureCollection(_ areas: [Area]) -> [String: Any] {
        [
            "type": "FeatureCollection",
            "features": areas.map { area -> [String: Any] in
                [
                    "type": "Feature",
                    "id": area.id.uuidString,
                    // retired_on: the day an area was retired (null while in use); its history stays under it.
                    "properties": [
                        "name": area.name, "deso_codes": area.desoCodes, "source": area.source, "retired_on": area.retiredOn ?? NSNull(),
                    ] as [String: Any],
                    "geometry": area.shape.map { ["type": "MultiPolygon", "coordinates": $0.geoJSONCoordinates] as [String: Any] }
                        ?? NSNull(),
                ]
            },
        ]
    }

    static func encode(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return body((try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func json(_ object: Any) -> Response {
        body((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }

    /// JSON already written (JSONText).
    static func json(bytes: [UInt8]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func body(_ data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
