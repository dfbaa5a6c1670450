import Foundation
import Hummingbird
import NIOCore
import TryggCore
import TryggStore

/// The admin's download of all the kommun's data (`KommunExportPackage`): the ZIP is written to a
/// temporary file and streamed from it a megabyte at a time, then removed.
struct KommunExportRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.kommunExport) { _, context in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("trygg-export-\(UUID().uuidString).zip")
            do {
                _ = try await KommunExportPackage.write(context.kommun, kommun: context.user.kommun, by: context.actor, to: file)
            } catch {
                try? FileManager.default.removeItem(at: file)
                throw error
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int
            var headers = HTTPFields()
            headers[.contentType] = "application/zip"
            headers[.contentDisposition] = "attachment; filename=\"trygg-\(context.user.kommun.slug).zip\""
            headers[.cacheControl] = "no-store"
            let body = ResponseBody(contentLength: size) { writer in
                defer { try? FileManager.default.removeItem(at: file) }
                let handle = try FileHandle(forReadingFrom: file)
                defer { try? handle.close() }
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
