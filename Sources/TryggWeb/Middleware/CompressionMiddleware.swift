import Foundation
import HTTPTypes
import Hummingbird
import TryggCore
import ZIPFoundation

/// Pages, scripts, styles, JSON and CSV go out gzip-compressed to a browser that accepts it: the
/// EST event list is 307 kB of HTML and 57 kB compressed, which is what a reporter's phone on a
/// poor connection feels. Answers already compressed (Word, Excel, ZIP, PNG, JPEG), small ones and
/// those streamed without a known length go as they are.
///
/// Compressing pages that hold a secret next to text an attacker can put there lets a network
/// observer guess the secret from the answers' lengths (BREACH). Trygg's pages hold the CSRF token
/// masked anew on each page (`RandomToken.masked`), and each compressed answer carries a random
/// number of padding bytes in the gzip header (as Django's "Heal the BREACH" mitigation does),
/// so the lengths do not line up from one request to the next.
struct CompressionMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext

    /// Below this, gzip's own header and trailer eat most of what it saves.
    static let smallestCompressed = 1024
    /// Larger answers are downloads that stream or are read once; held in memory only up to this.
    static let largestCompressed = 8 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard let type = response.headers[.contentType], Self.isCompressible(type) else { return response }
        // Caches between Trygg and the browser must keep the two versions apart.
        let vary = response.headers[.vary]
        if vary?.lowercased().contains("accept-encoding") != true {
            response.headers[.vary] = vary.map { $0 + ", Accept-Encoding" } ?? "Accept-Encoding"
        }
        guard request.method != .head, response.headers[.contentEncoding] == nil,
            HTTPHeaderValues.acceptsGzip(request.headers[.acceptEncoding] ?? ""),
            let length = response.body.contentLength, length >= Self.smallestCompressed, length <= Self.largestCompressed
        else { return response }
        let collector = BodyCollector(capacity: length)
        try await response.body.write(collector)
        let compressed = try Gzip.compress(collector.data, padding: Int.random(in: 1...Gzip.maximumPadding))
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = nil
        response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: compressed))
        return response
    }

    static func isCompressible(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.hasPrefix("text/") || compressibleTypes.contains(type)
    }

    static let compressibleTypes: Set<String> = [
        "application/json", "application/geo+json", "application/xml", "application/javascript", "image/svg+xml",
    ]
}

/// Gathers a response body written in pieces.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    private(set) var data: Data

    init(capacity: Int) { data = Data(capacity: capacity) }

    func write(_ buffer: ByteBuffer) async throws { data.append(contentsOf: buffer.readableBytesView) }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}

/// The gzip file format (RFC 1952) around zlib's raw deflate, which ZIPFoundation already brings
/// for the Word and Excel files.
enum Gzip {
    static let maximumPadding = 100

    /// `padding` random letters go into the header's file-name field, which readers skip.
    static func compress(_ data: Data, padding: Int = 0) throws -> Data {
        var output = Data([0x1F, 0x8B, 8, padding > 0 ? 0x08 : 0, 0, 0, 0, 0, 0, 0xFF])
        if padding > 0 {
            output.append(contentsOf: RandomToken.make(length: padding).utf8)
            output.append(0)
        }
        let checksum = try Data.compress(
            size: Int64(data.count), bufferSize: 64 * 1024,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) },
            consumer: { output.append($0) })
        for value in [checksum, UInt32(truncatingIfNeeded: data.count)] {
            output.append(contentsOf: withUnsafeBytes(of: value.littleEndian) { Array($0) })
        }
        return output
    }
}
