import FluentKit
import Foundation
import TryggCore

/// Changes to plans and measures. Only drafts change; every change to a measure is kept with
/// who made it and the measure before and after.
extension PlanStore {
    /// The fields a samordnare edits on a measure.
    public struct MeasureEdit: Sendable {
        public var row: PlanRow
        public var preventionLevel: PreventionLevel?
        public var longTermEffort: LongTermEffort?

        public init(row: PlanRow, preventionLevel: PreventionLevel? = nil, longTermEffort: LongTermEffort? = nil) {
            self.row = row
            self.preventionLevel = preventionLevel
            self.longTermEffort = longTermEffort
        }
    }

    @discardableResult
    public func updateMeasure(id: UUID, edit: MeasureEdit, by actor: Actor) async throws -> Measure {
        try await db.transaction { db in
            let (model, plan) = try await Self.editable(measureID: id, kommunID: kommunID, on: db)
            let links = try await Self.links(for: edit.row, kommunID: kommunID, on: db)
            try await Self.ensureFreePosition(planID: plan.id!, group: edit.row.groupNumber, position: edit.row.position, except: id, on: db)
            let before = model.snapshot
            model.apply(edit.row)
            model.preventionLevel = edit.preventionLevel?.rawValue
            model.longTermEffort = edit.longTermEffort?.rawValue
            try await model.save(on: db)
            try await MeasureOrganisationModel.query(on: db).filter(\.$measureID == id).delete()
            for organisationID in links { try await MeasureOrganisationModel(measureID: id, organisationID: organisationID).create(on: db) }
            try await Self.recordChange(model, action: "ändrade", before: before, actor: actor, on: db)
            return model.record(year: plan.year, organisations: links)
        }
    }

