import Foundation

/// An area read from a GeoJSON file, converted to WGS84.
public struct ParsedArea: Sendable, Equatable {
    public var name: String
    public var shape: AreaShape
    /// The feature's other properties as text (the police's `KATEGORI`, `ORT`, `SPECIALOMR` …).
    public var properties: [String: String]

    public init(name: String, shape: AreaShape, properties: [String: String] = [:]) {
        self.name = name
        self.shape = shape
        self.properties = properties
    }
}

/// Reads the GeoJSON that municipal GIS and the police export: a FeatureCollection of Polygon or
/// MultiPolygon features, in WGS84 or SWEREF 99 TM. The projection comes from `crs` when present,
/// else from the coordinate range. Every problem is collected so the user can fix the file in one go.
public enum AreaGeoJSON {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
        init(_ messages: [String]) { self.messages = messages }
    }

    public enum Projection: String, Sendable {
        case wgs84 = "WGS84 (EPSG:4326)"
        case sweref99TM = "SWEREF 99 TM (EPSG:3006)"
    }

    /// Keys in `properties` that hold an area's name, in order of preference (the police files
    /// carry both `name` and `NAMN`).
    static let nameKeys = ["name", "NAMN", "namn", "Name", "NAME", "omrade", "område"]

    public static func parse(_ data: Data) throws(Problem) -> (areas: [ParsedArea], projection: Projection) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem(["Filen är inte giltig JSON."])
        }
        let features: [[String: Any]]
        switch root["type"] as? String {
        case "FeatureCollection":
            guard let list = root["features"] as? [[String: Any]] else {
                throw Problem(["FeatureCollection saknar listan \"features\"."])
            }
            features = list
        case "Feature":
            features = [root]
        default:
            throw Problem(["Filen är inte en GeoJSON FeatureCollection (\"type\" saknas eller är fel)."])
        }
        if features.isEmpty { throw Problem(["Filen innehåller inga områden."]) }

        let projection = try projection(declaredIn: root, features: features)
        var areas: [ParsedArea] = []
        var problems: [String] = []
        for (index, feature) in features.enumerated() {
            let label = "Objekt \(index + 1)"
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let name = nameKeys.lazy.compactMap { (properties[$0] as? String)?.trimmingCharacters(in: .whitespaces) }
                .first { !$0.isEmpty }
            guard let name else {
                problems.append("\(label): namn saknas (egenskapen \"name\" eller \"NAMN\").")
                continue
            }
            do {
                let shape = try shape(of: feature["geometry"], projection: projection)
                let texts = properties.compactMapValues { value -> String? in
                    if let text = value as? String { return text }
                    if let number = value as? NSNumber { return number.stringValue }
                    return nil
                }
                areas.append(ParsedArea(name: name, shape: shape, properties: texts))
            } catch {
                problems.append("\(label) (\(name)): \(error.description)")
            }
        }
        let duplicates = Dictionary(grouping: areas, by: { $0.name.lowercased() }).filter { $0.value.count > 1 }.keys
        for name in duplicates.sorted() { problems.append("Namnet \"\(name)\" förekommer mer än en gång.") }
        if !problems.isEmpty { throw Problem(problems) }
        return (areas, projection)
    }

    /// One area typed into a form: a Feature, a FeatureCollection of one, or a bare Polygon or
    /// MultiPolygon geometry. The form's name is used where the GeoJSON has none.
    public static func parseSingle(_ data: Data, name: String) throws(Problem) -> ParsedArea {
        guard var root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem(["Filen är inte giltig JSON."])
        }
        if let type = root["type"] as? String, type == "Polygon" || type == "MultiPolygon" {
            root = ["type": "Feature", "properties": [String: Any](), "geometry": root]
        }
        if root["type"] as? String == "Feature" {
            var properties = root["properties"] as? [String: Any] ?? [:]
            if !nameKeys.contains(where: { properties[$0] is String }) { properties["name"] = name }
            root["properties"] = properties
        }
        guard let normalised = try? JSONSerialization.data(withJSONObject: root) else { throw Problem(["Filen är inte giltig JSON."]) }
        let areas = try parse(normalised).areas
        guard areas.count == 1, let area = areas.first else {
            throw Problem(["Ange ett område i taget här; hela filer importeras med `trygg import areas`."])
        }
        return area
    }

    private static func projection(declaredIn root: [String: Any], features: [[String: Any]]) throws(Problem) -> Projection {
        if let crs = root["crs"] as? [String: Any], let props = crs["properties"] as? [String: Any],
            let name = props["name"] as? String
        {
            if name.contains("3006") { return .sweref99TM }
            if name.contains("4326") || name.contains("CRS84") { return .wgs84 }
            throw Problem(["Okänt koordinatsystem \"\(name)\": använd WGS84 (EPSG:4326) eller SWEREF 99 TM (EPSG:3006)."])
        }
        // No declaration: metre-sized numbers mean a projected grid.
        let sample = features.lazy.compactMap { firstPosition(in: ($0["geometry"] as? [String: Any])?["coordinates"]) }.first
        if let sample, abs(sample[0]) > 180 || abs(sample[1]) > 90 { return .sweref99TM }
        return .wgs84
    }

    private static func firstPosition(in value: Any?) -> [Double]? {
        if let numbers = value as? [Double], numbers.count >= 2 { return numbers }
        if let list = value as? [Any], let first = list.first { return firstPosition(in: first) }
        return nil
    }

    private struct GeometryError: Error { var description: String }

    private static func shape(of geometryValue: Any?, projection: Projection) throws(GeometryError) -> AreaShape {
        guard let geometry = geometryValue as? [String: Any], let type = geometry["type"] as? String else {
            throw GeometryError(description: "geometri saknas.")
        }
        let coordinates = geometry["coordinates"]
        switch type {
        case "Polygon":
            guard let rings = coordinates as? [Any] else { throw GeometryError(description: "koordinaterna saknas.") }
            return AreaShape(polygons: [try polygon(rings, projection: projection)])
        case "MultiPolygon":
            guard let polygons = coordinates as? [Any], !polygons.isEmpty else {
                throw GeometryError(description: "koordinaterna saknas.")
            }
            var result: [GeoPolygon] = []
            for case let rings as [Any] in polygons { result.append(try polygon(rings, projection: projection)) }
            guard result.count == polygons.count else { throw GeometryError(description: "felaktig MultiPolygon.") }
            return AreaShape(polygons: result)
        default:
            throw GeometryError(description: "geometritypen \(type) stöds inte; ett område måste vara Polygon eller MultiPolygon.")
        }
    }

    private static func polygon(_ rings: [Any], projection: Projection) throws(GeometryError) -> GeoPolygon {
        var converted: [[GeoPoint]] = []
        for ringValue in rings {
            guard let positions = ringValue as? [Any] else { throw GeometryError(description: "en ring är inte en lista av positioner.") }
            var ring: [GeoPoint] = []
            for case let position as [Any] in positions {
                let numbers = position.compactMap { ($0 as? NSNumber)?.doubleValue }
                guard numbers.count >= 2, numbers.allSatisfy(\.isFinite) else {
                    throw GeometryError(description: "en position är inte ett talpar.")
                }
                ring.append(try point(x: numbers[0], y: numbers[1], projection: projection))
            }
            guard ring.count == positions.count else { throw GeometryError(description: "en position är inte ett talpar.") }
            guard ring.count >= 4 else { throw GeometryError(description: "en ring har färre än fyra positioner.") }
            guard ring.first == ring.last else { throw GeometryError(description: "en ring är inte sluten (första och sista positionen skiljer sig).") }
            converted.append(ring)
        }
        guard let outer = converted.first else { throw GeometryError(description: "polygonen saknar ytterring.") }
        return GeoPolygon(outer: outer, holes: Array(converted.dropFirst()))
    }

    private static func point(x: Double, y: Double, projection: Projection) throws(GeometryError) -> GeoPoint {
        let point: GeoPoint
        switch projection {
        case .wgs84:
            guard (-180...180).contains(x), (-90...90).contains(y) else {
                throw GeometryError(description: "koordinaten (\(x), \(y)) är inte longitud/latitud i WGS84.")
            }
            point = GeoPoint(latitude: y, longitude: x)
        case .sweref99TM:
            guard Sweref99TM.isPlausible(easting: x, northing: y) else {
                throw GeometryError(description: "koordinaten (\(x), \(y)) ligger inte i Sverige i SWEREF 99 TM.")
            }
            point = Sweref99TM.toWGS84(easting: x, northing: y)
        }
        guard point.isInSweden else {
            throw GeometryError(description: "koordinaten (\(x), \(y)) ligger utanför Sverige.")
        }
        return point
    }
}
