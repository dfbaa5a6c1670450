import Foundation
import TryggCore

/// A server-rendered map of area outlines, optionally with event dots and grid cells: works
/// without JavaScript, in print and in reports. The SVG carries its geographic frame as data
/// attributes so that `map-pick.js` can turn a click into coordinates.
enum AreaMapSVG {
    struct Dot {
        let point: GeoPoint
        let title: String
        var kind: String = "event"
        var radius: Double = 4
    }

    struct Cell {
        let corners: [GeoPoint]
        let title: String
        let kind: String
    }

    /// Longitude degrees are shorter than latitude degrees this far north; the frame keeps the map true to scale.
    struct Frame {
        let lo: GeoPoint
        let hi: GeoPoint
        let width: Double
        let height: Double
        let squash: Double
        let scale: Double
        let margin = 16.0

        init?(points: [GeoPoint], width: Double, height: Double) {
            guard var lo = points.first else { return nil }
            var hi = lo
            for p in points {
                lo.latitude = min(lo.latitude, p.latitude)
                lo.longitude = min(lo.longitude, p.longitude)
                hi.latitude = max(hi.latitude, p.latitude)
                hi.longitude = max(hi.longitude, p.longitude)
            }
            self.lo = lo
            self.hi = hi
            self.width = width
            self.height = height
            squash = cos((lo.latitude + hi.latitude) / 2 * .pi / 180)
            let spanX = max((hi.longitude - lo.longitude) * squash, 1e-6), spanY = max(hi.latitude - lo.latitude, 1e-6)
            scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        }

        func x(_ p: GeoPoint) -> Double { ((margin + (p.longitude - lo.longitude) * squash * scale) * 10).rounded() / 10 }
        func y(_ p: GeoPoint) -> Double { ((height - margin - (p.latitude - lo.latitude) * scale) * 10).rounded() / 10 }
        func xy(_ p: GeoPoint) -> String { "\(x(p)),\(y(p))" }
    }

    static func render(
        _ areas: [Area], dots: [Dot] = [], cells: [Cell] = [], width: Double = 640, height: Double = 400,
        label: String, pickable: Bool = false
    ) -> String? {
        let shaped = areas.compactMap { area in area.shape.map { (area, $0) } }
        let outline = shaped.flatMap { $0.1.polygons.flatMap(\.outer) }
        guard let frame = Frame(points: outline.isEmpty ? dots.map(\.point) : outline, width: width, height: height) else { return nil }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(label.htmlEscaped)\" class=\"map\(pickable ? " pickable" : "")\""
        if pickable {
            svg +=
                " data-lat0=\"\(frame.lo.latitude)\" data-lon0=\"\(frame.lo.longitude)\" data-scale=\"\(frame.scale)\" "
                + "data-squash=\"\(frame.squash)\" data-margin=\"\(frame.margin)\" data-height=\"\(height)\""
        }
        svg += ">"
        for (index, (area, shape)) in shaped.enumerated() {
            let path = shape.polygons.flatMap { [$0.outer] + $0.holes }
                .map { ring in "M" + ring.map(frame.xy).joined(separator: "L") + "Z" }.joined()
            svg += "<g class=\"area area-\(index % 6)\"><title>\(area.name.htmlEscaped)</title>"
            svg += "<path d=\"\(path)\" fill-rule=\"evenodd\"/>"
            if let centre = shape.centre {
                svg += "<text x=\"\(frame.x(centre))\" y=\"\(frame.y(centre))\" text-anchor=\"middle\">\(area.name.htmlEscaped)</text>"
            }
            svg += "</g>"
        }
        for cell in cells {
            svg +=
                "<path class=\"cell \(cell.kind)\" d=\"M\(cell.corners.map(frame.xy).joined(separator: "L"))Z\"><title>\(cell.title.htmlEscaped)</title></path>"
        }
        for dot in dots {
            svg +=
                "<circle class=\"dot \(dot.kind)\" cx=\"\(frame.x(dot.point))\" cy=\"\(frame.y(dot.point))\" r=\"\(dot.radius)\">"
                + "<title>\(dot.title.htmlEscaped)</title></circle>"
        }
        return svg + "</svg>"
    }
}
