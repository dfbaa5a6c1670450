/// A secret that goes into every page (the CSRF token) is written masked: a fresh random mask
/// each time, followed by the token shifted by it character by character. The page then never
/// holds the same bytes twice, so a compressed answer's length says nothing about the token even
/// when the page also repeats what an attacker typed (the BREACH attack on HTTPS with gzip).
extension RandomToken {
    public static func masked(_ token: String) -> String {
        let mask = Array(make(length: token.count))
        let shifted = zip(token, mask).map { character, maskCharacter in
            guard let value = index[character], let offset = index[maskCharacter] else { return character }
            return urlSafe[(value + offset) % 64]
        }
        return String(mask) + String(shifted)
    }

    /// The token a masked value stands for; nil when it is not one (odd length or other characters).
    public static func unmasked(_ sent: String) -> String? {
        let characters = Array(sent)
        guard !characters.isEmpty, characters.count % 2 == 0 else { return nil }
        let half = characters.count / 2
        var token = ""
        token.reserveCapacity(half)
        for position in 0..<half {
            guard let offset = index[characters[position]], let value = index[characters[half + position]] else { return nil }
            token.append(urlSafe[(value - offset + 64) % 64])
        }
        return token
    }

    private static let index: [Character: Int] = Dictionary(uniqueKeysWithValues: urlSafe.enumerated().map { ($1, $0) })
}
