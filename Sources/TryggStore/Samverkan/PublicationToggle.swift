import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Putting something of a kommun on its public page, or taking it down: one timestamp column set
/// or cleared, and the audit entry in the same transaction (medborgarlöften, vandringsprotokoll).
struct PublicationToggle {
    let table: String
    let column: String
    let objectType: String
    /// "medborgarlöfte" in "publicerade medborgarlöfte" / "avpublicerade medborgarlöfte".
    let noun: String

    func set(_ published: Bool, id: UUID, title: String, kommunID: UUID, by actor: Actor, on db: any Database) async throws {
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update(table).set(column, to: published ? TryggClock.now : nil)
                .where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: (published ? "publicerade " : "avpublicerade ") + noun, objectType: objectType, objectID: id.uuidString, detail: title,
                kommunID: kommunID, on: db)
        }
    }
}
