import Foundation
import TryggCore

/// A server-rendered map of area outlines: works without JavaScript, in print and in reports.
enum AreaMapSVG {
    static func render(_ areas: [Area], width: Double = 640, height: Double = 400, label: String) -> String? {
        let shaped = areas.compactMap { area in area.shape.map { (area, $0) } }
        let points = shaped.flatMap { $0.1.polygons.flatMap(\.outer) }
        guard let first = points.first else { return nil }
        var lo = first, hi = first
        for p in points {
            lo.latitude = min(lo.latitude, p.latitude); lo.longitude = min(lo.longitude, p.longitude)
            hi.latitude = max(hi.latitude, p.latitude); hi.longitude = max(hi.longitude, p.longitude)
        }
        // Longitude degrees are shorter than latitude degrees this far north.
        let squash = cos((lo.latitude + hi.latitude) / 2 * .pi / 180)
        let spanX = max((hi.longitude - lo.longitude) * squash, 1e-6)
        let spanY = max(hi.latitude - lo.latitude, 1e-6)
        let margin = 16.0
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        func xy(_ p: GeoPoint) -> String {
            let x = margin + (p.longitude - lo.longitude) * squash * scale
            let y = height - margin - (p.latitude - lo.latitude) * scale
            // One decimal is a tenth of a pixel; String(format:) is slow on Linux, so round by hand.
            return "\((x * 10).rounded() / 10),\((y * 10).rounded() / 10)"
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(label.htmlEscaped)\" class=\"map\">"
        for (index, (area, shape)) in shaped.enumerated() {
            let path = shape.polygons.flatMap { [$0.outer] + $0.holes }
                .map { ring in "M" + ring.map(xy).joined(separator: "L") + "Z" }.joined()
            svg += "<g class=\"area area-\(index % 6)\"><title>\(area.name.htmlEscaped)</title>"
            svg += "<path d=\"\(path)\" fill-rule=\"evenodd\"/>"
            if let centre = shape.centre {
                let at = xy(centre).split(separator: ",")
                svg += "<text x=\"\(at[0])\" y=\"\(at[1])\" text-anchor=\"middle\">\(area.name.htmlEscaped)</text>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
