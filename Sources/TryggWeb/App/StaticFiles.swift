import Foundation
import Hummingbird

/// The stylesheet and other assets, read once from the package resources and served from memory.
enum StaticFiles {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]

    static func register(on router: Router<TryggRequestContext>) throws {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("static") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names {
            guard let type = types[(name as NSString).pathExtension] else { continue }
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            router.get("/static/\(name)") { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = type
                headers[.cacheControl] = "public, max-age=3600"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
    }
}
