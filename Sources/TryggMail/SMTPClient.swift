import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import TryggCore

/// Hands messages to the kommun's relay over one SMTP connection (RFC 5321): EHLO, STARTTLS
/// when offered (required before a password leaves this machine), AUTH PLAIN or LOGIN, then
/// MAIL/RCPT/DATA per message. A refused recipient fails only its own message.
public struct SMTPClient: Sendable {
    public enum Outcome: Sendable {
        case sent
        case failed(SMTPError)
    }

    public let settings: SMTPSettings
    /// The envelope sender and the From address.
    public let senderAddress: String
    public let senderName: String
    /// The whole conversation must finish within this time, or it is cut off and retried later.
    public var timeout: Duration

    public init(settings: SMTPSettings, senderAddress: String, senderName: String = "Trygg", timeout: Duration = .seconds(120)) {
        self.settings = settings
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.timeout = timeout
    }

    /// One outcome per message, in order. Messages the conversation did not reach (the relay
    /// was down, hung up or timed out) fail with that reason and stay in the outbox.
    public func send(_ messages: [MailMessage]) async -> [Outcome] {
        guard !messages.isEmpty else { return [] }
        let progress = Progress()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await converse(messages, progress: progress) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    progress.closeChannel()
                    throw SMTPError.timedOut
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            var reason = (error as? SMTPError) ?? Self.describe(error)
            // A refusal before any message (login, STARTTLS) is the relay's setup, not the
            // messages' fault: they wait for the next attempt.
            if case .rejected(let command, let reply, _) = reason { reason = .rejected(command: command, reply: reply, permanent: false) }
            progress.failRemaining(count: messages.count, with: reason)
        }
        return progress.outcomes
    }

    private func converse(_ messages: [MailMessage], progress: Progress) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.trustRoots = .file(caFile) }
        let tls = try NIOSSLContext(configuration: configuration)
        // NIOSSL refuses an IP address as a server name (SNI); the certificate is then checked without it.
        let serverName = Self.isIPAddress(settings.host) ? nil : settings.host
        let implicitTLS = settings.security == .implicitTLS
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(15))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        progress.attach(channel.channel)
        try await channel.executeThenClose { inbound, outbound in
            var session = Session(reader: SMTPReplyReader(inbound), outbound: outbound)
            try await session.expectReply("anslutningen", 220)
            var capabilities = try await session.hello()
            if settings.security == .startTLS {
                if capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) {
                    try await session.command("STARTTLS", expect: 220)
                    try await channel.channel.pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
                    capabilities = try await session.hello()
                } else if settings.username != nil && !settings.isLoopback {
                    throw SMTPError.refusedWithoutTLS
                }
            }
            if let username = settings.username, let password = settings.password {
                try await session.authenticate(username: username, password: password, capabilities: capabilities)
            }
            for message in messages {
                guard MailAddress.isUsable(message.to) else {
                    progress.record(.failed(.rejected(command: "mottagaren", reply: "”\(message.to)” är ingen giltig adress", permanent: true)))
                    continue
                }
                do {
                    try await session.command("MAIL FROM:<\(senderAddress)>", expect: 250)
                    try await session.command("RCPT TO:<\(message.to)>", expect: 250, 251)
                    try await session.command("DATA", expect: 354)
                    let text = MailFormat.render(
                        message, from: senderAddress, fromName: senderName, date: TryggClock.now,
                        messageID: "\(UUID().uuidString.lowercased())@trygg")
                    try await session.write(Self.dotStuffed(text) + ".\r\n")
                    try await session.expectReply("meddelandet", 250)
                    progress.record(.sent)
                } catch let error as SMTPError {
                    guard case .rejected = error else { throw error }
                    progress.record(.failed(error))
                    try await session.command("RSET", expect: 250)
                }
            }
            try? await session.command("QUIT", expect: 221)
        }
    }

    /// A line that begins with a dot gets a second one (RFC 5321 4.5.2): the relay removes it.
    static func dotStuffed(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
    }

    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }

    static func describe(_ error: any Error) -> SMTPError {
        if error is CancellationError { return .timedOut }
        return .protocolViolation("\(error)")
    }
}

/// The conversation's state: the replies read so far and the outcomes recorded.
private struct Session {
    var reader: SMTPReplyReader
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func hello() async throws -> [String] {
        let name = ProcessInfo.processInfo.hostName.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        try await write("EHLO \(name.isEmpty ? "localhost" : name)\r\n")
        let reply = try await reader.read()
        try expect(reply, "EHLO", [250])
        return Array(reply.lines.dropFirst())
    }

    mutating func authenticate(username: String, password: String, capabilities: [String]) async throws {
        let mechanisms = capabilities.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased().split(separator: " ").dropFirst() ?? []
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            try await command("AUTH PLAIN \(token)", expect: 235, name: "inloggningen")
        } else {
            try await command("AUTH LOGIN", expect: 334, name: "inloggningen")
            try await command(Data(username.utf8).base64EncodedString(), expect: 334, name: "användarnamnet")
            try await command(Data(password.utf8).base64EncodedString(), expect: 235, name: "lösenordet")
        }
    }

    mutating func command(_ line: String, expect codes: Int..., name: String? = nil) async throws {
        try await write(line + "\r\n")
        let reply = try await reader.read()
        try expect(reply, name ?? String(line.prefix(4)), codes)
    }

    mutating func expectReply(_ what: String, _ codes: Int...) async throws {
        let reply = try await reader.read()
        try expect(reply, what, codes)
    }

    func expect(_ reply: SMTPReply, _ what: String, _ codes: [Int]) throws {
        guard codes.contains(reply.code) else {
            throw SMTPError.rejected(command: what, reply: String(reply.text.prefix(300)), permanent: reply.code >= 500)
        }
    }

    func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }
}

/// Outcomes as they happen, shared between the conversation and the timeout that may cut it.
private final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SMTPClient.Outcome] = []
    private var channel: (any Channel)?

    var outcomes: [SMTPClient.Outcome] { lock.withLock { recorded } }

    func record(_ outcome: SMTPClient.Outcome) { lock.withLock { recorded.append(outcome) } }

    func attach(_ channel: any Channel) { lock.withLock { self.channel = channel } }

    func closeChannel() { lock.withLock { channel }?.close(promise: nil) }

    func failRemaining(count: Int, with error: SMTPError) {
        lock.withLock { while recorded.count < count { recorded.append(.failed(error)) } }
    }
}
