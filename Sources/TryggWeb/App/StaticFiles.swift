import Foundation
import Hummingbird

/// The stylesheet and other assets, read once from the package resources and served from memory
/// under one route (`/static/{file}`); a name that is not among them is 404.
enum StaticFiles {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]

    static func register(on routes: RouteRegistry) throws {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("static") else { return }
        var files: [String: (type: String, data: Data)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            files[name] = (type, try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        serve(files, at: SiteRoutes.staticFile, maxAge: 3600, on: routes)
        routes.plain(SiteRoutes.faviconICO) { _, _ in
            var headers = HTTPFields()
            headers[.location] = SiteRoutes.staticFile.path("favicon.svg")
            headers[.cacheControl] = "public, max-age=86400"
            return Response(status: .movedPermanently, headers: headers)
        }
    }

    /// Debian's Leaflet files, read once at start when installed (`MapSettings.leafletFiles`);
    /// without them `/vendor/leaflet/…` is 404 and the pages keep their SVG maps.
    static func registerLeaflet(_ settings: MapSettings, on routes: RouteRegistry) {
        var files: [String: (type: String, data: Data)] = [:]
        for (name, type) in MapSettings.leafletFiles {
            if let data = FileManager.default.contents(atPath: settings.leafletDirectory + "/" + name) { files[name] = (type, data) }
        }
        serve(files, at: SiteRoutes.leafletFile, maxAge: 86_400, on: routes)
    }

    /// Files held in memory under one route; a name that is not among them is 404.
    private static func serve(_ files: [String: (type: String, data: Data)], at route: Route1<String>, maxAge: Int, on routes: RouteRegistry) {
        routes.plain(route) { _, context in
            guard let name = context.parameters.get("file"), let file = files[name] else { throw HTTPError(.notFound) }
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.cacheControl] = "public, max-age=\(maxAge)"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }
}
