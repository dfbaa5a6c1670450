import TryggStore

/// Records keep who did something as an e-mail address, as the audit log does; pages name the
/// person ("Publicerad … av Anna Andersson") when she is a user of the kommun.
struct PeopleNames: Sendable {
    private let byEmail: [String: String]

    /// The kommun's users, read once per page.
    static func load(_ kommun: KommunScope) async throws -> PeopleNames {
        PeopleNames(byEmail: Dictionary(try await UserStore(kommun).accounts().map { ($0.email, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The person behind a record's label, or the label itself (another kommun's user, "kommandoraden").
    func name(_ label: String) -> String { byEmail[label] ?? label }
}
