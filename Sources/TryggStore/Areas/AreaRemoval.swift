import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Removing an area: only one nothing refers to (a mistaken import, a typo), so no event, tip,
/// insats or walk loses the area it was reported in. An area with history is renamed, redrawn
/// or retired instead.
extension AreaStore {
    /// The tables that refer to an area, with the nouns that count their rows.
    static let references: [(table: String, one: String, many: String)] = [
        ("incidents", "händelse", "händelser"), ("est_insatser", "insats", "insatser"), ("citizen_reports", "tips", "tips"),
        ("forums", "forum", "forum"), ("citizen_promises", "medborgarlöfte", "medborgarlöften"),
        ("safety_walks", "trygghetsvandring", "trygghetsvandringar"), ("los_inspections", "LOS-insats", "LOS-insatser"),
        ("influence_assessments", "bedömning av kriminell påverkan", "bedömningar av kriminell påverkan"),
    ]

    /// What refers to the area, counted ("587 händelser", "2 trygghetsvandringar"); empty when nothing does.
    public func uses(of id: UUID) async throws -> [String] {
        try await Self.uses(of: id, kommunID: kommunID, on: db as! any SQLDatabase)
    }

    static func uses(of id: UUID, kommunID: UUID, on sql: any SQLDatabase) async throws -> [String] {
        var uses: [String] = []
        for reference in references {
            let count =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(reference.table)
                .where("area_id", .equal, id).where("kommun_id", .equal, kommunID).first()?.decode(column: "n", as: Int.self) ?? 0
            if count > 0 { uses.append(SwedishGrammar.count(count, reference.one, reference.many)) }
        }
        return uses
    }

    /// Deletes the area with its audit line, or says what still refers to it.
    public func delete(id: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let model = try await AreaModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Området")
            }
            let uses = try await Self.uses(of: id, kommunID: kommunID, on: db as! any SQLDatabase)
            guard uses.isEmpty else {
                throw StoreError.invalid(
                    "\(model.name) kan inte tas bort: området används av \(SwedishGrammar.list(uses)). Avveckla det i stället, eller byt namn eller gräns.")
            }
            try await model.delete(on: db)
            try await AuditLog.record(
                actor, action: "tog bort område", objectType: "område", objectID: model.name,
                detail: Self.summary(shape: model.geometry.flatMap(AreaModel.decode), desoCodes: model.record.desoCodes, source: model.source),
                kommunID: kommunID, on: db)
        }
    }

    /// Retires an area (from `day`, YYYY-MM-DD) or brings it back (`day` nil). A retired area
    /// keeps all that refers to it; new points are no longer placed in it and forms stop offering it.
    @discardableResult
    public func retire(id: UUID, on day: String?, by actor: Actor) async throws -> Area {
        try await db.transaction { db in
            guard let model = try await AreaModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Området")
            }
            guard (model.retiredOn == nil) != (day == nil) else { return model.record }
            model.retiredOn = day
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: day == nil ? "återinförde område" : "avvecklade område", objectType: "område", objectID: model.name,
                detail: day.map { "från \($0)" } ?? "", kommunID: kommunID, on: db)
            return model.record
        }
    }
}
