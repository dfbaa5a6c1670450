import FluentKit
import Foundation
import TryggCore

final class GoverningDocumentModel: Model, @unchecked Sendable {
    static let schema = "governing_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "diarienummer") var diarienummer: String
    @Field(key: "adopted_by") var adoptedBy: String
    @Field(key: "adopted_on") var adoptedOn: String
    @Field(key: "validity") var validity: String
    @Field(key: "review_on") var reviewOn: String
    /// Web addresses, one per line.
    @Field(key: "links") var links: String

    init() {}

    var record: GoverningDocument {
        GoverningDocument(
            id: id!, kind: GoverningDocument.Kind(rawValue: kind) ?? .handlingsplan, title: title, diarienummer: diarienummer,
            adoptedBy: adoptedBy, adoptedOn: adoptedOn, validity: validity, reviewOn: reviewOn,
            links: links.split(separator: "\n").map(String.init))
    }
}

/// The programme, handlingsplaner and åtgärdsplaner the kommun works by.
public struct GoverningDocumentStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    public func all() async throws -> [GoverningDocument] {
        try await GoverningDocumentModel.query(on: db).filter(\.$kommunID == kommunID).all().map(\.record)
            .sorted {
                (GoverningDocument.Kind.allCases.firstIndex(of: $0.kind)!, $0.title) < (GoverningDocument.Kind.allCases.firstIndex(of: $1.kind)!, $1.title)
            }
    }

    /// Adds (id nil) or updates one of the kommun's documents.
    @discardableResult
    public func save(_ document: GoverningDocument, id: UUID?, by actor: Actor) async throws -> GoverningDocument {
        let title = document.title.trimmingCharacters(in: .whitespaces)
        guard (1...300).contains(title.count) else { throw StoreError.invalid("Titeln måste ha 1–300 tecken.") }
        for link in document.links where !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.count > 500 {
            throw StoreError.invalid("Länken \"\(link.prefix(60))\" är ingen webbadress (http:// eller https://).")
        }
        for field in [document.diarienummer, document.adoptedBy, document.adoptedOn, document.validity, document.reviewOn] where field.count > 200 {
            throw StoreError.invalid("Ett fält är längre än 200 tecken.")
        }
        return try await db.transaction { db in
            let model: GoverningDocumentModel
            if let id {
                guard let existing = try await GoverningDocumentModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
                    throw StoreError.notFound("Dokumentet")
                }
                model = existing
            } else {
                model = GoverningDocumentModel()
                model.kommunID = kommunID
            }
            model.kind = document.kind.rawValue
            model.title = title
            model.diarienummer = document.diarienummer.trimmingCharacters(in: .whitespaces)
            model.adoptedBy = document.adoptedBy.trimmingCharacters(in: .whitespaces)
            model.adoptedOn = document.adoptedOn.trimmingCharacters(in: .whitespaces)
            model.validity = document.validity.trimmingCharacters(in: .whitespaces)
            model.reviewOn = document.reviewOn.trimmingCharacters(in: .whitespaces)
            model.links = document.links.joined(separator: "\n")
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: id == nil ? "lade till styrdokument" : "ändrade styrdokument", objectType: "styrdokument",
                objectID: model.diarienummer.isEmpty ? title : model.diarienummer, detail: title, kommunID: kommunID, on: db)
            return model.record
        }
    }
}
