import Foundation

/// Values written as JSON text by hand: for batches that SQLite unpacks itself (`jsonb_each`),
/// one bound text instead of a bound value per column, which cost more than SQLite's own work;
/// and for the intake API's answer, where JSONEncoder was a fifteenth of the server's time.
public enum JSONText {
    /// A JSON string literal (RFC 8259 escaping).
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(34)
        for byte in text.utf8 {
            switch byte {
            case 34: bytes.append(contentsOf: [92, 34])
            case 92: bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, 110])
            case 13: bytes.append(contentsOf: [92, 114])
            case 9: bytes.append(contentsOf: [92, 116])
            case 0..<32:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(34)
    }

    /// A UUID as a JSON string in the upper-case text form SQLiteNIO stores, or null.
    public static func appendUUID(_ id: UUID?, to bytes: inout [UInt8]) {
        guard let id else { return bytes.append(contentsOf: Array("null".utf8)) }
        bytes.append(34)
        id.appendCanonical(to: &bytes)
        bytes.append(34)
    }
}

extension JSONText {
    /// Writes one JSON object member by member, in the order given.
    public struct Object {
        private var bytes: [UInt8] = [123]
        private var empty = true

        public init() {}

        private mutating func key(_ name: String) {
            if !empty { bytes.append(44) }
            empty = false
            JSONText.appendString(name, to: &bytes)
            bytes.append(58)
        }

        public mutating func string(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            JSONText.appendString(value, to: &bytes)
        }

        public mutating func uuid(_ name: String, _ value: UUID) {
            key(name)
            JSONText.appendUUID(value, to: &bytes)
        }

        /// Finite numbers only (latitude, longitude); nil leaves the member out.
        public mutating func number(_ name: String, _ value: Double?) {
            guard let value, value.isFinite else { return }
            key(name)
            bytes.append(contentsOf: "\(value)".utf8)
        }

        public mutating func close() -> [UInt8] {
            bytes.append(125)
            return bytes
        }
    }
}
