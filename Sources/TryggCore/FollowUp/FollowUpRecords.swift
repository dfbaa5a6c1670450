import Foundation

/// A yearly follow-up round of an åtgärdsplan.
public struct FollowUpRound: Sendable, Equatable {
    public enum State: String, Sendable {
        case open = "oppen"
        case closed = "stangd"

        public var displayName: String { self == .open ? "Öppen" : "Stängd" }
    }

    public var id: UUID
    public var kommunID: UUID
    public var planID: UUID
    public var year: Int
    public var deadline: String
    public var state: State
    /// The säkerhetschef's own assessment of the year, for the report to kommunfullmäktige.
    public var assessment: String

    public init(id: UUID, kommunID: UUID, planID: UUID, year: Int, deadline: String, state: State, assessment: String = "") {
        self.assessment = assessment
        self.id = id
        self.kommunID = kommunID
        self.planID = planID
        self.year = year
        self.deadline = deadline
        self.state = state
    }
}

/// One organisation's answer for one measure.
public struct FollowUpAnswer: Sendable, Equatable {
    public enum State: String, Sendable {
        case submitted = "inskickad"
        case returned = "aterskickad"
    }

    public var measureID: UUID
    public var organisationID: UUID
    public var status: FollowUpStatus
    public var description: String
    public var state: State
    /// The samordnare's note when the answer was sent back for completion.
    public var returnComment: String
    public var answeredBy: String
    public var updatedAt: Date

    public init(
        measureID: UUID, organisationID: UUID, status: FollowUpStatus, description: String, state: State,
        returnComment: String, answeredBy: String, updatedAt: Date
    ) {
        self.measureID = measureID
        self.organisationID = organisationID
        self.status = status
        self.description = description
        self.state = state
        self.returnComment = returnComment
        self.answeredBy = answeredBy
        self.updatedAt = updatedAt
    }
}

public enum FollowUpRules {
    /// Descriptions are a few paragraphs in the report to kommunfullmäktige.
    public static let maxDescriptionLength = 4_000

    /// A measure several organisations share is only as far along as its least advanced answer:
    /// "Pågående" means every responsible organisation says so.
    public static func combinedStatus(_ statuses: [FollowUpStatus]) -> FollowUpStatus? {
        if statuses.contains(.ejPaborjad) { return .ejPaborjad }
        if statuses.contains(.paborjad) { return .paborjad }
        return statuses.isEmpty ? nil : .pagaende
    }
}
