import Foundation
import TryggCore

/// Values written as JSON text by hand, for batches that SQLite unpacks itself (`jsonb_each`):
/// one bound text instead of a bound value per column, which cost more than SQLite's own work.
enum JSONText {
    /// A JSON string literal (RFC 8259 escaping).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
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
    static func appendUUID(_ id: UUID?, to bytes: inout [UInt8]) {
        guard let id else { return bytes.append(contentsOf: Array("null".utf8)) }
        bytes.append(34)
        id.appendCanonical(to: &bytes)
        bytes.append(34)
    }
}
