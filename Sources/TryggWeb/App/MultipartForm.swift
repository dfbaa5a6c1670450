import Foundation
import MultipartKit
import NIOCore

/// A file sent with a form (`<input type="file">`).
public struct UploadedFile: Sendable {
    public let filename: String
    public let data: Data
}

/// Reads `multipart/form-data`, the encoding browsers use for forms with a file, with
/// multipart-kit's parser. Text fields go to `FormFields`, files to `UploadedFile`s.
enum MultipartForm {
    static func isMultipart(_ contentType: String) -> Bool { contentType.lowercased().hasPrefix("multipart/form-data") }

    /// The boundary of a multipart content type: 1–70 characters (RFC 2046). multipart-kit stops
    /// the process on an empty one (found by FuzzMultipart), so nothing else reaches its parser.
    static func boundary(fromContentType contentType: String) -> String? {
        guard isMultipart(contentType), let boundary = parameter("boundary", in: contentType), (1...70).contains(boundary.utf8.count) else {
            return nil
        }
        return boundary
    }

    /// The fields and files of a body, or nil when it is not well-formed multipart.
    static func parse(_ body: ByteBuffer, boundary: String) -> (fields: [(String, String)], files: [String: UploadedFile])? {
        var parts: [(headers: [(String, String)], body: ByteBuffer)] = []
        var headers: [(String, String)] = []
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { content.writeBuffer(&$0) }
        parser.onPartComplete = {
            parts.append((headers, content))
            headers = []
            content = ByteBuffer()
        }
        do { try parser.execute(body) } catch { return nil }
        guard !parts.isEmpty else { return nil }
        var fields: [(String, String)] = []
        var files: [String: UploadedFile] = [:]
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                let name = parameter("name", in: disposition)
            else { continue }
            if let filename = parameter("filename", in: disposition) {
                if !filename.isEmpty || part.body.readableBytes > 0 {
                    files[name] = UploadedFile(filename: filename, data: Data(buffer: part.body))
                }
            } else {
                fields.append((name, String(buffer: part.body)))
            }
        }
        return (fields, files)
    }

    /// `name` of a header value such as `form-data; name="file"; filename="plan.xlsx"`.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
