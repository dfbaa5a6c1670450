import Foundation

/// The åtgärdsplan of one year. Adopted plans are read-only; changes go into a new version.
public struct ActionPlan: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case utkast
        case antagen

        public var displayName: String { self == .utkast ? "Utkast" : "Antagen" }
    }

    public var id: UUID
    public var kommunID: UUID
    public var year: Int
    public var version: Int
    public var status: Status
    public var title: String
    public var diarienummer: String
    public var adoptedBy: String
    public var adoptedOn: String

    public init(
        id: UUID, kommunID: UUID, year: Int, version: Int, status: Status, title: String, diarienummer: String,
        adoptedBy: String, adoptedOn: String
    ) {
        self.id = id
        self.kommunID = kommunID
        self.year = year
        self.version = version
        self.status = status
        self.title = title
        self.diarienummer = diarienummer
        self.adoptedBy = adoptedBy
        self.adoptedOn = adoptedOn
    }
}

/// One åtgärd of a plan.
public struct Measure: Sendable, Equatable {
    public var id: UUID
    public var planID: UUID
    public var row: PlanRow
    /// The organisations that answer for the measure in the follow-up (resolved from `row.responsible`).
    public var responsibleOrganisations: [UUID]
    public var preventionLevel: PreventionLevel?
    public var longTermEffort: LongTermEffort?
    public var retired: Bool

    public init(
        id: UUID, planID: UUID, row: PlanRow, responsibleOrganisations: [UUID], preventionLevel: PreventionLevel?,
        longTermEffort: LongTermEffort?, retired: Bool
    ) {
        self.id = id
        self.planID = planID
        self.row = row
        self.responsibleOrganisations = responsibleOrganisations
        self.preventionLevel = preventionLevel
        self.longTermEffort = longTermEffort
        self.retired = retired
    }

    /// "6.7": group and position, how people refer to a measure in meetings.
    public var reference: String { "\(row.groupNumber).\(row.position)" }
}

/// What a user looks for in the plan.
public struct MeasureFilter: Sendable, Equatable {
    public var section: PlanSection?
    public var responsibleOrganisation: UUID?
    public var partner: String
    public var text: String
    public var includeRetired: Bool

    public init(
        section: PlanSection? = nil, responsibleOrganisation: UUID? = nil, partner: String = "", text: String = "",
        includeRetired: Bool = false
    ) {
        self.section = section
        self.responsibleOrganisation = responsibleOrganisation
        self.partner = partner
        self.text = text
        self.includeRetired = includeRetired
    }

    public func matches(_ measure: Measure) -> Bool {
        if !includeRetired && measure.retired { return false }
        if let section, measure.row.section != section { return false }
        if let organisation = responsibleOrganisation, !measure.responsibleOrganisations.contains(organisation) { return false }
        let partner = partner.trimmingCharacters(in: .whitespaces).lowercased()
        if !partner.isEmpty && !measure.row.partners.contains(where: { $0.lowercased().contains(partner) }) { return false }
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if !text.isEmpty {
            let haystack =
                ([measure.row.measure, measure.row.groupTitle, measure.row.subgroupTitle, measure.row.funding]
                + measure.row.responsible + measure.row.partners).joined(separator: " ").lowercased()
            if !haystack.contains(text) { return false }
        }
        return true
    }
}

/// One change to a measure: who, when, and the measure before and after.
public struct MeasureChange: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var action: String
    public var before: String
    public var after: String

    public init(at: Date, actor: String, action: String, before: String, after: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.before = before
        self.after = after
    }
}
