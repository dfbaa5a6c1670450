/// What a password must be. Length matters more than composition rules (NIST SP 800-63B), so
/// the rule is a minimum length and a cap that keeps bcrypt's 72-byte limit honest, and, as the
/// same guideline asks, no password that is guessed first: one built on the word for password, a
/// season or a month with a year ("Sommar2024!", the classic guess in Swedish organisations), a
/// keyboard row, a run of digits, or the person's own name, address or kommun.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumBytes = 72

    /// A Swedish sentence that says what is wrong, or nil when the password is acceptable.
    /// `personal`: the words of the account's name, e-mail address and kommun (`personalWords`).
    public static func problem(with password: String, personal: [String] = []) -> String? {
        if password.count < minimumLength {
            return "Lösenordet måste ha minst \(minimumLength) tecken."
        }
        if password.utf8.count > maximumBytes {
            return "Lösenordet får vara högst \(maximumBytes) byte långt."
        }
        if password.allSatisfy({ $0 == password.first }) {
            return "Lösenordet får inte bestå av ett enda upprepat tecken."
        }
        let letters = folded(password)
        if containsPersonal(password, letters: letters, personal: personal.map(folded)) {
            return "Lösenordet får inte innehålla ditt namn, din e-postadress eller kommunens namn."
        }
        if isGuessable(password, letters: letters) {
            return "Lösenordet är för lätt att gissa: det bygger på ett vanligt ord, en årstid eller månad, ett "
                + "tangentbordsmönster eller en sifferföljd. Välj några ord som bara du vet hör ihop."
        }
        return nil
    }

    /// The words of a name, an e-mail address (its local part and domain, not the top level) and
    /// a kommun's name and slug, as the password check compares them.
    public static func personalWords(email: String, name: String = "", kommun: [String] = []) -> [String] {
        let address = email.lowercased().split(separator: "@")
        let local = address.first.map(String.init) ?? ""
        let domain = address.count > 1 ? address[1].split(separator: ".").dropLast().map(String.init) : []
        let words = ([local] + domain + [name] + kommun).flatMap { $0.split(whereSeparator: { !$0.isLetter }).map(String.init) }
        return words.filter { $0.lowercased() != "kommun" }
    }

    /// The words of an account, for a new password of its own.
    public static func personalWords(of user: UserAccount) -> [String] {
        personalWords(email: user.email, name: user.name, in: user.kommun)
    }

    /// The words of an account about to be made in `kommun`.
    public static func personalWords(email: String, name: String, in kommun: Kommun) -> [String] {
        personalWords(email: email, name: name, kommun: [kommun.name, kommun.slug])
    }

    /// A word of the password is one of the person's (Anna2024!), or a longer one of theirs is
    /// in it anywhere (AnnaAndersson); a short name inside another word ("annat") is not hers.
    static func containsPersonal(_ password: String, letters: String, personal: [String]) -> Bool {
        let words = Set(password.split(whereSeparator: { !$0.isLetter }).map { folded(String($0)) })
        return personal.contains { word in
            (word.count >= 3 && words.contains(word)) || (word.count >= 5 && letters.contains(word))
        }
    }

    /// Words guessed first, folded (lower case, å ä → a, ö → o), letters only.
    static let guessable: Set<String> = [
        "losenord", "losen", "password", "passw", "passord", "welcome", "valkommen", "hej", "admin", "administrator",
        "sommar", "vinter", "var", "host", "varen", "hosten", "sommaren", "vintern", "summer", "winter", "spring", "autumn",
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
        "qwerty", "qwertyuiop", "qwertyuiopa", "asdfgh", "asdfghjkl", "asdfghjklo", "zxcvbn", "zxcvbnm", "abc", "abcdef",
        "abcdefghij", "sverige", "sweden", "trygg", "test", "changeme", "iloveyou", "monkey", "dragon",
    ]

    /// All its letters one guessable word (or that word repeated), or no letters and the digits a
    /// run or a repeated group ("1234567890", "2024202420").
    static func isGuessable(_ password: String, letters: String) -> Bool {
        if !letters.isEmpty {
            return guessable.contains { word in !word.isEmpty && letters == String(repeating: word, count: letters.count / word.count) }
        }
        let digits = password.filter(\.isNumber)
        guard digits.count >= 4 else { return false }
        let runs = "01234567890123456789", falling = "98765432109876543210"
        if runs.contains(digits) || falling.contains(digits) { return true }
        return (1...4).contains { unit in
            String(repeating: String(digits.prefix(unit)), count: digits.count / unit + 1).hasPrefix(digits)
        }
    }

    /// Lower case, Swedish letters to their base letter, only letters kept.
    static func folded(_ text: String) -> String {
        String(
            text.lowercased().compactMap { character -> Character? in
                switch character {
                case "å", "ä", "á", "à": return "a"
                case "ö", "ø", "ó": return "o"
                case "é", "è", "ë": return "e"
                case "ü": return "u"
                default: return character.isLetter && character.isASCII ? character : nil
                }
            })
    }
}

/// Temporary lockout after repeated failed logins, counted per account so that it holds across
/// several app processes (the count lives in the database).
public struct LoginLockoutRule: Sendable {
    public var maxFailures: Int
    public var lockoutSeconds: Double

    public init(maxFailures: Int = 5, lockoutSeconds: Double = 15 * 60) {
        self.maxFailures = maxFailures
        self.lockoutSeconds = lockoutSeconds
    }

    /// After a failure: the new failure count and, when the limit is reached, until when the
    /// account is locked. The count restarts after a lockout so the next burst is limited again.
    public func afterFailure(previousFailures: Int, now: Double) -> (failures: Int, lockedUntil: Double?) {
        let failures = previousFailures + 1
        if failures >= maxFailures { return (0, now + lockoutSeconds) }
        return (failures, nil)
    }
}
