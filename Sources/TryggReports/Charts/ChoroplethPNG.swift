import Foundation
import TryggCore

/// The choropleth as a picture for Word: polygons filled scanline by scanline (even–odd, so
/// holes stay open), outlines drawn over them, and each area's number in a small built-in digit
/// font, since there is no font renderer on a server.
extension ChoroplethMap {
    public func png(width: Int = 1200, height: Int = 800) throws -> Data {
        var image = PNGImage(width: width, height: height)
        guard let project = projection(width: Double(width), height: Double(height), margin: 24) else { return try image.png() }
        for region in regions {
            let rings = region.shape.polygons.flatMap { [$0.outer] + $0.holes }.map { $0.map(project) }
            Self.fill(rings, colour: PNGImage.colour(colour(region.value)), in: &image)
            for ring in rings {
                for (a, b) in zip(ring, ring.dropFirst()) { Self.line(from: a, to: b, colour: (51, 57, 63), in: &image) }
            }
        }
        for region in regions {
            guard let centre = region.shape.centre else { continue }
            let p = project(centre)
            Self.number(region.number, centreX: Int(p.x), centreY: Int(p.y), in: &image)
        }
        return try image.png()
    }

    static func fill(_ rings: [[(x: Double, y: Double)]], colour: (UInt8, UInt8, UInt8), in image: inout PNGImage) {
        let ys = rings.flatMap { $0.map(\.y) }
        guard let top = ys.min(), let bottom = ys.max() else { return }
        for row in max(0, Int(top))...min(image.height - 1, Int(bottom.rounded(.up))) {
            let y = Double(row) + 0.5
            var crossings: [Double] = []
            for ring in rings {
                for (a, b) in zip(ring, ring.dropFirst()) where (a.y <= y) != (b.y <= y) {
                    crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                }
            }
            crossings.sort()
            var index = 0
            while index + 1 < crossings.count {
                for x in max(0, Int(crossings[index].rounded()))..<min(image.width, Int(crossings[index + 1].rounded())) { image.set(x, row, colour) }
                index += 2
            }
        }
    }

    static func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), colour: (UInt8, UInt8, UInt8), in image: inout PNGImage) {
        let steps = Int(max(abs(b.x - a.x), abs(b.y - a.y)).rounded(.up)) + 1
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            let x = Int((a.x + (b.x - a.x) * t).rounded()), y = Int((a.y + (b.y - a.y) * t).rounded())
            image.set(x, y, colour)
            image.set(x + 1, y, colour)
            image.set(x, y + 1, colour)
        }
    }

    /// Digits 0–9 on a 3×5 grid, one row per string of bits.
    static let digits: [[String]] = [
        ["111", "101", "101", "101", "111"], ["010", "110", "010", "010", "111"], ["111", "001", "111", "100", "111"],
        ["111", "001", "111", "001", "111"], ["101", "101", "111", "001", "001"], ["111", "100", "111", "001", "111"],
        ["111", "100", "111", "101", "111"], ["111", "001", "010", "010", "010"], ["111", "101", "111", "101", "111"],
        ["111", "101", "111", "001", "111"],
    ]

    /// The number in black on a white box, each grid cell `scale` pixels.
    static func number(_ number: Int, centreX: Int, centreY: Int, in image: inout PNGImage, scale: Int = 5) {
        let text = Array(String(number)).compactMap { $0.wholeNumberValue }
        let width = text.count * 4 * scale - scale, height = 5 * scale
        let left = centreX - width / 2, top = centreY - height / 2
        for y in (top - scale)..<(top + height + scale) {
            for x in (left - scale)..<(left + width + scale) { image.set(x, y, (255, 255, 255)) }
        }
        for (position, digit) in text.enumerated() {
            for (row, bits) in digits[digit].enumerated() {
                for (column, bit) in bits.enumerated() where bit == "1" {
                    for dy in 0..<scale {
                        for dx in 0..<scale { image.set(left + (position * 4 + column) * scale + dx, top + row * scale + dy, (17, 17, 17)) }
                    }
                }
            }
        }
    }
}
