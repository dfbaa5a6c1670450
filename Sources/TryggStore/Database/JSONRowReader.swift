import Foundation

/// Reads `[[value, …], …]` as SQLite's `json_group_array(json_array(…))` writes it: numbers,
/// strings (with JSON escapes) and null, one inner array at a time (see PlainRows).
struct JSONRowReader {
    enum Value: Equatable {
        case number(Double)
        case text(String)
        case null

        var number: Double? { if case .number(let value) = self { value } else { nil } }
        var text: String? { if case .text(let value) = self { value } else { nil } }
    }

    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "Databasens svar gick inte att läsa (tecken \(offset))." }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var row: [Value] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "[") { position += 1 }
    }

    /// The next inner array, or nil after the last.
    mutating func nextRow() throws -> [Value]? {
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
            position += 1
            skipSpace()
        }
        guard position < bytes.count, bytes[position] != UInt8(ascii: "]") else { return nil }
        try expect("[")
        row.removeAll(keepingCapacity: true)
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return row
        }
        while true {
            skipSpace()
            row.append(try value())
            skipSpace()
            guard position < bytes.count else { throw Malformed(offset: position) }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect("]")
            return row
        }
    }

    private mutating func value() throws -> Value {
        guard position < bytes.count else { throw Malformed(offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "n"):
            guard bytes[position...].starts(with: Array("null".utf8)) else { throw Malformed(offset: position) }
            position += 4
            return .null
        default:
            let start = position
            while position < bytes.count, !Self.ends(bytes[position]) { position += 1 }
            // strtod reads in place; the array always ends in "]", so it cannot run past the number.
            var parsed = 0.0, consumed = 0
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    var end: UnsafeMutablePointer<CChar>?
                    parsed = strtod(base + start, &end)
                    consumed = end.map { UnsafePointer($0) - (base + start) } ?? 0
                }
            }
            guard consumed == position - start, consumed > 0 else { throw Malformed(offset: start) }
            return .number(parsed)
        }
    }

    private mutating func string() throws -> String {
        position += 1
        let start = position
        // Most strings have no escapes and are taken as they stand.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
        guard position < bytes.count else { throw Malformed(offset: start) }
        if bytes[position] == UInt8(ascii: "\"") {
            defer { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        var scalars = String(decoding: bytes[start..<position], as: UTF8.self).unicodeScalars
        var utf8: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll()
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") {
                flush()
                return String(scalars)
            }
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                continue
            }
            guard position < bytes.count else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "n"): utf8.append(10)
            case UInt8(ascii: "t"): utf8.append(9)
            case UInt8(ascii: "r"): utf8.append(13)
            case UInt8(ascii: "b"): utf8.append(8)
            case UInt8(ascii: "f"): utf8.append(12)
            case UInt8(ascii: "u"):
                flush()
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: Array("\\u".utf8)) {
                    position += 2
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: utf8.append(escaped)
            }
        }
        throw Malformed(offset: start)
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw Malformed(offset: position)
        }
        position += 4
        return code
    }

    private mutating func expect(_ character: Unicode.Scalar) throws {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { throw Malformed(offset: position) }
        position += 1
    }

    private mutating func skipSpace() {
        while position < bytes.count, [32, 9, 10, 13].contains(bytes[position]) { position += 1 }
    }

    private static func ends(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == 32 || byte == 10 || byte == 13 || byte == 9
    }
}
