import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The kommun's statements on personal data and accessibility for its public pages.
public struct PublicInformationStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    struct Row: Codable {
        var kommunId: UUID
        var controller: String
        var privacyContact: String
        var accessibilityContact: String
        var conformance: String
        var knownBarriers: String
        var assessedOn: String
    }

    /// What the kommun has saved; nil before it saves anything (then `PublicInformation.defaults`).
    public func saved() async throws -> PublicInformation? {
        guard
            let row = try await sql.select().column("*").from("public_information").where("kommun_id", .equal, kommunID)
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        return PublicInformation(
            controller: row.controller, privacyContact: row.privacyContact, accessibilityContact: row.accessibilityContact,
            conformance: PublicInformation.Conformance(rawValue: row.conformance) ?? .partial, knownBarriers: row.knownBarriers,
            assessedOn: row.assessedOn)
    }

    /// Checks and saves the statements in one transaction with its audit line.
    public func save(_ information: PublicInformation, by actor: Actor) async throws {
        let clean: PublicInformation
        do {
            clean = try information.checked()
        } catch {
            throw StoreError.invalid(error.description)
        }
        let row = Row(
            kommunId: kommunID, controller: clean.controller, privacyContact: clean.privacyContact,
            accessibilityContact: clean.accessibilityContact, conformance: clean.conformance.rawValue, knownBarriers: clean.knownBarriers,
            assessedOn: clean.assessedOn)
        let audit = AuditLog.Draft(
            actor: actor, action: "ändrade information om personuppgifter och tillgänglighet", objectType: "inställningar",
            objectID: "offentliga-sidor",
            detail: "ansvarig \(clean.controller); \(clean.conformance.phrase) lagen; bedömd \(clean.assessedOn.isEmpty ? "–" : clean.assessedOn)",
            kommunID: kommunID)
        try await KommunSettingsRow.replace(in: "public_information", kommunID: kommunID, on: db, audit: audit) {
            try $0.model(row, keyEncodingStrategy: .convertToSnakeCase)
        }
    }
}
