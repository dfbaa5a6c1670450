import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's organisations: förvaltningar, units, groups and external partners.
public struct OrganisationStore: Sendable {
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

    struct OrganisationRow: Decodable {
        var id: UUID
        var kommunId: UUID
        var abbreviation: String
        var name: String
        var kind: String
        var nameConfirmed: Bool
        var retiredOn: String?
    }

    /// Read with SQLKit rather than Fluent: every page and API call needs the list, and Fluent's
    /// model decoding (reflection per row) cost more than the query.
    public func organisations() async throws -> [Organisation] {
        try await (db as! any SQLDatabase).select().column("*").from("organisations").where("kommun_id", .equal, kommunID)
            .all(decoding: OrganisationRow.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
            .map {
                Organisation(
                    id: $0.id, kommunID: $0.kommunId, abbreviation: $0.abbreviation, name: $0.name,
                    kind: OrganisationKind(rawValue: $0.kind) ?? .extern, nameConfirmed: $0.nameConfirmed, retiredOn: $0.retiredOn)
            }
            .sorted { ($0.kind.sortOrder, $0.abbreviation.lowercased()) < ($1.kind.sortOrder, $1.abbreviation.lowercased()) }
    }

    public func organisationCount() async throws -> Int {
        try await OrganisationModel.query(on: db).filter(\.$kommunID == kommunID).count()
    }

    /// Looks up an organisation within one kommun only: an id from another kommun is "not found".
    public func organisation(id: UUID) async throws -> Organisation? {
        try await OrganisationModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()?.record
    }

    public func organisation(abbreviation: String) async throws -> Organisation? {
        let wanted = abbreviation.trimmingCharacters(in: .whitespaces).lowercased()
        return try await organisations().first { $0.abbreviation.lowercased() == wanted }
    }

    public func addOrganisation(
        abbreviation: String, name: String, kind: OrganisationKind,
        by actor: Actor
    ) async throws -> Organisation {
        let abbreviation = abbreviation.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...40).contains(abbreviation.count) else { throw StoreError.invalid("Förkortningen måste ha 1–40 tecken.") }
        guard (1...200).contains(name.count) else { throw StoreError.invalid("Namnet måste ha 1–200 tecken.") }
        return try await db.transaction { db in
            let store = OrganisationStore(db: db, kommunID: kommunID)
            if try await store.organisation(abbreviation: abbreviation) != nil {
                throw StoreError.duplicate("Organisationen \(abbreviation)")
            }
            let model = OrganisationModel(kommunID: kommunID, template: .init(abbreviation, name, kind))
            try await model.create(on: db)
            try await AuditLog.record(
                actor, action: "skapade organisation", objectType: "organisation",
                objectID: abbreviation, detail: name, kommunID: kommunID, on: db)
            return model.record
        }
    }

    /// Renames an organisation; saving a name also confirms it.
    public func updateOrganisation(
        id: UUID, name: String, kind: OrganisationKind,
        by actor: Actor
    ) async throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(name.count) else { throw StoreError.invalid("Namnet måste ha 1–200 tecken.") }
        try await db.transaction { db in
            guard
                let model = try await OrganisationModel.query(on: db).filter(\.$id == id)
                    .filter(\.$kommunID == kommunID).first()
            else { throw StoreError.notFound("Organisationen") }
            let before = "\(model.name) (\(model.kind))"
            model.name = name
            model.kind = kind.rawValue
            model.nameConfirmed = true
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: "ändrade organisation", objectType: "organisation",
                objectID: model.abbreviation, detail: "före: \(before); efter: \(name) (\(kind.rawValue))",
                kommunID: kommunID, on: db)
        }
    }
}
