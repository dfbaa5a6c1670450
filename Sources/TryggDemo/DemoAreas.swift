import Foundation
import TryggCore

/// Priority districts for the demo. These are our own rough octagons around each district's
/// centre, drawn only so that maps and point-in-area lookups have something to work with; a kommun
/// imports its real boundaries with `trygg import areas`.
public enum DemoAreas {
    public struct Definition: Sendable {
        public let kommunSlug: String
        public let name: String
        public let centre: GeoPoint
        /// Half-widths in metres (east–west, north–south).
        public let radiusMetres: (x: Double, y: Double)
        public let desoCodes: [String]
    }

    public static let all: [Definition] = [
        .init(
            kommunSlug: "linkoping", name: "Skäggetorp", centre: .init(latitude: 58.4318, longitude: 15.5790),
            radiusMetres: (800, 550), desoCodes: ["0580C1610", "0580C1630", "0580C1660", "0580C1670", "0580C1680"]),
        .init(
            kommunSlug: "linkoping", name: "Ryd", centre: .init(latitude: 58.4070, longitude: 15.5620),
            radiusMetres: (900, 600), desoCodes: ["0580C1380", "0580C1400", "0580C1460", "0580C1510", "0580C1620"]),
        .init(
            kommunSlug: "linkoping", name: "Berga", centre: .init(latitude: 58.3925, longitude: 15.6450),
            radiusMetres: (850, 600), desoCodes: ["0580C1160", "0580C1180", "0580C1220", "0580C1250"]),
        .init(
            kommunSlug: "linkoping", name: "City", centre: .init(latitude: 58.4110, longitude: 15.6200),
            radiusMetres: (900, 650), desoCodes: []),
        .init(
            kommunSlug: "norrkoping", name: "Navestad", centre: .init(latitude: 58.5650, longitude: 16.2300),
            radiusMetres: (800, 550), desoCodes: []),
        .init(
            kommunSlug: "norrkoping", name: "Hageby", centre: .init(latitude: 58.5600, longitude: 16.1750),
            radiusMetres: (800, 550), desoCodes: []),
        .init(
            kommunSlug: "norrkoping", name: "City", centre: .init(latitude: 58.5910, longitude: 16.1850),
            radiusMetres: (900, 600), desoCodes: []),
    ]

    /// An octagon around the centre, closed as GeoJSON requires.
    public static func shape(of definition: Definition) -> AreaShape {
        AreaShape.octagon(around: definition.centre, halfWidthMetres: definition.radiusMetres.x, halfHeightMetres: definition.radiusMetres.y)
    }
}
