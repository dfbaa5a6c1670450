import Foundation

/// A file sent with a form (`<input type="file">`).
public struct UploadedFile: Sendable {
    public let filename: String
    public let data: Data
}

/// Reads `multipart/form-data`, the encoding browsers use for forms with a file. Text fields go
/// to `FormFields`, files to `UploadedFile`s. Small on purpose: one level, no nested parts.
enum MultipartForm {
    static func boundary(fromContentType contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> (fields: [(String, String)], files: [String: UploadedFile])? {
        let delimiter = Array("--\(boundary)".utf8)
        var fields: [(String, String)] = []
        var files: [String: UploadedFile] = [:]
        let positions = occurrences(of: delimiter, in: body)
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Each part starts after the CRLF that ends the delimiter line.
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { continue }
            partStart += 2
            var partEnd = end
            if partEnd >= 2, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }
            let part = Array(body[partStart..<max(partStart, partEnd)])
            guard let headerEnd = occurrences(of: [13, 10, 13, 10], in: part).first else { continue }
            let headers = String(decoding: part[..<headerEnd], as: UTF8.self)
            let content = Array(part[(headerEnd + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition)) else { continue }
            if let filename = parameter("filename", in: String(disposition)) {
                if !filename.isEmpty || !content.isEmpty { files[name] = UploadedFile(filename: filename, data: Data(content)) }
            } else {
                fields.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        return (fields, files)
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Int] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }
}
