import Foundation

/// A group that meets and decides: Trygghetsrådet, the beredningsgrupp, the samverkansråd with
/// external actors, the EST group, an områdesgrupp, the LOS network.
public struct Forum: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case styrgrupp
        case beredningsgrupp
        case samverkansrad
        case estGrupp = "est-grupp"
        case omradesgrupp
        case natverk
        case annat

        public var displayName: String {
            switch self {
            case .styrgrupp: "Styrgrupp"
            case .beredningsgrupp: "Beredningsgrupp"
            case .samverkansrad: "Samverkansråd"
            case .estGrupp: "EST-grupp"
            case .omradesgrupp: "Områdesgrupp"
            case .natverk: "Nätverk"
            case .annat: "Annat"
            }
        }
    }

    /// A member: a user (who may be the forum's secretary) or a whole organisation, whose users
    /// then all see the forum (the police or the housing company, whoever attends for them).
    public struct Member: Sendable, Equatable {
        public var userID: UUID?
        public var organisationID: UUID?
        public var secretary: Bool

        public init(userID: UUID? = nil, organisationID: UUID? = nil, secretary: Bool = false) {
            self.userID = userID
            self.organisationID = organisationID
            self.secretary = secretary
        }
    }

    public var id: UUID
    public var name: String
    public var kind: Kind
    /// The district of an områdesgrupp.
    public var areaID: UUID?
    /// The organisation that calls the meetings.
    public var convenerID: UUID?
    /// What the forum decides ("fastställer inriktning, lägesbild och åtgärdsplan").
    public var mandate: String
    public var members: [Member]

    public init(
        id: UUID, name: String, kind: Kind, areaID: UUID? = nil, convenerID: UUID? = nil, mandate: String = "", members: [Member] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.areaID = areaID
        self.convenerID = convenerID
        self.mandate = mandate
        self.members = members
    }

    /// What is wrong with the forum as the samordnare filled it in; empty when it can be saved.
    public func problems() -> [String] {
        var problems: [String] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.append("Ge forumet ett namn.") }
        if name.count > 200 { problems.append("Namnet får vara högst 200 tecken.") }
        if mandate.count > 4000 { problems.append("Beskrivningen av vad forumet beslutar får vara högst 4 000 tecken.") }
        if kind == .omradesgrupp && areaID == nil { problems.append("En områdesgrupp hör till ett område: välj området.") }
        return problems
    }
}

/// Who sees and writes what of a forum. The samordnare (who creates forums and approves minutes)
/// and the analytiker (who reads everything of the kommun) see every forum; everyone else sees
/// the forums they or their organisation sit in, and a secretary writes its meetings.
public struct ForumAccess: Sendable {
    public let userID: UUID
    public let organisationID: UUID
    public let role: Role

    public init(userID: UUID, organisationID: UUID, role: Role) {
        self.userID = userID
        self.organisationID = organisationID
        self.role = role
    }

    /// What the signed-in user may see and write.
    public init(user: UserAccount) {
        self.init(userID: user.id, organisationID: user.organisation.id, role: user.role)
    }

    public var seesEveryForum: Bool { role == .samordnare || role == .analytiker }
    public var administers: Bool { role == .samordnare }

    public func sees(_ forum: Forum) -> Bool {
        seesEveryForum || forum.members.contains { $0.userID == userID || $0.organisationID == organisationID }
    }

    /// Plans meetings, writes agendas, attendance, minutes and decisions.
    public func writes(_ forum: Forum) -> Bool {
        administers || forum.members.contains { $0.userID == userID && $0.secretary }
    }
}
