import Foundation

extension String {
    /// The string without leading and trailing whitespace and newlines. Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString on Linux and took a fifth of a large
    /// import's time; most fields have nothing to trim, so this checks the ends first.
    public var trimmed: String {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        // Printable ASCII at both ends (the usual case) needs no Unicode lookups.
        if firstByte > 32, firstByte < 128, lastByte > 32, lastByte < 128 { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        let scalars = unicodeScalars.drop { $0.properties.isWhitespace }
        guard let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...end])
    }
}

/// Time-ordered identifiers (UUID version 7: milliseconds since 1970, then random bits). Rows
/// that arrive in bulk get increasing keys, so the primary-key index grows at its end instead of
/// at random places, which keeps large imports fast.
public enum TimeOrderedUUID {
    public static func make(now: Date = Date()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return make(now: now, using: &generator)
    }

    /// With a caller's generator, so a bulk import does not ask the kernel for randomness per row.
    public static func make(now: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let high = generator.next(), low = generator.next()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (8 * $0)) }
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        for index in 0..<6 { bytes[index] = UInt8((millis >> (8 * (5 - UInt64(index)))) & 0xFF) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}

extension UUID {
    /// The canonical upper-case text form, as `uuidString` gives it, written without the C
    /// formatting `uuidString` goes through on Linux (it showed in import profiles).
    public func appendCanonical(to bytes: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        withUnsafeBytes(of: uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(45) }
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}

extension UUID {
    /// Reads the canonical text form (36 characters, either case) without `UUID(uuidString:)`,
    /// which parses with `sscanf` on Linux: for the tens of thousands of ids behind a lägesbild
    /// that was a noticeable share of the page. Anything else falls back to Foundation.
    public init?(canonical text: String) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var filled = 0, high: UInt8? = nil, position = 0
        for character in text.utf8 {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard character == 45 else {
                    self.init(uuidString: text)
                    return
                }
                continue
            }
            let value: UInt8
            switch character {
            case 48...57: value = character - 48
            case 65...70: value = character - 55
            case 97...102: value = character - 87
            default:
                self.init(uuidString: text)
                return
            }
            if let first = high {
                guard filled < 16 else { return nil }
                bytes[filled] = first << 4 | value
                filled += 1
                high = nil
            } else {
                high = value
            }
        }
        guard filled == 16, position == 36 else { return nil }
        self.init(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
