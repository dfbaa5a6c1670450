import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Removing an area: only one nothing refers to (a mistaken import, a typo), so no event, tip,
/// insats or walk loses the area it was reported in. An area with history is renamed or
/// redrawn instead.
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
                    "\(model.name) kan inte tas bort: området används av \(SwedishGrammar.list(uses)). Byt namn eller gräns i stället.")
            }
            try await model.delete(on: db)
            try await AuditLog.record(
                actor, action: "tog bort område", objectType: "område", objectID: model.name,
                detail: Self.summary(shape: model.geometry.flatMap(AreaModel.decode), desoCodes: model.record.desoCodes, source: model.source),
                kommunID: kommunID, on: db)
        }
    }
}
