import Foundation

/// The value types that leave the storage layer. Pages, JSON and the CLI see these, never the
/// database models, so a schema change cannot leak into an interface by accident.

public struct Kommun: Sendable, Equatable, Codable {
    public var id: UUID
    public var slug: String
    public var name: String
    public var code: String

    public init(id: UUID, slug: String, name: String, code: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.code = code
    }
}

public struct Organisation: Sendable, Equatable, Codable {
    public var id: UUID
    public var kommunID: UUID
    public var abbreviation: String
    public var name: String
    public var kind: OrganisationKind
    /// False while the name is our reading of an abbreviation the documents do not expand.
    public var nameConfirmed: Bool
    /// The day (YYYY-MM-DD) the organisation was retired (a förvaltning merged or closed), or nil
    /// while it exists.
    public var retiredOn: String?

    public init(
        id: UUID, kommunID: UUID, abbreviation: String, name: String, kind: OrganisationKind, nameConfirmed: Bool, retiredOn: String? = nil
    ) {
        self.id = id
        self.kommunID = kommunID
        self.abbreviation = abbreviation
        self.name = name
        self.kind = kind
        self.nameConfirmed = nameConfirmed
        self.retiredOn = retiredOn
    }

    /// A retired organisation keeps what it did and answered for (its measures in adopted plans,
    /// its reports, decisions and findings still name it) but is offered for nothing new.
    public var isRetired: Bool { retiredOn != nil }

    /// The abbreviation in a table of open work ("KOF (avvecklad)"): a decision or insats left
    /// with a retired organisation shows it, so the forum can give it to someone else.
    public var shortLabel: String { marked(abbreviation) }

    /// A label of the organisation, saying "(avvecklad)" after it once it is retired.
    public func marked(_ label: String) -> String { isRetired ? "\(label) (avvecklad)" : label }

    /// The name in a list to choose from, "SF – Socialförvaltningen" (a name that is or already
    /// ends in its abbreviation stands alone); a retired one (kept on an old record) says so.
    public var choiceLabel: String {
        marked(name == abbreviation || name.hasSuffix("(\(abbreviation))") ? name : "\(abbreviation) – \(name)")
    }
}

extension Array where Element == Organisation {
    /// The organisations that exist, for pickers.
    public var current: [Organisation] { filter { !$0.isRetired } }

    /// The organisations a form offers: those that exist, and the retired ones a saved record
    /// already names, so editing an old record does not silently drop them.
    public func offered(keeping ids: some Sequence<UUID>) -> [Organisation] {
        let kept = Set(ids)
        return filter { !$0.isRetired || kept.contains($0.id) }
    }
}

extension Organisation {
    /// The police (Polismyndigheten, in the seeds' list as "Polisen"), who contribute to the
    /// lägesbild's assessment of kriminell påverkan.
    public var isPolice: Bool { abbreviation.lowercased() == "polisen" || name.hasPrefix("Polismyndigheten") }
}

public struct Area: Sendable, Equatable {
    public var id: UUID
    public var kommunID: UUID
    public var name: String
    public var shape: AreaShape?
    public var desoCodes: [String]
    public var source: String
    /// The day (YYYY-MM-DD) the area was retired, or nil while it is in use.
    public var retiredOn: String?

    public init(id: UUID, kommunID: UUID, name: String, shape: AreaShape?, desoCodes: [String], source: String, retiredOn: String? = nil) {
        self.id = id
        self.kommunID = kommunID
        self.name = name
        self.shape = shape
        self.desoCodes = desoCodes
        self.source = source
        self.retiredOn = retiredOn
    }

    /// A retired area keeps its history (events, insatser, figures are still shown under it) but
    /// new things are not placed in it: no point falls in it and no form offers it.
    public var isRetired: Bool { retiredOn != nil }

    /// The name in a list to choose from: a retired area (kept on an old record, or in a filter
    /// over history) says so.
    public var choiceLabel: String { isRetired ? "\(name) (avvecklat)" : name }

    /// Whether the area was in use during (part of) the year: a year's figures per area leave out
    /// the areas retired before it, whose DeSO codes their successors now carry.
    public func wasInUse(in year: Int) -> Bool {
        guard let retiredOn, let retiredYear = Int(retiredOn.prefix(4)) else { return true }
        return retiredYear >= year
    }
}

extension Array where Element == Area {
    /// The areas in use, for pickers and for placing a new point.
    public var current: [Area] { filter { !$0.isRetired } }

    /// The areas a form offers: those in use, and the retired one a saved record already has, so
    /// editing an old record does not silently move it.
    public func offered(keeping id: UUID?) -> [Area] {
        filter { !$0.isRetired || $0.id == id }
    }
}

public struct UserAccount: Sendable, Equatable {
    public var id: UUID
    public var kommun: Kommun
    public var organisation: Organisation
    public var email: String
    public var name: String
    public var role: Role
    public var secondFactorEnabled: Bool
    public var disabled: Bool

    public init(
        id: UUID, kommun: Kommun, organisation: Organisation, email: String, name: String, role: Role,
        secondFactorEnabled: Bool, disabled: Bool
    ) {
        self.id = id
        self.kommun = kommun
        self.organisation = organisation
        self.email = email
        self.name = name
        self.role = role
        self.secondFactorEnabled = secondFactorEnabled
        self.disabled = disabled
    }
}

/// Who did something, from where: what every audit entry needs.
public struct Actor: Sendable, Equatable {
    public var userID: UUID?
    public var kommunID: UUID?
    public var label: String
    public var address: String

    public init(userID: UUID?, kommunID: UUID?, label: String, address: String) {
        self.userID = userID
        self.kommunID = kommunID
        self.label = label
        self.address = address
    }

    /// Changes made from the command line on the server itself.
    public static func commandLine(kommunID: UUID? = nil) -> Actor {
        Actor(userID: nil, kommunID: kommunID, label: commandLineLabel, address: "lokal")
    }

    /// The command line's name in the audit log and wherever an actor is named.
    public static let commandLineLabel = "kommandoraden"

    /// "av anna@kommun.se", or "från kommandoraden": how a sentence names who did something.
    public static func byline(_ label: String) -> String {
        label == commandLineLabel || label == "kommandorad" ? "från kommandoraden" : "av \(label)"
    }

    public init(user: UserAccount, address: String) {
        self.init(userID: user.id, kommunID: user.kommun.id, label: user.email, address: address)
    }
}

public struct AuditEntry: Sendable, Equatable {
    public var id: UUID
    public var kommunID: UUID?
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: String
    public var detail: String
    public var address: String
    public var at: Date

    public init(
        id: UUID, kommunID: UUID?, actor: String, action: String, objectType: String, objectID: String,
        detail: String, address: String, at: Date
    ) {
        self.id = id
        self.kommunID = kommunID
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
        self.address = address
        self.at = at
    }
}
