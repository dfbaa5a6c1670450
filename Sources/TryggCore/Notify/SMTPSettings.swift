import Foundation

/// Where and how Trygg hands its e-mail to the kommun's relay, read from
/// `--smtp-url smtp://user:pass@host:port` (STARTTLS) or `smtps://…` (TLS from the first byte).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: Sendable, Equatable {
        /// `smtp://`: STARTTLS whenever the relay offers it; required before a password is sent,
        /// except to a relay on this machine.
        case startTLS
        /// `smtps://`: TLS from the first byte (port 465).
        case implicitTLS
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var security: Security
    /// A PEM file of certificate authorities to trust instead of the system's, for a relay whose
    /// certificate the kommun's own CA issued.
    public var caFile: String?

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, security: Security = .startTLS, caFile: String? = nil) {
        self.caFile = caFile
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.security = security
    }

    /// Parses the URL the operator gives; the error says what is wrong in Swedish.
    public init(url text: String) throws(SMTPSettingsError) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased()
        else { throw SMTPSettingsError("”\(text)” är ingen adress. Skriv till exempel smtp://användare:lösenord@smtp.kommun.se:587.") }
        switch scheme {
        case "smtp": security = .startTLS
        case "smtps": security = .implicitTLS
        default: throw SMTPSettingsError("Adressen måste börja med smtp:// eller smtps://, inte \(scheme)://.")
        }
        guard let host = components.host, !host.isEmpty else { throw SMTPSettingsError("Adressen saknar servernamn: smtp://server:port.") }
        self.host = host
        if let port = components.port {
            guard (1...65_535).contains(port) else { throw SMTPSettingsError("Porten \(port) finns inte.") }
            self.port = port
        } else {
            port = security == .implicitTLS ? 465 : 587
        }
        username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if username != nil && password == nil { throw SMTPSettingsError("Användarnamnet saknar lösenord: smtp://användare:lösenord@server.") }
    }

    /// True for a relay on this machine, where a password cannot be overheard on the way.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// The URL without its password, for logs and status lines.
    public var redacted: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        return "\(scheme)://\(username.map { "\($0):***@" } ?? "")\(host):\(port)"
    }
}

public struct SMTPSettingsError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
