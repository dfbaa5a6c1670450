import FluentKit
import SQLKit
import Foundation
import TryggCore

/// Metadata of a plan document as adopted (KS 2023-638 etc.).
public struct PlanMetadata: Sendable, Equatable {
    public var title: String
    public var diarienummer: String
    public var adoptedBy: String
    public var adoptedOn: String

    public init(title: String, diarienummer: String = "", adoptedBy: String = "", adoptedOn: String = "") {
        self.title = title
        self.diarienummer = diarienummer
        self.adoptedBy = adoptedBy
        self.adoptedOn = adoptedOn
    }
}

/// The kommun's åtgärdsplaner: import, reading and filters. Changes are in PlanEditing.swift.
public struct PlanStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }
    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    public struct ImportSummary: Sendable, Equatable {
        public let plan: ActionPlan
        public let measureCount: Int
        public let replacedDraft: Bool
    }

    /// Imports one year's plan, all or nothing. Every responsible actor must be a known
    /// organisation of the kommun; a draft of the same year is replaced, an adopted plan is not.
    public func importRows(
        _ rows: [PlanRow], metadata: PlanMetadata? = nil, source: String,
        by actor: Actor
    ) async throws -> ImportSummary {
        guard let year = rows.first?.year else { throw ImportFailure([ImportProblem(line: nil, column: nil, message: "Filen innehåller inga åtgärder.")]) }
        let organisations = try await OrganisationStore(db: db, kommunID: kommunID).organisations()
        let links = try Self.resolveResponsible(rows, organisations: organisations)
        return try await db.transaction { db in
            let existing = try await PlanModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$year == year)
                .sort(\.$version, .descending).first()
            if let existing, existing.status == ActionPlan.Status.antagen.rawValue {
                throw StoreError.invalid("Åtgärdsplanen för \(year) är antagen och kan inte skrivas över. Skapa en ny version av planen och ändra i den.")
            }
            let plan = existing ?? PlanModel()
            if existing == nil {
                plan.kommunID = kommunID
                plan.year = year
                plan.version = 1
                plan.status = ActionPlan.Status.utkast.rawValue
            } else {
                try await MeasureModel.query(on: db).filter(\.$planID == plan.id!).delete()
            }
            plan.title = metadata?.title ?? (existing?.title ?? "Åtgärdsplan \(year)")
            plan.diarienummer = metadata?.diarienummer ?? (existing?.diarienummer ?? "")
            plan.adoptedBy = metadata?.adoptedBy ?? (existing?.adoptedBy ?? "")
            plan.adoptedOn = metadata?.adoptedOn ?? (existing?.adoptedOn ?? "")
            try await plan.save(on: db)
            let planID = try plan.requireID()
            for (row, organisationIDs) in zip(rows, links) {
                let measure = MeasureModel(planID: planID, kommunID: kommunID, row: row)
                try await measure.create(on: db)
                for organisationID in organisationIDs {
                    try await MeasureOrganisationModel(measureID: try measure.requireID(), organisationID: organisationID).create(on: db)
                }
            }
            try await AuditLog.record(
                actor, action: "importerade åtgärdsplan", objectType: "åtgärdsplan", objectID: "\(year)",
                detail: "\(rows.count) åtgärder från \(source)", kommunID: kommunID, on: db)
            return ImportSummary(plan: plan.record, measureCount: rows.count, replacedDraft: existing != nil)
        }
    }

    /// The organisations behind each row's responsible actors, or every unknown actor as a problem.
    static func resolveResponsible(_ rows: [PlanRow], organisations: [Organisation]) throws -> [[UUID]] {
        let resolver = ActorResolver(
            organisations: organisations.map {
                ActorResolver.Known(abbreviation: $0.abbreviation, name: $0.name, kind: $0.kind)
            })
        let idByAbbreviation = Dictionary(uniqueKeysWithValues: organisations.map { ($0.abbreviation, $0.id) })
        var problems: [ImportProblem] = []
        let links = rows.map { row -> [UUID] in
            var ids: [UUID] = []
            for actor in row.responsible {
                let found = resolver.resolve(actor).compactMap { idByAbbreviation[$0] }
                if found.isEmpty {
                    problems.append(
                        ImportProblem(
                            line: row.line == 0 ? nil : row.line, column: "responsible",
                            message:
                                "okänd organisation \"\(actor)\" (åtgärd \(row.groupNumber).\(row.position)). Lägg till den under Organisationer eller rätta namnet."
                        ))
                }
                for id in found where !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        return links
    }

    // MARK: Reading

    public func plans() async throws -> [ActionPlan] {
        try await PlanModel.query(on: db).filter(\.$kommunID == kommunID)
            .sort(\.$year, .descending).sort(\.$version, .descending).all().map(\.record)
    }

    /// The plan in force: the latest adopted version of the latest year (up to `year`, when given).
    public func planInForce(upTo year: Int? = nil) async throws -> ActionPlan? {
        // `plans()` comes newest first, so the first adopted one is the one in force.
        try await plans().first { plan in plan.status == .antagen && plan.year <= (year ?? Int.max) }
    }

    /// The latest version of a year's plan.
    public func plan(year: Int) async throws -> ActionPlan? {
        try await PlanModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$year == year)
            .sort(\.$version, .descending).first()?.record
    }

    public func plan(id: UUID) async throws -> ActionPlan? {
        try await PlanModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()?.record
    }

    /// All measures of a plan. Plain SQL rather than Fluent models: the plan page reads 100+
    /// rows per view, and hydrating models (which reflect over their fields) was most of its time.
    public func measures(planID: UUID, filter: MeasureFilter = MeasureFilter()) async throws -> [Measure] {
        guard let plan = try await plan(id: planID), let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT id, section, group_number, group_title, subgroup_label, subgroup_title, position, text, responsible, partners,
            funding, prevention_level, long_term_effort, retired FROM plan_measures
            WHERE plan_id = \(bind: planID) AND kommun_id = \(bind: kommunID) ORDER BY group_number, position
            """
        ).all()
        let links = try await sql.raw(
            """
            SELECT l.measure_id, l.organisation_id FROM plan_measure_organisations l
            JOIN plan_measures m ON m.id = l.measure_id WHERE m.plan_id = \(bind: planID)
            """
        ).all()
        var byMeasure: [UUID: [UUID]] = [:]
        for link in links {
            byMeasure[try link.decode(column: "measure_id", as: UUID.self), default: []].append(try link.decode(column: "organisation_id", as: UUID.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let planRow = PlanRow(
                year: plan.year, section: PlanSection(rawValue: try row.decode(column: "section", as: String.self)) ?? .malomrade1,
                groupNumber: try row.decode(column: "group_number", as: Int.self), groupTitle: try row.decode(column: "group_title", as: String.self),
                subgroupLabel: try row.decode(column: "subgroup_label", as: String.self),
                subgroupTitle: try row.decode(column: "subgroup_title", as: String.self), position: try row.decode(column: "position", as: Int.self),
                measure: try row.decode(column: "text", as: String.self), responsible: PlanCSV.actors(try row.decode(column: "responsible", as: String.self)),
                partners: PlanCSV.actors(try row.decode(column: "partners", as: String.self)), funding: try row.decode(column: "funding", as: String.self))
            return Measure(
                id: id, planID: planID, row: planRow, responsibleOrganisations: byMeasure[id] ?? [],
                preventionLevel: try row.decode(column: "prevention_level", as: String?.self).flatMap(PreventionLevel.init(rawValue:)),
                longTermEffort: try row.decode(column: "long_term_effort", as: String?.self).flatMap(LongTermEffort.init(rawValue:)),
                retired: try row.decode(column: "retired", as: Bool.self))
        }.filter(filter.matches)
    }

    public func measure(id: UUID) async throws -> (measure: Measure, plan: ActionPlan)? {
        guard let model = try await MeasureModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first(),
            let plan = try await plan(id: model.planID)
        else { return nil }
        let links = try await MeasureOrganisationModel.query(on: db).filter(\.$measureID == id).all().map(\.organisationID)
        return (model.record(year: plan.year, organisations: links), plan)
    }

    /// Measures by id, from whichever of the kommun's plans (what a lägesbild's problems name):
    /// three queries however many there are. An id of another kommun is simply not there.
    public func measures(ids: Set<UUID>) async throws -> [UUID: Measure] {
        guard !ids.isEmpty else { return [:] }
        let models = try await MeasureModel.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$kommunID == kommunID).all()
        let years = Dictionary(
            uniqueKeysWithValues: try await PlanModel.query(on: db).filter(\.$id ~~ Array(Set(models.map(\.planID)))).all().map { ($0.id!, $0.year) })
        let links = Dictionary(
            grouping: try await MeasureOrganisationModel.query(on: db).filter(\.$measureID ~~ models.map { $0.id! }).all(), by: \.measureID)
        var measures: [UUID: Measure] = [:]
        for model in models {
            guard let id = model.id, let year = years[model.planID] else { continue }
            measures[id] = model.record(year: year, organisations: links[id]?.map(\.organisationID) ?? [])
        }
        return measures
    }

    /// Every copied measure of the kommun and the measure it was copied from.
    public func lineage() async throws -> [UUID: UUID] {
        let rows = try await MeasureModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$copiedFrom != nil)
            .field(\.$id).field(\.$copiedFrom).all()
        return Dictionary(rows.compactMap { row in row.copiedFrom.flatMap { from in row.id.map { ($0, from) } } }, uniquingKeysWith: { a, _ in a })
    }

    public func history(measureID: UUID) async throws -> [MeasureChange] {
        try await MeasureChangeModel.query(on: db).filter(\.$measureID == measureID).filter(\.$kommunID == kommunID)
            .sort(\.$createdAt, .descending).all().map(\.record)
    }
}
