/// The request headers Trygg reads itself to decide how to answer: what encodings a client
/// accepts, and whether the copy it holds is still current. Header values are ASCII, so they are
/// split by byte: a character that joins what follows it into one grapheme cannot hide a comma.
public enum HTTPHeaderValues {
    /// `Accept-Encoding` names gzip (or `*`) with a weight above zero (RFC 9110 §12.5.3).
    public static func acceptsGzip(_ header: String) -> Bool {
        var weights: [String: Double] = [:]
        for item in items(header, separator: ",") {
            let parts = items(item, separator: ";").map { $0.lowercased() }
            guard let coding = parts.first, !coding.isEmpty else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            weights[coding] = weight.isNaN ? 0 : weight
        }
        if let gzip = weights["gzip"] ?? weights["x-gzip"] { return gzip > 0 }
        return (weights["*"] ?? 0) > 0
    }

    /// `If-None-Match` compared weakly (RFC 9110 §13.1.2) with the tags a file is served under:
    /// one of them, or `*`.
    public static func noneMatch(_ header: String?, tags: [String]) -> Bool {
        guard let header else { return false }
        return items(header, separator: ",").contains { item in
            let tag = item.hasPrefix("W/") ? String(item.dropFirst(2)) : item
            return tag == "*" || tags.contains(tag)
        }
    }

    /// The parts between separators, without the spaces and tabs around them.
    static func items(_ text: String, separator: Character) -> [String] {
        let separator = separator.asciiValue ?? 0
        return text.utf8.split(separator: separator, omittingEmptySubsequences: false).map { bytes in
            let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
            return String(decoding: bytes[first...last], as: UTF8.self)
        }
    }
}
