import FluentKit
import SQLKit
import Foundation
import TryggCore

/// The municipalities themselves (their organisations: `OrganisationStore`).
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
            let organisations = DefaultOrganisations.forKommun(code: code)
            for template in organisations {
                try await OrganisationModel(kommunID: kommunID, template: template).create(on: db)
            }
            try await CategoryStore.insertDefaults(kommunID: kommunID, on: db as! any SQLDatabase)
            try await AuditLog.record(
                actor, action: "skapade kommun", objectType: "kommun", objectID: slug,
                detail: "\(name) (\(code)) med \(organisations.count) organisationer",
                kommunID: kommunID, on: db)
            return kommun.record
        }
    }

    public func all() async throws -> [Kommun] {
        try await KommunModel.query(on: db).sort(\.$name).all().map(\.record)
    }

    /// Every kommun's name by id, for naming the other side of an agreement.
    public func names() async throws -> [UUID: String] {
        Dictionary(try await all().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
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
