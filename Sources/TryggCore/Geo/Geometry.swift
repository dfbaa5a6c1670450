import Foundation

/// A position in WGS84 (EPSG:4326), the reference system of maps on the web and of GPS.
public struct GeoPoint: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Sweden with a margin: anything outside is a mistake (swapped axes, wrong projection).
    public var isInSweden: Bool {
        (55.0...69.2).contains(latitude) && (10.5...24.3).contains(longitude)
    }
}

/// A polygon: an outer ring and optional holes, each ring closed (first point == last point).
public struct GeoPolygon: Sendable, Equatable, Codable {
    public var outer: [GeoPoint]
    public var holes: [[GeoPoint]]

    public init(outer: [GeoPoint], holes: [[GeoPoint]] = []) {
        self.outer = outer
        self.holes = holes
    }

    public func contains(_ point: GeoPoint) -> Bool {
        guard Self.ring(outer, contains: point) else { return false }
        return !holes.contains { Self.ring($0, contains: point) }
    }

    /// Even-odd ray casting. At the scale of a city district, treating longitude and latitude as
    /// plane coordinates is exact enough (the error is far below a metre).
    static func ring(_ ring: [GeoPoint], contains point: GeoPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                let crossing =
                    (b.longitude - a.longitude) * (point.latitude - a.latitude)
                    / (b.latitude - a.latitude) + a.longitude
                if point.longitude < crossing { inside.toggle() }
            }
            j = i
        }
        return inside
    }
}

/// The shape of an area: one or more polygons (a district may consist of separate parts).
public struct AreaShape: Sendable, Equatable, Codable {
    public var polygons: [GeoPolygon]

    public init(polygons: [GeoPolygon]) {
        self.polygons = polygons
    }

    /// A rough octagon around a centre, for demo and test areas where a real boundary is not needed.
    public static func octagon(around centre: GeoPoint, halfWidthMetres: Double, halfHeightMetres: Double) -> AreaShape {
        let metresPerDegreeLatitude = 111_320.0
        let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(centre.latitude * .pi / 180)
        var ring: [GeoPoint] = (0..<8).map { step in
            let angle = Double(step) * .pi / 4 + .pi / 8
            return GeoPoint(
                latitude: centre.latitude + sin(angle) * halfHeightMetres / metresPerDegreeLatitude,
                longitude: centre.longitude + cos(angle) * halfWidthMetres / metresPerDegreeLongitude
            )
        }
        ring.append(ring[0])
        return AreaShape(polygons: [GeoPolygon(outer: ring)])
    }

    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { $0.contains(point) }
    }

    /// The mean of the outer-ring vertices: good enough to centre a map on the area.
    public var centre: GeoPoint? {
        let points = polygons.flatMap { $0.outer.dropLast() }
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        return GeoPoint(
            latitude: points.map(\.latitude).reduce(0, +) / n,
            longitude: points.map(\.longitude).reduce(0, +) / n
        )
    }

    public var bounds: (min: GeoPoint, max: GeoPoint)? {
        let points = polygons.flatMap(\.outer)
        guard let first = points.first else { return nil }
        var lo = first, hi = first
        for p in points {
            lo.latitude = min(lo.latitude, p.latitude)
            lo.longitude = min(lo.longitude, p.longitude)
            hi.latitude = max(hi.latitude, p.latitude)
            hi.longitude = max(hi.longitude, p.longitude)
        }
        return (lo, hi)
    }

    /// GeoJSON `MultiPolygon` coordinates ([[[lon, lat]]]), the form the database stores.
    public var geoJSONCoordinates: [[[[Double]]]] {
        polygons.map { polygon in
            ([polygon.outer] + polygon.holes).map { ring in ring.map { [$0.longitude, $0.latitude] } }
        }
    }
}
