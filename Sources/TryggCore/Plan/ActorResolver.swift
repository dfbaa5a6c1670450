/// Finds which of the kommun's organisations an actor named in the plan means. The plan writes
/// actors freely ("KLF (SÄK)", "KLF(SÄK)", "SÄK(KLF)", "KLF (HR/SÄK)", "Samtliga förvaltningar"),
/// and the follow-up needs to know who must answer for which measure.
public struct ActorResolver: Sendable {
    public struct Known: Sendable {
        public let abbreviation: String
        public let name: String
        public let kind: OrganisationKind

        public init(abbreviation: String, name: String, kind: OrganisationKind) {
            self.abbreviation = abbreviation
            self.name = name
            self.kind = kind
        }
    }

    /// Words that mean "every förvaltning": each one answers for the measure in the follow-up.
    static let everyDepartment = [
        "samtliga förvaltningar", "samtliga förvaltningar vid behov", "alla förvaltningar",
        "chefer", "säkerhetsombud",
    ]

    let organisations: [Known]
    private let byKey: [String: String]

    public init(organisations: [Known]) {
        self.organisations = organisations
        var keys: [String: String] = [:]
        for organisation in organisations {
            keys[Self.key(organisation.abbreviation)] = organisation.abbreviation
            keys[Self.key(organisation.name)] = organisation.abbreviation
        }
        byKey = keys
    }

    /// Case, spacing and hyphenation from line breaks do not matter ("Säkerhets-samordnare").
    static func key(_ text: String) -> String {
        let collapsed = text.lowercased().replacingOccurrences(of: "-", with: "")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.replacingOccurrences(of: " (", with: "(")
    }

    /// The abbreviations of the organisations the actor stands for; empty when none is known.
    public func resolve(_ actor: String) -> [String] {
        let actorKey = Self.key(actor)
        if Self.everyDepartment.contains(actorKey.replacingOccurrences(of: "(", with: " (")) || Self.everyDepartment.contains(actorKey) {
            return organisations.filter { $0.kind == .forvaltning }.map(\.abbreviation)
        }
        if let exact = byKey[actorKey] { return [exact] }
        // "X (a, b/c och d)": the units a, b, c, d of X where known ("KLF (SÄK)", "HR"), plus X
        // itself when a unit is not registered separately.
        guard let open = actor.firstIndex(of: "("), actor.hasSuffix(")") else { return [] }
        let outer = String(actor[..<open]).trimmingCharacters(in: .whitespaces)
        let inner = String(actor[actor.index(after: open)..<actor.index(before: actor.endIndex)])
        // "SÄK(KLF)" is written the other way round.
        if let swapped = byKey[Self.key("\(inner) (\(outer))")] { return [swapped] }
        guard let parent = byKey[Self.key(outer)] else { return [] }
        let parts = inner.replacingOccurrences(of: " och ", with: ",").split(whereSeparator: { $0 == "," || $0 == "/" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var result: [String] = []
        var unmatched = false
        for part in parts {
            if let unit = byKey[Self.key("\(outer) (\(part))")] ?? byKey[Self.key(part)] {
                if !result.contains(unit) { result.append(unit) }
            } else {
                unmatched = true
            }
        }
        if unmatched || result.isEmpty { result.insert(parent, at: 0) }
        return result
    }
}
