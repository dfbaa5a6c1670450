import TryggStore

/// Records keep who did something as an e-mail address, as the audit log does; pages name the
/// person ("Publicerad … av Anna Andersson") when she is a user of the kommun.
enum PeopleNames {
    /// E-mail address → name, for the kommun's users.
    static func byEmail(_ kommun: KommunScope) async throws -> [String: String] {
        Dictionary(try await UserStore(kommun).accounts().map { ($0.email, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
