import Foundation
import MultipartKit
import NIOCore

/// A file sent with a form (`<input type="file">`).
public struct UploadedFile: Sendable {
    public let filename: String
    public let data: Data

    /// Why a required upload cannot be read: nothing chosen (`choose` says what to choose), or a
    /// chosen file that is empty — which a browser sends just like no file, so it must be told apart
    /// by its name.
    public static func absence(of file: UploadedFile?, choose: String) -> String {
        guard let name = file?.filename, !name.isEmpty else { return choose }
        return "Filen \(name) är tom. \(choose)"
    }
}

/// Reads `multipart/form-data`, the encoding browsers use for forms with a file, with
/// multipart-kit's parser. Text fields come back as name and value, files as `UploadedFile`s.
///
/// multipart-kit 4.7 stops the whole process on two inputs (both found by FuzzMultipart): an empty
/// boundary (a precondition) and a byte above 127 in a part's header name (it indexes a 128-entry
/// table with it). Both are refused here before its parser sees the body.
public enum MultipartForm {
    public static func isMultipart(_ contentType: String) -> Bool { contentType.lowercased().hasPrefix("multipart/form-data") }

    /// The boundary of a multipart content type, when it is what RFC 2046 allows: 1–70 of its
    /// characters (letters, digits, `'()+_,-./:=?` and space, not last).
    public static func boundary(fromContentType contentType: String) -> String? {
        guard isMultipart(contentType), let boundary = parameter("boundary", in: contentType), isValidBoundary(boundary) else {
            return nil
        }
        return boundary
    }

    private static let boundaryCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ".utf8)

    public static func isValidBoundary(_ boundary: String) -> Bool {
        (1...70).contains(boundary.utf8.count) && boundary.utf8.allSatisfy(boundaryCharacters.contains) && boundary.utf8.last != 32
    }

    /// The fields and files of a body, or nil when it is not well-formed multipart.
    public static func parse(_ body: ByteBuffer, boundary: String) -> (fields: [(String, String)], files: [String: UploadedFile])? {
        guard isValidBoundary(boundary), headerNamesAreASCII(body, boundary: boundary) else { return nil }
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
                    files[name] = UploadedFile(filename: filename, data: Data(part.body.readableBytesView))
                }
            } else {
                fields.append((name, String(buffer: part.body)))
            }
        }
        return (fields, files)
    }

    /// True when no part's header block has a byte above 127 before the colon of a line. The
    /// parser enters a header block only right after `--boundary`, so every such occurrence starts
    /// a block here (lines start in the name) that ends at the next blank line: a superset of the
    /// bytes the parser can take for a header name, in one pass over the body.
    static func headerNamesAreASCII(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = body.readableBytesView
        let delimiter = Array("--\(boundary)".utf8)
        var blockStarts = Set<Int>()
        var from = bytes.startIndex
        while let found = bytes[from...].firstRange(of: delimiter) {
            blockStarts.insert(found.upperBound)
            from = found.lowerBound + 1
        }
        var inBlock = false, inName = false, lineEnds = 0
        for index in bytes.indices {
            if blockStarts.contains(index) { (inBlock, inName, lineEnds) = (true, true, 0) }
            guard inBlock else { continue }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ":"): inName = false
            case UInt8(ascii: "\n"): inName = true
            default: if inName && byte > 127 { return false }
            }
            // "\r\n\r\n" ends the block: count the bytes of it seen in a row.
            let expected: UInt8 = lineEnds % 2 == 0 ? 13 : 10
            lineEnds = byte == expected ? lineEnds + 1 : (byte == 13 ? 1 : 0)
            if lineEnds == 4 { inBlock = false }
        }
        return true
    }

    /// `name` of a header value such as `form-data; name="file"; filename="plan.xlsx"`.
    public static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
