import FluentKit
import Foundation
import SQLKit

/// A kommun's settings of one kind live in one row of their table (keyed by `kommun_id`, none
/// until first saved). Saving replaces that row and writes its audit line in one transaction, so
/// a half-saved setting or an unlogged change cannot happen.
enum KommunSettingsRow {
    static func replace(
        in table: String, kommunID: UUID, on db: any Database, audit: AuditLog.Draft,
        insert: @escaping @Sendable (SQLInsertBuilder) throws -> SQLInsertBuilder
    ) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: table).where("kommun_id", .equal, kommunID).run()
            try await insert(sql.insert(into: table)).run()
            try await AuditLog.recordAll([audit], on: db)
        }
    }
}
