import Foundation

/// Photos from a trygghetsvandring, made safe to keep: only JPEG and PNG, at most `maxBytes`, and
/// every metadata block removed before storing (EXIF with the phone's GPS position and serial
/// number, XMP, comments, PNG text chunks). The image data itself is copied as it is; a file
/// whose structure does not add up is refused rather than guessed at.
public enum PhotoCleaner {
    public enum Kind: String, Sendable {
        case jpeg, png
        public var contentType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public static let maxBytes = 5 * 1024 * 1024

    public static func clean(_ data: Data) throws(Problem) -> (data: Data, kind: Kind) {
        guard data.count <= maxBytes else { throw Problem("Bilden är större än 5 MB. Ta en mindre bild eller minska den först.") }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return (Data(try jpeg(bytes)), .jpeg) }
        if bytes.starts(with: pngSignature) { return (Data(try png(bytes)), .png) }
        throw Problem("Filen är ingen bild i JPEG- eller PNG-format.")
    }

    static let broken = Problem("Bilden är skadad och kan inte sparas.")

    /// JPEG: APP0 (JFIF) and APP14 (Adobe colour transform) stay; APP1–APP13, APP15 and comments go.
    static func jpeg(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        var index = 2
        var inScan = false
        while index < bytes.count {
            if inScan {
                // Entropy-coded data runs until a marker that is not a stuffed zero or a restart.
                let start = index
                while index + 1 < bytes.count && !(bytes[index] == 0xFF && bytes[index + 1] != 0x00 && !(0xD0...0xD7).contains(bytes[index + 1])) {
                    index += 1
                }
                if index + 1 >= bytes.count { throw broken }
                out += bytes[start..<index]
                inScan = false
                continue
            }
            guard bytes[index] == 0xFF, index + 1 < bytes.count else { throw broken }
            let marker = bytes[index + 1]
            if marker == 0xFF {  // fill byte
                index += 1
                continue
            }
            // 0xFF 0x00 is a stuffed byte of scan data and 0x02–0xBF are reserved: outside a scan
            // neither is a marker, and read as one, a cleaned file parsed differently the next time.
            if marker < 0xC0 && marker != 0x01 { throw broken }
            if marker == 0xD9 {
                out += [0xFF, 0xD9]
                return out
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                out += [0xFF, marker]
                index += 2
                continue
            }
            guard index + 3 < bytes.count else { throw broken }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { throw broken }
            let end = index + 2 + length
            let metadata = (0xE1...0xED).contains(marker) || marker == 0xEF || marker == 0xFE
            if !metadata { out += bytes[index..<end] }
            index = end
            if marker == 0xDA { inScan = true }
        }
        throw broken
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Chunks that describe the image and nothing else; text, time and EXIF chunks are dropped.
    static let keptChunks: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"]

    static func png(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var out = pngSignature
        var index = pngSignature.count
        var first = true
        while index + 12 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length <= bytes.count - index - 12 else { throw broken }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            if first && type != "IHDR" { throw broken }
            first = false
            let end = index + 12 + length
            if keptChunks.contains(type) { out += bytes[index..<end] }
            index = end
            if type == "IEND" { return out }
        }
        throw broken
    }
}
