import Foundation

/// A QR code (ISO/IEC 18004) for a short text such as a survey's address with its code: byte
/// mode, error correction level M (15 % of the symbol may be damaged), versions 1–10 (up to 213
/// bytes), the mask with the lowest penalty. Written here because the package mirror has no QR
/// encoder; the document checks read what it draws with zxing-cpp, a real reader.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let size: Int
    /// `modules[row][column]`, true where dark.
    public let modules: [[Bool]]

    /// Level M per version (index 0 unused): error-correction codewords per block and blocks.
    static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// nil when the text is longer than version 10 holds.
    public init?(_ text: String) {
        let bytes = [UInt8](text.utf8)
        guard let version = (1...10).first(where: { Self.dataCodewords($0) * 8 >= 4 + ($0 < 10 ? 8 : 16) + bytes.count * 8 }) else { return nil }
        var symbol = Symbol(version: version)
        symbol.drawFunctionPatterns()
        symbol.drawCodewords(Self.interleaved(Self.dataBits(bytes, version: version), version: version))
        var best: Symbol?
        var lowest = Int.max
        for mask in 0..<8 {
            var candidate = symbol
            candidate.apply(mask: mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = candidate.penalty()
            if penalty < lowest {
                lowest = penalty
                best = candidate
            }
        }
        self.version = version
        size = symbol.size
        modules = best!.modules
    }

    /// The symbol as SVG with the four-module quiet zone, one path, scalable for print.
    public func svg(label: String) -> String {
        var path = ""
        for (y, row) in modules.enumerated() { for (x, dark) in row.enumerated() where dark { path += "M\(x + 4),\(y + 4)h1v1h-1z" } }
        let side = size + 8
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" class=\"qr\" role=\"img\" aria-label=\"\(XMLText.escaped(label))\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int { rawDataModules(version) / 8 - eccPerBlock[version] * blocks[version] }

    /// Mode, count, the bytes, terminator and padding, as codewords.
    static func dataBits(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits into blocks, adds each block's Reed–Solomon codewords and interleaves them.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version], ecc = eccPerBlock[version]
        let raw = rawDataModules(version) / 8
        let short = count - raw % count, shortLength = raw / count
        let divisor = reedSolomonDivisor(ecc)
        var split: [[UInt8]] = []
        var start = 0
        for i in 0..<count {
            let length = shortLength - ecc + (i < short ? 0 : 1)
            let part = Array(data[start..<start + length])
            start += length
            split.append((i < short ? part + [0] : part) + reedSolomonRemainder(part, divisor))
        }
        var result: [UInt8] = []
        for i in 0..<split[0].count {
            for (j, block) in split.enumerated() where i != shortLength - ecc || j >= short { result.append(block[i]) }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(i)) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    static func reedSolomonDivisor(_ degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree - 1) + [1]
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func reedSolomonRemainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
