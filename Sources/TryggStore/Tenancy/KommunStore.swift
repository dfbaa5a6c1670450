import FluentKit
import SQLKit
import Foundation
import TryggCore

/// Municipalities and their organisations.
public struct KommunStore: Sendable {
    let db: any Database

    public init(_ database: TryggDatabase) { db = database.db }
    init(db: any Database) { self.db = db }

    /// Creates a kommun with the default organisations, in one transaction.
    @discardableResult
    public func add(slug: String, name: String, code: String, by actor: Actor) async throws -> Kommun {
        do { try KommunIdentity.validate(slug: slug, name: name, code: code) } catch {
            throw StoreError.invalid(error.description)
        }
        return try await db.transaction { db in
            if try await KommunModel.query(on: db).filter(\.$slug == slug).first() != nil {
                throw StoreError.duplicate("Kommunen \"\(slug)\"")
            }
            if try await KommunModel.query(on: db).filter(\.$code == code).first() != nil {
                throw StoreError.duplicate("Kommunkoden \(code)")
            }
            let kommun = KommunModel(slug: slug, name: name.trimmingCharacters(in: .whitespaces), code: code)
            try await kommun.create(on: db)
            let kommunID = try kommun.requireID()
            for template in DefaultOrganisations.all {
                try await OrganisationModel(kommunID: kommunID, template: template).create(on: db)
            }
            try await CategoryStore.insertDefaults(kommunID: kommunID, on: db as! any SQLDatabase)
            try await AuditLog.record(
                actor, action: "skapade kommun", objectType: "kommun", objectID: slug,
                detail: "\(name) (\(code)) med \(DefaultOrganisations.all.count) organisationer",
                kommunID: kommunID, on: db)
            return kommun.record
        }
    }

    public func all() async throws -> [Kommun] {
        try await KommunModel.query(on: db).sort(\.$name).all().map(\.record)
    }

    public func find(slug: String) async throws -> Kommun? {
        try await KommunModel.query(on: db).filter(\.$slug == slug).first()?.record
    }

    public func require(slug: String) async throws -> Kommun {
        guard let kommun = try await find(slug: slug) else {
            let known = try await all().map(\.slug).joined(separator: ", ")
            throw StoreError.invalid("Okänd kommun \"\(slug)\"." + (known.isEmpty ? "" : " Kända kommuner: \(known)."))
        }
        return kommun
    }

    // MARK: Organisations

    struct OrganisationRow: Decodable {
        var id: UUID
        var kommunId: UUID
        var abbreviation: String
        var name: String
        var kind: String
        var nameConfirmed: Bool
    }

    /// Read with SQLKit rather than Fluent: every page and API call needs the list, and Fluent's
    /// model decoding (reflection per row) cost more than the query.
    public func organisations(kommunID: UUID) async throws -> [Organisation] {
        try await (db as! any SQLDatabase).select().column("*").from("organisations").where("kommun_id", .equal, kommunID)
            .all(decoding: OrganisationRow.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
            .map {
                Organisation(
                    id: $0.id, kommunID: $0.kommunId, abbreviation: $0.abbreviation, name: $0.name,
                    kind: OrganisationKind(rawValue: $0.kind) ?? .extern, nameConfirmed: $0.nameConfirmed)
            }
            .sorted { ($0.kind.sortOrder, $0.abbreviation.lowercased()) < ($1.kind.sortOrder, $1.abbreviation.lowercased()) }
    }

    public func organisationCount(kommunID: UUID) async throws -> Int {
        try await OrganisationModel.query(on: db).filter(\.$kommunID == kommunID).count()
    }

    /// Looks up an organisation within one kommun only: an id from another kommun is "not found".
    public func organisation(id: UUID, kommunID: UUID) async throws -> Organisation? {
        try await OrganisationModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()?.record
    }

    public func organisation(abbreviation: String, kommunID: UUID) async throws -> Organisation? {
        let wanted = abbreviation.trimmingCharacters(in: .whitespaces).lowercased()
        return try await organisations(kommunID: kommunID).first { $0.abbreviation.lowercased() == wanted }
    }

    public func addOrganisation(
        kommunID: UUID, abbreviation: String, name: String, kind: OrganisationKind,
        by actor: Actor
    ) async throws -> Organisation {
        let abbreviation = abbreviation.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...40).contains(abbreviation.count) else { throw StoreError.invalid("Förkortningen måste ha 1–40 tecken.") }
        guard (1...200).contains(name.count) else { throw StoreError.invalid("Namnet måste ha 1–200 tecken.") }
        return try await db.transaction { db in
            let store = KommunStore(db: db)
            if try await store.organisation(abbreviation: abbreviation, kommunID: kommunID) != nil {
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
        id: UUID, kommunID: UUID, name: String, kind: OrganisationKind,
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

extension OrganisationKind {
    var sortOrder: Int {
        switch self {
        case .forvaltning: 0
        case .enhet: 1
        case .grupp: 2
        case .extern: 3
        }
    }
}
