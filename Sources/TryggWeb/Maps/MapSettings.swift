import Foundation

/// Where the interactive maps get their background and their library. Leaflet is Debian's
/// `libjs-leaflet`, served by Trygg from its installed folder (no CDN); the tiles come from a
/// configurable URL template (OpenStreetMap's standard tiles by default, a kommun's own WMTS in
/// the same way), and the Content-Security-Policy allows exactly that host for images.
/// Without Leaflet installed, or without JavaScript, the server-drawn SVG map is what shows.
public struct MapSettings: Sendable {
    /// `{z}/{x}/{y}` template, or nil for maps without a background (tests, closed networks).
    public var tiles: String?
    public var attribution: String
    public var leafletDirectory: String {
        didSet { leafletAvailable = Self.hasLeaflet(in: leafletDirectory) }
    }
    /// Whether Leaflet is installed where Trygg serves it from: looked up once, not on every page.
    public private(set) var leafletAvailable: Bool

    public static let openStreetMap = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

    public init(
        tiles: String? = MapSettings.openStreetMap, attribution: String = "© OpenStreetMap-bidragsgivare",
        leafletDirectory: String = "/usr/share/javascript/leaflet"
    ) {
        self.tiles = tiles
        self.attribution = attribution
        self.leafletDirectory = leafletDirectory
        leafletAvailable = Self.hasLeaflet(in: leafletDirectory)
    }

    /// `--map-tiles none` turns the background off.
    public init(tilesOption: String?, attribution: String?) {
        self.init()
        if let tilesOption { tiles = tilesOption == "none" || tilesOption.isEmpty ? nil : tilesOption }
        if let attribution { self.attribution = attribution }
    }

    static func hasLeaflet(in directory: String) -> Bool { FileManager.default.fileExists(atPath: directory + "/leaflet.js") }

    /// The tiles' origin for the CSP: `https://tile.openstreetmap.org`, or `https://*.tile.example.se`
    /// for a `{s}` subdomain template; nil without tiles or for a template that is not http(s).
    public var tileOrigin: String? {
        guard let tiles, let schemeEnd = tiles.range(of: "://") else { return nil }
        let scheme = tiles[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { return nil }
        let rest = tiles[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:{}".contains($0) }) else { return nil }
        return "\(scheme)://" + host.replacingOccurrences(of: "{s}", with: "*")
    }

    /// The files of the Leaflet packages Trygg serves, and their types; nothing else in the folder is reachable.
    static let leafletFiles: [String: String] = [
        "leaflet.js": "text/javascript; charset=utf-8", "leaflet.css": "text/css; charset=utf-8",
        "leaflet.markercluster.js": "text/javascript; charset=utf-8", "MarkerCluster.css": "text/css; charset=utf-8",
        "MarkerCluster.Default.css": "text/css; charset=utf-8",
    ]
}
