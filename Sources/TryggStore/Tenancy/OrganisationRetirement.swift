import FluentKit
import Foundation
import TryggCore

/// A förvaltning merged into another, a company that left the samverkan: the organisation is
/// retired on a day, keeps everything it reported, decided and answered for, and is offered for
/// nothing new. Its people move first, so nobody signs in on behalf of an organisation that is gone.
extension OrganisationStore {
    /// Retires the organisation from `day` (YYYY-MM-DD), or reinstates it with nil. Retiring is
    /// refused while users who are not turned off belong to it.
    @discardableResult
    public func retire(id: UUID, on day: String?, by actor: Actor) async throws -> Organisation {
        try await db.transaction { db in
            guard let model = try await OrganisationModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Organisationen")
            }
            guard (model.retiredOn == nil) != (day == nil) else { return model.record }
            if day != nil {
                let users = try await UserModel.query(on: db).filter(\.$organisationID == id).filter(\.$disabled == false).count()
                if users > 0 {
                    throw StoreError.invalid(
                        "\(model.abbreviation) har \(SwedishGrammar.count(users, "användare", "användare")) som inte är avstängda. "
                            + "Flytta dem till en annan organisation eller stäng av dem först.")
                }
            }
            model.retiredOn = day
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: day == nil ? "återinförde organisation" : "avvecklade organisation", objectType: "organisation",
                objectID: model.abbreviation, detail: day.map { "från \($0)" } ?? "", kommunID: kommunID, on: db)
            return model.record
        }
    }

    /// A förvaltning merged into another: its users (those not turned off) move in one go, each
    /// move logged the way a user's own page logs one. Returns how many moved.
    @discardableResult
    public func moveUsers(from sourceID: UUID, to targetID: UUID?, by actor: Actor) async throws -> Int {
        guard let targetID, targetID != sourceID else { throw StoreError.invalid("Välj en annan organisation att flytta användarna till.") }
        return try await db.transaction { db in
            let store = OrganisationStore(db: db, kommunID: kommunID)
            guard let source = try await store.organisation(id: sourceID) else { throw StoreError.notFound("Organisationen") }
            guard let target = try await store.organisation(id: targetID) else { throw StoreError.invalid("Välj en av kommunens organisationer.") }
            try Self.requireOpenToUsers(target)
            let users = try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$organisationID == sourceID)
                .filter(\.$disabled == false).all()
            for user in users {
                user.organisationID = targetID
                try await user.save(on: db)
                try await AuditLog.record(
                    actor, action: "ändrade användare", objectType: "användare", objectID: user.email,
                    detail: "organisation: \(source.abbreviation) → \(target.abbreviation)", kommunID: kommunID, on: db)
            }
            return users.count
        }
    }

    /// A retired organisation takes no users, new or moved in.
    static func requireOpenToUsers(_ organisation: Organisation) throws {
        if let retiredOn = organisation.retiredOn {
            throw StoreError.invalid("\(organisation.abbreviation) är avvecklad sedan \(retiredOn) och får inga nya användare.")
        }
    }

    /// A sentence naming the retired organisations among `ids` that the record did not already
    /// have (`kept`), or nil: a form loaded before the retirement must not give one something new,
    /// while a record that already names one may be saved as it is.
    func retiredChoice(_ ids: some Sequence<UUID>, kept: some Sequence<UUID> = [UUID]()) async throws -> String? {
        let wanted = Set(ids).subtracting(kept)
        guard !wanted.isEmpty else { return nil }
        let retired = try await organisations().filter { $0.isRetired && wanted.contains($0.id) }.map(\.abbreviation)
        guard !retired.isEmpty else { return nil }
        return retired.count == 1
            ? "\(retired[0]) är avvecklad och kan inte väljas."
            : "\(SwedishGrammar.list(retired)) är avvecklade och kan inte väljas."
    }

    /// How many users (not turned off) belong to each organisation, for the list's retire buttons.
    public func activeUserCounts() async throws -> [UUID: Int] {
        let users = try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$disabled == false).all()
        return Dictionary(users.map { ($0.organisationID, 1) }, uniquingKeysWith: +)
    }
}
