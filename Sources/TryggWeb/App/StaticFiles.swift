import Crypto
import Foundation
import Hummingbird
import TryggCore

/// The stylesheet, scripts and icon, read once from the package resources and served from memory
/// under one route (`/static/{file}`); a name that is not among them is 404.
///
/// Pages link to them with their content's fingerprint (`/static/trygg.css?v=3f2a…`), which a
/// browser may keep for a year: a new release changes the fingerprint, so a page never runs with
/// the scripts of the release before, and a phone does not fetch them again every hour.
enum StaticFiles {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]

    /// A file as it is served: its bytes, gzip-compressed once when that makes it smaller, and
    /// the fingerprint of its content.
    struct File: Sendable {
        let type: String
        let data: Data
        let gzipped: Data?
        let fingerprint: String

        init(type: String, data: Data) {
            self.type = type
            self.data = data
            gzipped = (try? Gzip.compress(data)).flatMap { $0.count < data.count ? $0 : nil }
            fingerprint = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Trygg's own files.
    static let bundled: [String: File] = {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("static"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [:] }
        var files: [String: File] = [:]
        for name in names {
            guard let type = types[(name as NSString).pathExtension],
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            else { continue }
            files[name] = File(type: type, data: data)
        }
        return files
    }()

    /// The address a page links a file of Trygg's by, with its fingerprint.
    static func path(_ name: String) -> String {
        let plain = SiteRoutes.staticFile.path(name)
        return bundled[name].map { plain + "?v=" + $0.fingerprint } ?? plain
    }

    /// A file's text, for the reports that carry their stylesheet inside them.
    static func text(_ name: String) -> String { bundled[name].map { String(decoding: $0.data, as: UTF8.self) } ?? "" }

    static func register(on routes: RouteRegistry) throws {
        serve(bundled, at: SiteRoutes.staticFile, maxAge: 3600, on: routes)
        routes.plain(SiteRoutes.faviconICO) { _, _ in
            var headers = HTTPFields()
            headers[.location] = path("favicon.svg")
            headers[.cacheControl] = "public, max-age=86400"
            return Response(status: .movedPermanently, headers: headers)
        }
    }

    /// Debian's Leaflet files, read once at start when installed (`MapSettings.leafletFiles`);
    /// without them `/vendor/leaflet/…` is 404 and the pages keep their SVG maps.
    static func registerLeaflet(_ settings: MapSettings, on routes: RouteRegistry) {
        var files: [String: File] = [:]
        for (name, type) in MapSettings.leafletFiles {
            // Debian ships a minified copy beside each script, a third of its size (leaflet.js
            // 431 kB, leaflet.min.js 141 kB); the page asks for the plain name either way.
            let minified = name.hasSuffix(".js") ? [String(name.dropLast(3)) + ".min.js"] : []
            let data = (minified + [name]).lazy.compactMap { FileManager.default.contents(atPath: settings.leafletDirectory + "/" + $0) }.first
            if let data { files[name] = File(type: type, data: data) }
        }
        serve(files, at: SiteRoutes.leafletFile, maxAge: 86_400, on: routes)
    }

    /// Files held in memory under one route. Asked for with the fingerprint of what is served, a
    /// file may be kept for a year; otherwise for `maxAge` seconds, after which the browser asks
    /// again with the ETag and gets 304 while it is unchanged. The compression middleware leaves
    /// an answer that already has an encoding alone.
    private static func serve(_ files: [String: File], at route: Route1<String>, maxAge: Int, on routes: RouteRegistry) {
        routes.plain(route) { request, context in
            guard let name = context.parameters.get("file"), let file = files[name] else { throw HTTPError(.notFound) }
            let compressed = file.gzipped.flatMap { HTTPHeaderValues.acceptsGzip(request.headers[.acceptEncoding] ?? "") ? $0 : nil }
            // The two encodings are different bytes, so they get different tags.
            let tags = ["\"\(file.fingerprint)\"", "\"\(file.fingerprint)-gz\""]
            var headers = HTTPFields()
            headers[.contentType] = file.type
            headers[.eTag] = tags[compressed == nil ? 0 : 1]
            headers[.vary] = "Accept-Encoding"
            let current = request.uri.queryParameters.get("v") == file.fingerprint
            headers[.cacheControl] = current ? "public, max-age=31536000, immutable" : "public, max-age=\(maxAge)"
            if HTTPHeaderValues.noneMatch(request.headers[.ifNoneMatch], tags: tags) {
                return Response(status: .notModified, headers: headers)
            }
            if let compressed {
                headers[.contentEncoding] = "gzip"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: compressed)))
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }
}
