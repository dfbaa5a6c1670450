import NIOCore

/// One reply of the relay: a three-digit code and its text lines (RFC 5321 4.2).
struct SMTPReply: Sendable {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransient: Bool { (400..<500).contains(code) }
    var text: String { "\(code) " + lines.joined(separator: " / ") }
}

/// Reads replies from the byte stream, a line at a time, until a line whose fourth character is
/// a space ends the reply. A relay that sends endless lines or no line ends is cut off: a reply
/// may hold at most 64 KiB.
struct SMTPReplyReader {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending: [UInt8] = []
    static let maxReplyBytes = 64 * 1024

    init(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) {
        iterator = inbound.makeAsyncIterator()
    }

    mutating func read() async throws -> SMTPReply {
        var lines: [String] = []
        var size = 0
        while true {
            let line = try await readLine()
            size += line.count + 2
            guard size <= Self.maxReplyBytes else { throw SMTPError.protocolViolation("svaret är för långt") }
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200..<600).contains(code) else {
                throw SMTPError.protocolViolation("oväntat svar: \(line.prefix(80))")
            }
            lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return SMTPReply(code: code, lines: lines) }
            guard bytes[3] == UInt8(ascii: "-") else { throw SMTPError.protocolViolation("oväntat svar: \(line.prefix(80))") }
        }
    }

    private mutating func readLine() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<end])
                pending.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard pending.count <= Self.maxReplyBytes else { throw SMTPError.protocolViolation("raden tar aldrig slut") }
            guard let buffer = try await iterator.next() else { throw SMTPError.connectionClosed }
            pending.append(contentsOf: buffer.readableBytesView)
        }
    }
}

/// Why a conversation with the relay failed, in Swedish for the outbox page and the log.
public enum SMTPError: Error, CustomStringConvertible, Sendable {
    case connectionClosed
    case protocolViolation(String)
    case rejected(command: String, reply: String, permanent: Bool)
    case refusedWithoutTLS
    case timedOut

    public var description: String {
        switch self {
        case .connectionClosed: "E-postservern stängde förbindelsen."
        case .protocolViolation(let detail): "E-postservern svarade inte enligt SMTP (\(detail))."
        case .rejected(let command, let reply, _): "E-postservern avvisade \(command): \(reply)"
        case .refusedWithoutTLS:
            "E-postservern erbjuder inte STARTTLS; lösenordet skickas inte okrypterat. Använd smtps:// eller en server med STARTTLS."
        case .timedOut: "E-postservern svarade inte i tid."
        }
    }

    /// True when trying again later cannot help (the relay said no for good).
    public var isPermanent: Bool {
        if case .rejected(_, _, let permanent) = self { return permanent }
        return false
    }
}
