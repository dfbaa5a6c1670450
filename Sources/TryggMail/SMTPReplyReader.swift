import NIOCore
import TryggCore

/// Reads replies from the connection's byte stream with `SMTPReplyParser` (which the fuzzer
/// exercises), buffering replies that arrived together.
struct SMTPReplyReader {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var parser = SMTPReplyParser()
    private var ready: [SMTPReply] = []

    init(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) {
        iterator = inbound.makeAsyncIterator()
    }

    mutating func read() async throws -> SMTPReply {
        while ready.isEmpty {
            guard let buffer = try await iterator.next() else { throw SMTPError.connectionClosed }
            do { ready = try parser.feed(buffer.readableBytesView) } catch { throw SMTPError.protocolViolation(error.description) }
        }
        return ready.removeFirst()
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
