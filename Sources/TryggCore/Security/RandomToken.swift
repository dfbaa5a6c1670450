/// Unguessable tokens for sessions, CSRF, API access and TOTP secrets.
public enum RandomToken {
    static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// `length` characters from a 64-character alphabet: 6 bits each, so 43 characters ≈ 256 bits.
    public static func make(length: Int = 43) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in urlSafe[Int(generator.next() % 64)] })
    }
}
