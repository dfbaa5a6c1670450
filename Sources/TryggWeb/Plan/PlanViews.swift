import Foundation
import TryggCore

/// View models for the plan pages. Built from records; templates see only these.
enum PlanViews {
    struct MeasureRow {
        let id: String
        let href: String
        let reference: String
        let text: String
        let responsible: String
        let partners: String
        let funding: String
        let retired: Bool
        /// The status in the plan's latest follow-up round ("Ej besvarad" before an answer); empty without a round.
        var status = ""
    }

    struct Subgroup {
        let label: String
        let title: String
        let hasHeading: Bool
        let measures: [MeasureRow]
    }

    struct Group {
        let number: Int
        let title: String
        let subgroups: [Subgroup]
    }

    struct Section {
        let heading: String
        let groups: [Group]
    }

    struct PlanSummary {
        let title: String
        let year: Int
        let version: Int
        let status: String
        let isDraft: Bool
        let diarienummer: String
        let adoptedBy: String
        let adoptedOn: String
        let paths: PlanPaths
    }

    /// A plan version's addresses, from the route table.
    struct PlanPaths {
        /// The year's page (the filter form sends its own `version`).
        let year: String
        let version: String
        let newMeasure: String
        let adopt: String
        let copy: String

        init(_ plan: ActionPlan) {
            let version = [("version", "\(plan.version)")]
            year = SiteRoutes.planYear.path(plan.year)
            self.version = SiteRoutes.planYear.path(plan.year, query: version)
            newMeasure = SiteRoutes.measureNew.path(plan.year, query: version)
            adopt = SiteRoutes.planAdopt.path(plan.year, query: version)
            copy = SiteRoutes.planCopy.path(plan.year, query: version)
        }
    }

    static func summary(_ plan: ActionPlan) -> PlanSummary {
        PlanSummary(
            title: plan.title, year: plan.year, version: plan.version, status: plan.status.displayName,
            isDraft: plan.status == .utkast, diarienummer: plan.diarienummer, adoptedBy: plan.adoptedBy,
            adoptedOn: plan.adoptedOn, paths: PlanPaths(plan))
    }

    static func row(_ measure: Measure, status: String? = nil) -> MeasureRow {
        MeasureRow(
            id: measure.id.uuidString, href: SiteRoutes.measure.path(measure.id), reference: measure.reference, text: measure.row.measure,
            responsible: measure.row.responsible.joined(separator: ", "), partners: measure.row.partners.joined(separator: ", "),
            funding: measure.row.funding, retired: measure.retired, status: status ?? "")
    }

    /// Section → group → sub-group, in the plan's order; a sub-group label is shown as printed.
    static func sections(_ measures: [Measure], statuses: [UUID: String] = [:]) -> [Section] {
        PlanSection.allCases.compactMap { section in
            let inSection = measures.filter { $0.row.section == section }
            guard !inSection.isEmpty else { return nil }
            let groups = Dictionary(grouping: inSection, by: \.row.groupNumber).keys.sorted().map { number -> Group in
                let inGroup = inSection.filter { $0.row.groupNumber == number }.sorted { $0.row.position < $1.row.position }
                var subgroups: [Subgroup] = []
                for measure in inGroup {
                    let key = (measure.row.subgroupLabel, measure.row.subgroupTitle)
                    if let last = subgroups.last, (last.label, last.title) == key {
                        subgroups[subgroups.count - 1] = Subgroup(
                            label: last.label, title: last.title, hasHeading: last.hasHeading,
                            measures: last.measures + [row(measure, status: statuses[measure.id])])
                    } else {
                        subgroups.append(
                            Subgroup(
                                label: key.0, title: key.1, hasHeading: !key.0.isEmpty || !key.1.isEmpty,
                                measures: [row(measure, status: statuses[measure.id])]))
                    }
                }
                return Group(number: number, title: inGroup.first?.row.groupTitle ?? "", subgroups: subgroups)
            }
            return Section(heading: section.heading, groups: groups)
        }
    }

    static func sectionOptions(selected: PlanSection?) -> [SelectOption] {
        PlanSection.allCases.map { SelectOption(value: $0.rawValue, label: $0.heading, selected: $0 == selected) }
    }

    static func organisationOptions(_ organisations: [Organisation], selected: UUID?) -> [SelectOption] {
        organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == selected) }
    }

    struct ProblemHeading {
        let title: String
        let area: String
        let measures: [LagesbildViews.MeasureLink]
        let hasMeasures: Bool
        let noMeasureReason: String
    }

    /// The problems of the lägesbild in force, each with the plan's measures that answer it
    /// directly or through the measure they were copied from.
    static func problemHeadings(_ lagesbild: LagesbildDocument?, measures: [Measure], lineage: [UUID: UUID]) -> [ProblemHeading] {
        guard let lagesbild else { return [] }
        let trace = ProblemTrace(problems: lagesbild.problems, lineage: lineage)
        let byID = Dictionary(uniqueKeysWithValues: measures.map { ($0.id, $0) })
        return lagesbild.problems.map { problem in
            let answering = trace.measures(measures.map(\.id), answering: problem).compactMap { byID[$0] }.map {
                LagesbildViews.MeasureLink(number: $0.reference, text: SwedishGrammar.excerpt($0.row.measure, limit: 140), href: SiteRoutes.measure.path($0.id))
            }
            return ProblemHeading(
                title: problem.title, area: problem.area, measures: answering, hasMeasures: !answering.isEmpty,
                noMeasureReason: problem.noMeasureReason.isEmpty ? "Ingen åtgärd i planen svarar ännu mot problemet." : problem.noMeasureReason)
        }
    }
}
