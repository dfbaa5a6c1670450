import Foundation

/// The EST group's notes on one week: the assessment and whether the lägesbild is published to
/// the participating organisations and the rapportörer.
public struct ESTWeek: Sendable, Equatable {
    public var week: ISOWeek
    public var assessment: String
    public var publishedAt: Date?
    public var publishedBy: String
    public var updatedAt: Date?
    public var updatedBy: String

    public init(
        week: ISOWeek, assessment: String = "", publishedAt: Date? = nil, publishedBy: String = "", updatedAt: Date? = nil,
        updatedBy: String = ""
    ) {
        self.week = week
        self.assessment = assessment
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    public var isPublished: Bool { publishedAt != nil }
}

/// A place the EST group singles out for the week.
public struct PriorityPlace: Sendable, Equatable {
    public var id: UUID
    public var week: ISOWeek
    public var name: String
    public var point: GeoPoint?
    public var note: String

    public init(id: UUID, week: ISOWeek, name: String, point: GeoPoint?, note: String) {
        self.id = id
        self.week = week
        self.name = name
        self.point = point
        self.note = note
    }
}

/// A decided measure: situational (lighting, signage, cameras, cleaning, graffiti removal) or
/// coordinated presence (police, guards, field assistants, youth workers, night walkers).
public struct Insats: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case situational = "situationell"
        case presence = "narvaro"

        public var displayName: String { self == .situational ? "Situationell åtgärd" : "Samordnad närvaro" }
    }

    public enum Status: String, Sendable, CaseIterable {
        case decided = "beslutad"
        case ongoing = "pagaende"
        case done = "genomford"
        case cancelled = "installd"

        public var displayName: String {
            switch self {
            case .decided: "Beslutad"
            case .ongoing: "Pågående"
            case .done: "Genomförd"
            case .cancelled: "Inställd"
            }
        }

        public var isOpen: Bool { self == .decided || self == .ongoing }
    }

    public var id: UUID
    public var kommunID: UUID
    public var decidedWeek: ISOWeek
    public var kind: Kind
    /// What is done, or who is present ("Nattvandrare och fältassistenter").
    public var what: String
    public var place: String
    public var point: GeoPoint?
    public var areaID: UUID?
    public var organisationID: UUID
    /// `yyyy-MM-dd`: when it takes effect (the date effect estimates start from).
    public var startsOn: String
    public var dueOn: String
    /// For presence: which days and times ("fre–lör", "20–02").
    public var presenceDays: String
    public var presenceTimes: String
    public var status: Status
    public var createdBy: String
    /// The åtgärdsplan's measure this insats carries out, when the EST group named one.
    public var measureID: UUID?

    public init(
        id: UUID, kommunID: UUID, decidedWeek: ISOWeek, kind: Kind, what: String, place: String, point: GeoPoint?, areaID: UUID?,
        organisationID: UUID, startsOn: String, dueOn: String, presenceDays: String, presenceTimes: String, status: Status,
        createdBy: String, measureID: UUID? = nil
    ) {
        self.measureID = measureID
        self.id = id
        self.kommunID = kommunID
        self.decidedWeek = decidedWeek
        self.kind = kind
        self.what = what
        self.place = place
        self.point = point
        self.areaID = areaID
        self.organisationID = organisationID
        self.startsOn = startsOn
        self.dueOn = dueOn
        self.presenceDays = presenceDays
        self.presenceTimes = presenceTimes
        self.status = status
        self.createdBy = createdBy
    }
}

/// A follow-up note on an insats in a later week.
public struct InsatsFollowUp: Sendable, Equatable {
    public var week: ISOWeek
    public var status: Insats.Status
    public var note: String
    public var actor: String
    public var at: Date

    public init(week: ISOWeek, status: Insats.Status, note: String, actor: String, at: Date) {
        self.week = week
        self.status = status
        self.note = note
        self.actor = actor
        self.at = at
    }
}
