import FluentKit
import Foundation
import TryggCore

final class AreaModel: Model, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "name") var name: String
    /// GeoJSON MultiPolygon coordinates in WGS84, or nil for an area defined by DeSO codes only.
    @OptionalField(key: "geometry") var geometry: String?
    /// DeSO codes separated by commas.
    @Field(key: "deso_codes") var desoCodes: String
    @Field(key: "source") var source: String
    @OptionalField(key: "retired_on") var retiredOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(kommunID: UUID, name: String, shape: AreaShape?, desoCodes: [String], source: String) throws {
        self.kommunID = kommunID
        self.name = name
        self.geometry = try shape.map(Self.encode)
        self.desoCodes = desoCodes.joined(separator: ",")
        self.source = source
    }

    static func encode(_ shape: AreaShape) throws -> String {
        String(decoding: try JSONEncoder().encode(shape.geoJSONCoordinates), as: UTF8.self)
    }

    static func decode(_ text: String) -> AreaShape? {
        guard let coordinates = try? JSONDecoder().decode([[[[Double]]]].self, from: Data(text.utf8)) else { return nil }
        return AreaShape(
            polygons: coordinates.map { rings in
                let converted = rings.map { ring in ring.map { GeoPoint(latitude: $0[1], longitude: $0[0]) } }
                return GeoPolygon(outer: converted.first ?? [], holes: Array(converted.dropFirst()))
            })
    }

    var record: Area {
        Area(
            id: id!, kommunID: kommunID, name: name, shape: geometry.flatMap(Self.decode),
            desoCodes: desoCodes.split(separator: ",").map(String.init), source: source, retiredOn: retiredOn)
    }
}
