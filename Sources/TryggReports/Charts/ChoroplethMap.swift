import Foundation
import TryggCore

/// Areas coloured by a rate (crimes per 1,000 inhabitants): SVG for pages and print, PNG for
/// Word. Each area carries its number, which the table under the map explains, so the map is
/// read without colour as well. An area without a figure (none, or hidden as a small count) is
/// grey, never the lowest class.
public struct ChoroplethMap: Sendable {
    public struct Region: Sendable {
        public let number: Int
        public let name: String
        public let shape: AreaShape
        public let value: Double?

        public init(number: Int, name: String, shape: AreaShape, value: Double?) {
            self.number = number
            self.name = name
            self.shape = shape
            self.value = value
        }
    }

    public let title: String
    public let regions: [Region]
    /// Upper bounds of the classes, ascending; the last class holds the highest value.
    public let bounds: [Double]

    /// Light to dark blue, each step distinguishable in greyscale print.
    static let ramp = ["#deebf7", "#9ecae1", "#4292c6", "#08519c"]
    static let missing = "#c8ccd0"

    public init(title: String, regions: [Region]) {
        self.title = title
        self.regions = regions.filter { !$0.shape.polygons.isEmpty }
        bounds = Self.classes(regions.compactMap(\.value), count: Self.ramp.count)
    }

    /// Equal steps from the lowest to the highest value, rounded for the legend.
    static func classes(_ values: [Double], count: Int) -> [Double] {
        guard let low = values.min(), let high = values.max(), high > low else { return values.max().map { [$0] } ?? [] }
        let step = (high - low) / Double(count)
        return (1...count).map { low + step * Double($0) }
    }

    public func colour(_ value: Double?) -> String {
        guard let value else { return Self.missing }
        let index = bounds.firstIndex { value <= $0 + 1e-9 } ?? bounds.count - 1
        return Self.ramp[bounds.count == 1 ? Self.ramp.count - 1 : min(index, Self.ramp.count - 1)]
    }

    /// The legend's classes as text, e.g. "12,0–18,5".
    public var legend: [(colour: String, label: String)] {
        var lower = regions.compactMap(\.value).min() ?? 0
        var rows: [(String, String)] = []
        for (index, bound) in bounds.enumerated() {
            rows.append((Self.ramp[bounds.count == 1 ? Self.ramp.count - 1 : index], "\(SwedishNumber.decimal(lower))–\(SwedishNumber.decimal(bound))"))
            lower = bound
        }
        if regions.contains(where: { $0.value == nil }) { rows.append((Self.missing, "Uppgift saknas eller dold")) }
        return rows
    }

    /// Longitude is scaled by the cosine of the latitude, so areas keep their shape at 58° N.
    func projection(width: Double, height: Double, margin: Double) -> ((GeoPoint) -> (x: Double, y: Double))? {
        let points = regions.flatMap { $0.shape.polygons.flatMap(\.outer) }
        guard let south = points.map(\.latitude).min(), let north = points.map(\.latitude).max(),
            let west = points.map(\.longitude).min(), let east = points.map(\.longitude).max()
        else { return nil }
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let spanX = max((east - west) * squeeze, 1e-9), spanY = max(north - south, 1e-9)
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        let offsetX = (width - spanX * scale) / 2, offsetY = (height - spanY * scale) / 2
        return { point in (offsetX + (point.longitude - west) * squeeze * scale, offsetY + (north - point.latitude) * scale) }
    }

    public func svg(width: Double = 640, height: Double = 420) -> String {
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(XMLText.escaped(title))\" class=\"chart map\">"
        guard let project = projection(width: width, height: height, margin: 16) else { return svg + "</svg>" }
        for region in regions {
            let path = region.shape.polygons.flatMap { [$0.outer] + $0.holes }.map { ring in
                "M"
                    + ring.map {
                        let p = project($0)
                        return "\(Int(p.x * 10) / 10),\(Int(p.y * 10) / 10)"
                    }.joined(separator: " L") + " Z"
            }.joined(separator: " ")
            svg +=
                "<path d=\"\(path)\" fill=\"\(colour(region.value))\" fill-rule=\"evenodd\" stroke=\"#33393f\" stroke-width=\"1\">"
                + "<title>\(region.number). \(XMLText.escaped(region.name)): \(region.value.map { SwedishNumber.decimal($0) } ?? "uppgift saknas")</title></path>"
        }
        for region in regions {
            guard let centre = region.shape.centre else { continue }
            let p = project(centre)
            svg +=
                "<text x=\"\(Int(p.x))\" y=\"\(Int(p.y) + 5)\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(region.number)</text>"
        }
        return svg + "</svg>"
    }
}
