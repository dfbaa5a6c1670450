import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's event categories: the default EST set from the start, editable by the samordnare.
/// Categories in use are retired, never deleted, so old events keep their meaning.
public struct CategoryStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

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

    struct Row: Codable {
        var id: UUID
        var kommunId: UUID
        var code: String
        var name: String
        var subcategories: String
        var isPublic: Bool
        var position: Int
        var retired: Bool

        var record: IncidentCategory {
            IncidentCategory(
                id: id, kommunID: kommunId, code: code, name: name,
                subcategories: subcategories.split(separator: "\n").map(String.init), isPublic: isPublic,
                position: position, retired: retired)
        }
    }

    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// Every category of the kommun, retired ones included (old events still name them), in display order.
    public func all() async throws -> [IncidentCategory] {
        try await sql.select().column("*").from("incident_categories").where("kommun_id", .equal, kommunID)
            .orderBy("position").all(decoding: Row.self, with: Self.decoder).map(\.record)
    }

    public func find(id: UUID) async throws -> IncidentCategory? {
        try await sql.select().column("*").from("incident_categories").where("kommun_id", .equal, kommunID).where("id", .equal, id)
            .first(decoding: Row.self, with: Self.decoder)?.record
    }

    static func insertDefaults(kommunID: UUID, on sql: any SQLDatabase) async throws {
        for (position, category) in IncidentCategory.defaults.enumerated() {
            try await sql.insert(into: "incident_categories").model(
                Row(
                    id: UUID(), kommunId: kommunID, code: category.code, name: category.name,
                    subcategories: category.subcategories.joined(separator: "\n"), isPublic: category.isPublic,
                    position: position + 1, retired: false), keyEncodingStrategy: .convertToSnakeCase
            ).run()
        }
    }

    /// Adds a category (`id` nil) or changes one. Names must be unique among the kommun's active categories.
    @discardableResult
    public func save(
        id: UUID?, name: String, subcategories: [String], isPublic: Bool, retired: Bool,
        by actor: Actor
    ) async throws -> IncidentCategory {
        let name = name.trimmingCharacters(in: .whitespaces)
        let subcategories = subcategories.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard (2...80).contains(name.count) else { throw StoreError.invalid("Kategorins namn måste ha 2–80 tecken.") }
        guard subcategories.count <= 20, subcategories.allSatisfy({ $0.count <= 80 }) else {
            throw StoreError.invalid("Högst 20 underkategorier med högst 80 tecken var.")
        }
        guard !IncidentCategory.code(from: name).isEmpty else { throw StoreError.invalid("Namnet måste innehålla bokstäver.") }
        let existing = try await all()
        if existing.contains(where: { $0.id != id && !$0.retired && $0.name.lowercased() == name.lowercased() }) {
            throw StoreError.duplicate("Kategorin \(name)")
        }
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var row: Row
            let action: String
            if let id {
                guard let current = existing.first(where: { $0.id == id }) else { throw StoreError.notFound("Kategorin") }
                row = Row(
                    id: id, kommunId: kommunID, code: current.code, name: name, subcategories: subcategories.joined(separator: "\n"),
                    isPublic: isPublic, position: current.position, retired: retired)
                try await sql.update("incident_categories").set("name", to: row.name).set("subcategories", to: row.subcategories)
                    .set("is_public", to: isPublic).set("retired", to: retired).where("id", .equal, id).run()
                action = "ändrade kategori"
            } else {
                var code = IncidentCategory.code(from: name)
                if existing.contains(where: { $0.code == code }) { code += "-\(existing.count + 1)" }
                row = Row(
                    id: UUID(), kommunId: kommunID, code: code, name: name, subcategories: subcategories.joined(separator: "\n"),
                    isPublic: isPublic, position: (existing.map(\.position).max() ?? 0) + 1, retired: false)
                try await sql.insert(into: "incident_categories").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
                action = "lade till kategori"
            }
            try await AuditLog.record(
                actor, action: action, objectType: "kategori", objectID: row.code,
                detail: "\(name)\(subcategories.isEmpty ? "" : " (\(subcategories.joined(separator: ", ")))")"
                    + (retired ? ", avvecklad" : ""),
                kommunID: kommunID, on: db)
            return row.record
        }
    }
}
