import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The lägesbild's source register per kommun; every change is audited.
public struct SourceStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    public func all() async throws -> [SourceEntry] {
        try await (db as! any SQLDatabase).select()
            .columns("id", "name", "owner", "period", "method", "limitations", "included", "reason").from("lagesbild_sources")
            .where("kommun_id", .equal, kommunID).orderBy("included", .descending).orderBy("name")
            .all(decoding: SourceEntry.self)
    }

    /// Adds an entry (`entry.id` is ignored) or saves an existing one of the same kommun.
    @discardableResult
    public func save(_ entry: SourceEntry, id: UUID?, by actor: Actor) async throws -> SourceEntry {
        let problems = entry.problems()
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        var cleaned = entry
        cleaned.reason = entry.included ? "" : entry.reason
        let checked = cleaned
        return try await db.transaction { db in
            var entry = checked
            let sql = db as! any SQLDatabase
            let values: [(String, any Encodable & Sendable)] = [
                ("name", entry.name), ("owner", entry.owner), ("period", entry.period), ("method", entry.method),
                ("limitations", entry.limitations), ("included", entry.included), ("reason", entry.reason), ("updated_at", TryggClock.now),
            ]
            if let id {
                var update = sql.update("lagesbild_sources")
                for (column, value) in values { update = update.set(column, to: value) }
                let exists =
                    try await sql.select().column("id").from("lagesbild_sources").where("id", .equal, id).where("kommun_id", .equal, kommunID)
                    .first() != nil
                guard exists else { throw StoreError.notFound("Källan") }
                try await update.where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
                entry.id = id
            } else {
                entry.id = UUID()
                try await sql.insert(into: "lagesbild_sources").columns(["id", "kommun_id"] + values.map(\.0))
                    .values([SQLBind(entry.id), SQLBind(kommunID)] + values.map { SQLBind($0.1) }).run()
            }
            try await AuditLog.record(
                actor, action: id == nil ? "lade till källa" : "ändrade källa", objectType: "källa", objectID: entry.name,
                detail: entry.included ? "används" : "används inte: \(entry.reason)", kommunID: kommunID, on: db)
            return entry
        }
    }
}
