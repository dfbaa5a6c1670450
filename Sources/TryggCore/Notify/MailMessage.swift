import Foundation

/// One e-mail Trygg sends: to one address, a Swedish subject and a plain-text body that ends
/// with a link into Trygg.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

public enum MailAddress {
    /// An address we are willing to put into an SMTP envelope and a header: the plain shape
    /// check residents' addresses get, no control characters (a CR or LF would let the text
    /// write headers of its own) and the 254 characters RFC 5321 allows.
    public static func isUsable(_ address: String) -> Bool {
        address.utf8.count <= 254 && !address.unicodeScalars.contains { $0.properties.generalCategory == .control }
            && CitizenRules.isEmailAddress(address)
    }
}

/// The message as RFC 5322 text: UTF-8 headers as RFC 2047 encoded words, the body in base64 so
/// that no relay has to know 8BITMIME and no line of the text can look like the end of DATA.
public enum MailFormat {
    public static func render(
        _ message: MailMessage, from address: String, fromName: String, date: Date, messageID: String
    ) -> String {
        var lines = [
            "Date: \(rfc5322Date(date))",
            "From: \(encodedWords(fromName)) <\(address)>",
            "To: <\(message.to)>",
            "Subject: \(encodedWords(message.subject))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            // Out-of-office replies and autoresponders leave automatic messages alone (RFC 3834).
            "Auto-Submitted: auto-generated",
            "",
        ]
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Plain printable ASCII stays as it is; anything else becomes `=?UTF-8?B?…?=` words of at
    /// most 39 bytes each (64 characters encoded, so even the Subject line stays under 78), never splitting a character, folded onto
    /// continuation lines.
    static func encodedWords(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !flat.contains("=?") {
            return flat
        }
        var words: [String] = []
        var chunk = Data()
        for character in flat {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// "Wed, 02 Dec 2026 16:40:00 +0000": English names, as RFC 5322 requires.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
