import Foundation
import TryggCore

/// A map as data for the interactive map (`static/interactive-map.js` on Leaflet): the areas'
/// outlines, and for a week the events as points to cluster, the hot places as labelled
/// circles, the priority places and the coming public gatherings. Sent inside the page as a JSON data block, which the CSP
/// lets through because it is never executed.
struct InteractiveMapData: Encodable {
    struct Area: Encodable {
        let name: String
        /// Rings of [latitude, longitude], outer ring first, as Leaflet takes them.
        let rings: [[[Double]]]
    }

    struct Point: Encodable {
        let lat: Double
        let lon: Double
        let title: String
    }

    struct Circle: Encodable {
        let lat: Double
        let lon: Double
        let title: String
        let count: Int
    }

    let tiles: String?
    let attribution: String
    let areas: [Area]
    let events: [Point]
    let hotPlaces: [Circle]
    let priorityPlaces: [Point]
    /// The police's decisions on public gatherings of the week and the two after it, where the
    /// list gave a place.
    var gatherings: [Point] = []
    /// What the points are, in the layer switch and the heat cells' tooltips (default: events).
    var pointsLabel: String?
    var pointUnit: [String]?
    /// A trygghetsvandring's route, drawn as a line in walking order.
    var route: [[Double]] = []

    /// The areas, and points of one kind (the public page's published tips, a survey's unsafe places).
    init(areas: [TryggCore.Area], points: [Point] = [], settings: MapSettings, pointsLabel: String? = nil, pointUnit: [String]? = nil) {
        tiles = settings.tiles
        attribution = settings.attribution
        self.areas = Self.outlines(areas)
        events = points
        hotPlaces = []
        priorityPlaces = []
        self.pointsLabel = pointsLabel
        self.pointUnit = pointUnit
    }

    /// The areas as JSON for a map to click in (the report forms), when Leaflet is installed.
    static func pickJSON(areas: [TryggCore.Area], settings: MapSettings) -> String? {
        guard settings.leafletAvailable, areas.contains(where: { $0.shape != nil }) else { return nil }
        return try? InteractiveMapData(areas: areas, settings: settings).scriptJSON()
    }

    static func outlines(_ areas: [TryggCore.Area]) -> [Area] {
        areas.compactMap { area in
            area.shape.map { shape in
                Area(
                    name: area.name,
                    rings: shape.polygons.flatMap { [$0.outer] + $0.holes }.map { ring in ring.map { [$0.latitude, $0.longitude] } })
            }
        }
    }

    init(_ report: WeekReport, settings: MapSettings) {
        tiles = settings.tiles
        attribution = settings.attribution
        areas = Self.outlines(report.areas)
        events = report.mapPoints.map { Point(lat: $0.point.latitude, lon: $0.point.longitude, title: report.categoryName($0.categoryID)) }
        hotPlaces = report.hotPlaces.map {
            Circle(
                lat: $0.place.centre.latitude, lon: $0.place.centre.longitude,
                title: "\($0.place.name.isEmpty ? "Het plats" : $0.place.name): \($0.place.count) händelser", count: $0.place.count)
        }
        priorityPlaces = report.priorityPlaces.compactMap { place in
            place.point.map { Point(lat: $0.latitude, lon: $0.longitude, title: "Prioriterad plats: \(place.name)") }
        }
        gatherings = report.gatherings.compactMap { gathering in
            gathering.point.map { Point(lat: $0.latitude, lon: $0.longitude, title: gathering.mapTitle) }
        }
    }

    /// JSON that cannot end the `<script>` element it stands in; keys sorted, so the same page is
    /// the same bytes each time.
    func scriptJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }
}
