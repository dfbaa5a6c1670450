import Foundation
import ZIPFoundation

/// An RGB picture in memory, written as PNG: what Word and LibreOffice show for a map, which
/// neither reads as SVG in every version. Deflate comes from ZIPFoundation (zlib).
struct PNGImage {
    let width: Int
    let height: Int
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, background: (UInt8, UInt8, UInt8) = (255, 255, 255)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in 0..<(width * height) {
            pixels[index * 3] = background.0
            pixels[index * 3 + 1] = background.1
            pixels[index * 3 + 2] = background.2
        }
    }

    mutating func set(_ x: Int, _ y: Int, _ colour: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = (y * width + x) * 3
        pixels[index] = colour.0
        pixels[index + 1] = colour.1
        pixels[index + 2] = colour.2
    }

    /// "#0b4f8a" → (11, 79, 138).
    static func colour(_ hex: String) -> (UInt8, UInt8, UInt8) {
        let value = UInt32(hex.dropFirst(), radix: 16) ?? 0
        return (UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    func png() throws -> Data {
        // Each row starts with its filter type (0: none).
        var raw = Data(capacity: height * (width * 3 + 1))
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[(y * width * 3)..<((y + 1) * width * 3)])
        }
        var deflated = Data()
        _ = try Data.compress(
            size: Int64(raw.count), bufferSize: 64 * 1024,
            provider: { position, size in
                raw.subdata(in: Int(position)..<Int(position) + size)
            }, consumer: { deflated.append($0) })
        // zlib's wrapper around the deflate stream: header, data, Adler-32 of the raw bytes.
        var zlib = Data([0x78, 0x9C])
        zlib.append(deflated)
        zlib.append(contentsOf: Self.bigEndian(Self.adler32(raw)))
        var file = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data(Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height)))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter choice, no interlace
        Self.chunk("IHDR", header, to: &file)
        Self.chunk("IDAT", zlib, to: &file)
        Self.chunk("IEND", Data(), to: &file)
        return file
    }

    static func chunk(_ type: String, _ data: Data, to file: inout Data) {
        let typed = Data(type.utf8) + data
        file.append(contentsOf: bigEndian(UInt32(data.count)))
        file.append(typed)
        file.append(contentsOf: bigEndian(typed.crc32(checksum: 0)))
    }

    static func adler32(_ data: Data) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
