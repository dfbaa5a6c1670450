import Foundation
import ZIPFoundation

/// Reads the parts of an uploaded zip file (.xlsx) with every offset and size checked against the
/// file before it is believed. ZIPFoundation's archive reader believes them: a header pointing past
/// the end stopped the process, and a deflate stream cut short made it loop for ever (both found
/// by FuzzXlsx). So only its inflater is used here, fed by a provider that refuses to read past
/// the entry's own bytes and always hands over as many bytes as the inflater is told it gets.
enum ZipStructure {
    struct Problem: Error {}
    struct TooLarge: Error {}

    struct Entry {
        let name: String
        let method: Int
        let data: Range<Int>
        let uncompressedSize: Int
        let crc32: UInt32
    }

    /// The entries of the central directory, each with its data inside the file.
    static func entries(_ bytes: [UInt8]) throws(Problem) -> [Entry] {
        func u16(_ at: Int) throws(Problem) -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw Problem() }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws(Problem) -> Int {
            guard at >= 0, at + 4 <= bytes.count else { throw Problem() }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        // The end record: the last signature within its 22 bytes and at most 65,535 of comment.
        var end: Int?
        var position = bytes.count - 22
        while position >= max(0, bytes.count - 22 - 65_535) {
            if try u32(position) == 0x0605_4B50 {
                end = position
                break
            }
            position -= 1
        }
        guard let end else { throw Problem() }
        let count = try u16(end + 10), directorySize = try u32(end + 12), directoryStart = try u32(end + 16)
        // ZIP64 (sizes of 0xFFFF/0xFFFFFFFF) is for files beyond 4 GB, never a spreadsheet.
        guard count != 0xFFFF, directoryStart + directorySize <= end else { throw Problem() }
        var entries: [Entry] = []
        var record = directoryStart
        for _ in 0..<count {
            guard try u32(record) == 0x0201_4B50 else { throw Problem() }
            let method = try u16(record + 10), crc = try u32(record + 16)
            let compressedSize = try u32(record + 20), uncompressedSize = try u32(record + 24)
            let nameLength = try u16(record + 28), extraLength = try u16(record + 30), commentLength = try u16(record + 32)
            let localHeader = try u32(record + 42)
            guard record + 46 + nameLength <= bytes.count, try u32(localHeader) == 0x0403_4B50 else { throw Problem() }
            let dataStart = localHeader + 30 + (try u16(localHeader + 26)) + (try u16(localHeader + 28))
            guard dataStart + compressedSize <= directoryStart else { throw Problem() }
            let name = String(decoding: bytes[(record + 46)..<(record + 46 + nameLength)], as: UTF8.self)
            entries.append(
                Entry(name: name, method: method, data: dataStart..<(dataStart + compressedSize), uncompressedSize: uncompressedSize, crc32: UInt32(crc)))
            record += 46 + nameLength + extraLength + commentLength
            guard record <= directoryStart + directorySize else { throw Problem() }
        }
        return entries
    }

    /// An entry's bytes, unpacked; `TooLarge` as soon as more than `limit` bytes come out, whatever
    /// the entry declares.
    static func contents(of entry: Entry, in bytes: [UInt8], limit: Int, checksums: Bool = true) throws -> Data {
        guard entry.uncompressedSize <= limit else { throw TooLarge() }
        let stored = Data(bytes[entry.data])
        var result = Data()
        switch entry.method {
        case 0:
            result = stored
        case 8:
            let checksum = try Data.decompress(
                size: Int64(stored.count), bufferSize: 64 * 1024, skipCRC32: !checksums,
                provider: { position, size in
                    // A stream that has not ended within its own bytes is broken, not waiting for more.
                    guard position < Int64(stored.count) else { throw Problem() }
                    let start = Int(position)
                    var chunk = stored.subdata(in: start..<min(start + size, stored.count))
                    // ZIPFoundation tells zlib every chunk is `size` long (avail_in), so a short last
                    // chunk let a broken stream read past its buffer (FuzzXlsx: SEGV in inflate).
                    // Zeros after the entry's bytes are never a valid continuation: zlib stops there.
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { chunk in
                    guard result.count + chunk.count <= limit else { throw TooLarge() }
                    result.append(chunk)
                })
            guard !checksums || checksum == entry.crc32 else { throw Problem() }
        default:
            throw Problem()
        }
        guard result.count <= limit else { throw TooLarge() }
        if checksums, entry.method == 0, result.crc32(checksum: 0) != entry.crc32 { throw Problem() }
        return result
    }
}