    @discardableResult
    public func addMeasure(planID: UUID, edit: MeasureEdit, by actor: Actor) async throws -> Measure {
        try await db.transaction { db in
            guard let plan = try await PlanModel.query(on: db).filter(\.$id == planID).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Planen")
            }
            guard plan.status == ActionPlan.Status.utkast.rawValue else { throw Self.adoptedError(plan) }
            let links = try await Self.links(for: edit.row, kommunID: kommunID, on: db)
            try await Self.ensureFreePosition(planID: planID, group: edit.row.groupNumber, position: edit.row.position, except: nil, on: db)
            let model = MeasureModel(planID: planID, kommunID: kommunID, row: edit.row)
            model.preventionLevel = edit.preventionLevel?.rawValue
            model.longTermEffort = edit.longTermEffort?.rawValue
            try await model.create(on: db)
            for organisationID in links {
                try await MeasureOrganisationModel(measureID: try model.requireID(), organisationID: organisationID).create(on: db)
            }
            try await Self.recordChange(model, action: "lade till", before: "", actor: actor, on: db)
            return model.record(year: plan.year, organisations: links)
        }
    }

    /// Retired measures stay in the plan's history but leave lists and the follow-up.
    public func setRetired(_ retired: Bool, measureID: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            let (model, _) = try await Self.editable(measureID: measureID, kommunID: kommunID, on: db)
            let before = model.snapshot
            model.retired = retired
            try await model.save(on: db)
            try await Self.recordChange(model, action: retired ? "tog bort (utgått)" : "återinförde", before: before, actor: actor, on: db)
        }
    }

    public func adopt(planID: UUID, metadata: PlanMetadata, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let plan = try await PlanModel.query(on: db).filter(\.$id == planID).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Planen")
            }
            guard plan.status == ActionPlan.Status.utkast.rawValue else { throw Self.adoptedError(plan) }
            guard !metadata.adoptedBy.isEmpty, StockholmCalendar.isDate(metadata.adoptedOn) else {
                throw StoreError.invalid("Ange vem som antog planen och när (ÅÅÅÅ-MM-DD).")
            }
            // The same limits the form shows.
            guard metadata.title.count <= 300, metadata.diarienummer.count <= 100, metadata.adoptedBy.count <= 200 else {
                throw StoreError.invalid("Titeln får ha högst 300 tecken, diarienumret 100 och den som antog planen 200.")
            }
            plan.status = ActionPlan.Status.antagen.rawValue
            plan.title = metadata.title.isEmpty ? plan.title : metadata.title
            plan.diarienummer = metadata.diarienummer
            plan.adoptedBy = metadata.adoptedBy
            plan.adoptedOn = metadata.adoptedOn
            try await plan.save(on: db)
            try await AuditLog.record(
                actor, action: "antog åtgärdsplan", objectType: "åtgärdsplan", objectID: "\(plan.year) v\(plan.version)",
                detail: "\(metadata.adoptedBy) \(metadata.adoptedOn) \(metadata.diarienummer)", kommunID: kommunID, on: db)
        }
    }

    /// Copies a plan into a new draft: next year's plan, or a new version of the same year.
    @discardableResult
    public func copy(planID: UUID, toYear year: Int, by actor: Actor) async throws -> ActionPlan {
        try await db.transaction { db in
            guard let source = try await PlanModel.query(on: db).filter(\.$id == planID).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Planen")
            }
            let latest = try await PlanModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$year == year)
                .sort(\.$version, .descending).first()
            if let latest, latest.status == ActionPlan.Status.utkast.rawValue {
                throw StoreError.duplicate("Ett utkast för \(year) (version \(latest.version))")
            }
            let plan = PlanModel()
            plan.kommunID = kommunID
            plan.year = year
            plan.version = (latest?.version ?? 0) + 1
            plan.status = ActionPlan.Status.utkast.rawValue
            plan.title = year == source.year ? source.title : "Åtgärdsplan \(year)"
            plan.diarienummer = ""
            plan.adoptedBy = ""
            plan.adoptedOn = ""
            try await plan.create(on: db)
            let planID = try plan.requireID()
            let measures = try await MeasureModel.query(on: db).filter(\.$planID == source.id!).filter(\.$retired == false).all()
            for measure in measures {
                let copy = MeasureModel(planID: planID, kommunID: kommunID, row: measure.row(year: year))
                copy.preventionLevel = measure.preventionLevel
                copy.longTermEffort = measure.longTermEffort
                copy.copiedFrom = measure.id
                try await copy.create(on: db)
                for link in try await MeasureOrganisationModel.query(on: db).filter(\.$measureID == measure.id!).all() {
                    try await MeasureOrganisationModel(measureID: try copy.requireID(), organisationID: link.organisationID).create(on: db)
                }
            }
            try await AuditLog.record(
                actor, action: "kopierade åtgärdsplan", objectType: "åtgärdsplan", objectID: "\(year) v\(plan.version)",
                detail: "från \(source.year) v\(source.version), \(measures.count) åtgärder", kommunID: kommunID, on: db)
            return plan.record
        }
    }

    // MARK: Helpers

    static func adoptedError(_ plan: PlanModel) -> StoreError {
        .invalid("Åtgärdsplanen \(plan.year) (version \(plan.version)) är antagen och kan inte ändras. Skapa en ny version för att göra ändringar.")
    }

    static func editable(measureID: UUID, kommunID: UUID, on db: any Database) async throws -> (MeasureModel, PlanModel) {
        guard let model = try await MeasureModel.query(on: db).filter(\.$id == measureID).filter(\.$kommunID == kommunID).first(),
            let plan = try await PlanModel.find(model.planID, on: db)
        else { throw StoreError.notFound("Åtgärden") }
        guard plan.status == ActionPlan.Status.utkast.rawValue else { throw adoptedError(plan) }
        return (model, plan)
    }

    static func links(for row: PlanRow, kommunID: UUID, on db: any Database) async throws -> [UUID] {
        let organisations = try await OrganisationStore(db: db, kommunID: kommunID).organisations()
        do { return try resolveResponsible([row], organisations: organisations).first ?? [] } catch let failure as ImportFailure {
            throw StoreError.invalid(failure.problems.map(\.message).joined(separator: " "))
        }
    }

    static func ensureFreePosition(planID: UUID, group: Int, position: Int, except: UUID?, on db: any Database) async throws {
        var query = MeasureModel.query(on: db).filter(\.$planID == planID).filter(\.$groupNumber == group).filter(\.$position == position)
        if let except { query = query.filter(\.$id != except) }
        if try await query.first() != nil { throw StoreError.duplicate("Åtgärd \(group).\(position)") }
    }

    static func recordChange(_ model: MeasureModel, action: String, before: String, actor: Actor, on db: any Database) async throws {
        let change = MeasureChangeModel()
        change.measureID = try model.requireID()
        change.kommunID = model.kommunID
        change.actor = actor.label
        change.action = action
        change.before = before
        change.after = model.snapshot
        change.createdAt = TryggClock.now
        try await change.create(on: db)
        try await AuditLog.record(
            actor, action: "\(action) åtgärd", objectType: "åtgärd", objectID: "\(model.groupNumber).\(model.position)",
            detail: String(model.text.prefix(200)), kommunID: model.kommunID, on: db)
    }
}
