/// What a password must be. Length matters more than composition rules (NIST SP 800-63B), so
/// the rule is a minimum length and a cap that keeps bcrypt's 72-byte limit honest.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumBytes = 72

    /// A Swedish sentence that says what is wrong, or nil when the password is acceptable.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength {
            return "Lösenordet måste ha minst \(minimumLength) tecken."
        }
        if password.utf8.count > maximumBytes {
            return "Lösenordet får vara högst \(maximumBytes) byte långt."
        }
        if password.allSatisfy({ $0 == password.first }) {
            return "Lösenordet får inte bestå av ett enda upprepat tecken."
        }
        return nil
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
