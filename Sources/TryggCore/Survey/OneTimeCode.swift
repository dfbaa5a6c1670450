import Foundation

/// The codes printed on postal invitations: ten characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), in two groups, typed back in any case and with or without the dash.
public enum OneTimeCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return String(characters[0..<5]) + "-" + String(characters[5...])
    }

    /// Upper case without spaces and dashes, as the hash is taken.
    public static func normalized(_ code: String) -> String {
        String(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A code as it may stand in an invitation's link (`?kod=`): the code's shape, else nothing, so
    /// that whatever else a link carries never reaches the form.
    public static func fromLink(_ text: String?) -> String {
        guard let text, text.count <= 20 else { return "" }
        let plain = normalized(text)
        guard plain.count == 10, plain.allSatisfy({ alphabet.contains($0) }) else { return "" }
        return String(plain.prefix(5)) + "-" + String(plain.suffix(5))
    }
}
