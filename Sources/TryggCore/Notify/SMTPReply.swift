/// One reply of the relay: a three-digit code and its text lines (RFC 5321 4.2).
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public var text: String { "\(code) " + lines.joined(separator: " / ") }
}

/// Cuts the relay's byte stream into replies: lines ending in LF (CRLF tolerated), a reply ends
/// at the line whose fourth character is a space (or that has only the code). A relay that sends
/// endless lines or no line ends is refused: a reply may hold at most 64 KiB.
public struct SMTPReplyParser: Sendable {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let maxReplyBytes = 64 * 1024
    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var size = 0

    public init() {}

    /// Adds bytes; returns the replies they complete, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(Problem) -> [SMTPReply] {
        pending.append(contentsOf: bytes)
        var replies: [SMTPReply] = []
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<end])
            pending.removeSubrange(...end)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if let reply = try take(line) { replies.append(reply) }
        }
        guard pending.count + size <= Self.maxReplyBytes else { throw Problem(description: "svaret är för långt") }
        return replies
    }

    private mutating func take(_ line: [UInt8]) throws(Problem) -> SMTPReply? {
        size += line.count + 2
        guard size <= Self.maxReplyBytes else { throw Problem(description: "svaret är för långt") }
        let shown = String(decoding: line.prefix(80), as: UTF8.self)
        guard line.count >= 3, line[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: line[0..<3], as: UTF8.self)), (200..<600).contains(code)
        else { throw Problem(description: "oväntat svar: \(shown)") }
        lines.append(line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : "")
        if line.count == 3 || line[3] == UInt8(ascii: " ") {
            defer {
                lines = []
                size = 0
            }
            return SMTPReply(code: code, lines: lines)
        }
        guard line[3] == UInt8(ascii: "-") else { throw Problem(description: "oväntat svar: \(shown)") }
        return nil
    }
}
