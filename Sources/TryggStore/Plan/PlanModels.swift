import FluentKit
import Foundation
import TryggCore

final class PlanModel: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "version") var version: Int
    @Field(key: "status") var status: String
    @Field(key: "title") var title: String
    @Field(key: "diarienummer") var diarienummer: String
    @Field(key: "adopted_by") var adoptedBy: String
    @Field(key: "adopted_on") var adoptedOn: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var record: ActionPlan {
        ActionPlan(
            id: id!, kommunID: kommunID, year: year, version: version, status: ActionPlan.Status(rawValue: status) ?? .utkast,
            title: title, diarienummer: diarienummer, adoptedBy: adoptedBy, adoptedOn: adoptedOn)
    }
}

final class MeasureModel: Model, @unchecked Sendable {
    static let schema = "plan_measures"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_id") var planID: UUID
    /// Repeated from the plan so that every query can be scoped to the kommun directly.
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "section") var section: String
    @Field(key: "group_number") var groupNumber: Int
    @Field(key: "group_title") var groupTitle: String
    @Field(key: "subgroup_label") var subgroupLabel: String
    @Field(key: "subgroup_title") var subgroupTitle: String
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    /// Actors as the plan writes them, separated by ";".
    @Field(key: "responsible") var responsible: String
    @Field(key: "partners") var partners: String
    @Field(key: "funding") var funding: String
    @OptionalField(key: "funding_kronor") var fundingKronor: Int?
    @OptionalField(key: "prevention_level") var preventionLevel: String?
    @OptionalField(key: "long_term_effort") var longTermEffort: String?
    @Field(key: "retired") var retired: Bool
    /// The measure of an earlier plan this one was copied from.
    @OptionalField(key: "copied_from") var copiedFrom: UUID?

    init() {}

    init(planID: UUID, kommunID: UUID, row: PlanRow) {
        self.planID = planID
        self.kommunID = kommunID
        retired = false
        apply(row)
    }

    func apply(_ row: PlanRow) {
        section = row.section.rawValue
        groupNumber = row.groupNumber
        groupTitle = row.groupTitle
        subgroupLabel = row.subgroupLabel
        subgroupTitle = row.subgroupTitle
        position = row.position
        text = row.measure
        responsible = row.responsible.joined(separator: ";")
        partners = row.partners.joined(separator: ";")
        funding = row.funding
        fundingKronor = Funding(text: row.funding).amountKronor
    }

    func row(year: Int) -> PlanRow {
        PlanRow(
            year: year, section: PlanSection(rawValue: section) ?? .malomrade1, groupNumber: groupNumber, groupTitle: groupTitle,
            subgroupLabel: subgroupLabel, subgroupTitle: subgroupTitle, position: position, measure: text,
            responsible: PlanCSV.actors(responsible), partners: PlanCSV.actors(partners), funding: funding)
    }

    func record(year: Int, organisations: [UUID]) -> Measure {
        Measure(
            id: id!, planID: planID, row: row(year: year), responsibleOrganisations: organisations,
            preventionLevel: preventionLevel.flatMap(PreventionLevel.init(rawValue:)),
            longTermEffort: longTermEffort.flatMap(LongTermEffort.init(rawValue:)), retired: retired)
    }

    /// A readable snapshot for the change history.
    var snapshot: String {
        var parts = ["\(groupNumber).\(position) \(text)", "Ansvarig: \(responsible.replacingOccurrences(of: ";", with: ", "))"]
        if !partners.isEmpty { parts.append("Samverkan: \(partners.replacingOccurrences(of: ";", with: ", "))") }
        if !funding.isEmpty { parts.append("Finansiering: \(funding)") }
        if !subgroupLabel.isEmpty || !subgroupTitle.isEmpty { parts.append("Undergrupp: \(subgroupLabel) \(subgroupTitle)") }
        if let preventionLevel { parts.append("Preventionsnivå: \(preventionLevel)") }
        if let longTermEffort { parts.append("Långsiktig insats: \(longTermEffort)") }
        if retired { parts.append("Utgått") }
        return parts.joined(separator: "\n")
    }
}

/// Which organisations answer for a measure (resolved from its responsible actors).
final class MeasureOrganisationModel: Model, @unchecked Sendable {
    static let schema = "plan_measure_organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "measure_id") var measureID: UUID
    @Field(key: "organisation_id") var organisationID: UUID

    init() {}

    init(measureID: UUID, organisationID: UUID) {
        self.measureID = measureID
        self.organisationID = organisationID
    }
}

final class MeasureChangeModel: Model, @unchecked Sendable {
    static let schema = "plan_measure_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "measure_id") var measureID: UUID
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var record: MeasureChange { MeasureChange(at: createdAt, actor: actor, action: action, before: before, after: after) }
}
