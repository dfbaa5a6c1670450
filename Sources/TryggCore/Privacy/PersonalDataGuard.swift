import Foundation

/// EST is about places and situations, not persons. Before free text is saved it is checked for
/// personal identity numbers (personnummer and samordningsnummer, validated with the Luhn check
/// digit so that ordinary numbers do not trigger), phone numbers and e-mail addresses; the user
/// is told what was found and must remove it.
public enum PersonalDataGuard {
    public enum Kind: String, Sendable {
        case identityNumber = "personnummer eller samordningsnummer"
        case phoneNumber = "telefonnummer"
        case email = "e-postadress"
    }

    public struct Finding: Sendable, Equatable {
        public let kind: Kind
        public let text: String
    }

    public static func findings(in text: String) -> [Finding] {
        // Most texts have neither digits nor '@'; skipping the expressions then keeps imports fast.
        guard text.utf8.contains(where: { ($0 >= 48 && $0 <= 57) || $0 == 64 }) else { return [] }
        var found: [Finding] = []
        for match in matches(identityNumber, in: text)
        where isIdentityNumber(match.groups[1], match.groups[2] + match.groups[3]) {
            found.append(Finding(kind: .identityNumber, text: match.whole))
        }
        for match in matches(email, in: text) {
            found.append(Finding(kind: .email, text: match.whole))
        }
        for match in matches(phone, in: text)
        where !found.contains(where: { $0.text.contains(match.whole) || match.whole.contains($0.text) }) {
            found.append(Finding(kind: .phoneNumber, text: match.whole))
        }
        return found
    }

    /// The message a user sees, or nil when the text is clean.
    /// Control characters are refused here too, since every free-text field passes this guard.
    public static func message(for text: String, field: String = "Texten") -> String? {
        if let message = TextInput.message(for: text, field: field) { return message }
        let found = findings(in: text)
        guard !found.isEmpty else { return nil }
        let kinds = Array(Set(found.map(\.kind.rawValue))).sorted().joined(separator: " och ")
        return "\(field) ser ut att innehålla \(kinds) (\(found.map { "”\($0.text)”" }.joined(separator: ", "))). "
            + "Beskriv platsen och situationen utan uppgifter som pekar ut personer, och ta bort dem innan du sparar."
    }

    /// Date part (YYMMDD, day + 60 for samordningsnummer) plausible and the Luhn digit right.
    static func isIdentityNumber(_ century: String, _ dateAndSerial: String) -> Bool {
        let digits = dateAndSerial.compactMap(\.wholeNumberValue)
        guard digits.count == 10 else { return false }
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }
        guard (1...12).contains(month), (1...31).contains(day) else { return false }
        if !century.isEmpty, let value = Int(century), !(18...20).contains(value) { return false }
        return luhnValid(digits)
    }

    static func luhnValid(_ digits: [Int]) -> Bool { Luhn.isValid(digits) }

    private struct Match {
        let whole: String
        let groups: [String]
    }

    // Compiled once; NSRegularExpression is documented as safe to use from several threads.
    private static let identityNumber = try! NSRegularExpression(pattern: #"(?<![\d])(\d{2})?(\d{6})[-+ ]?(\d{4})(?![\d])"#)
    private static let email = try! NSRegularExpression(pattern: #"(?<![\w@.])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#)
    private static let phone = try! NSRegularExpression(
        pattern: #"(?<![\d+])(?:\+46|0046|0)[\s-]?\(?[1-9]\d{0,2}\)?(?:[\s-]?\d){5,8}(?![\d])"#)

    private static func matches(_ regex: NSRegularExpression, in text: String) -> [Match] {
        let nsText = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: nsText.length)).map { result in
            Match(
                whole: nsText.substring(with: result.range),
                groups: (0..<result.numberOfRanges).map { index in
                    let range = result.range(at: index)
                    return range.location == NSNotFound ? "" : nsText.substring(with: range)
                })
        }
    }
}
