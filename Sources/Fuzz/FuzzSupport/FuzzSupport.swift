import Foundation
import TryggCore

/// What the fuzz targets share: a kommun's categories and areas as the demo has them, so that the
/// rules behind each parser run as they do in the app, not only the parser's first step.
public enum FuzzSupport {
    public static let kommunID = UUID(uuidString: "00000000-0000-0000-0000-000000000580")!

    public static let categories: [IncidentCategory] = IncidentCategory.defaults.enumerated().map { index, category in
        IncidentCategory(
            id: UUID(), kommunID: kommunID, code: category.code, name: category.name, subcategories: category.subcategories,
            isPublic: category.isPublic, position: index)
    }

    /// Two areas drawn as the demo draws them, without the demo target, which would bring the
    /// database layer into every fuzz build.
    public static let areas: [Area] = [("Skäggetorp", 58.4318, 15.5790), ("Berga", 58.3920, 15.6450)].map { name, latitude, longitude in
        let shape = AreaShape.octagon(around: GeoPoint(latitude: latitude, longitude: longitude), halfWidthMetres: 800, halfHeightMetres: 550)
        return Area(id: UUID(), kommunID: kommunID, name: name, shape: shape, desoCodes: [], source: "fuzz")
    }

    public static let bounds = KommunBounds(minLatitude: 58.2, maxLatitude: 58.6, minLongitude: 15.3, maxLongitude: 15.9)

    /// A fixed "now" so that a crash found once is found again.
    public static let now = Date(timeIntervalSince1970: 1_717_000_000)

    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}
