import FluentKit
import Foundation
import TryggCore

/// The users of one kommun, as its admin sees and manages them. Signing in, sessions and one's
/// own account are `AccountStore`'s: those start from an e-mail address or a session, not a kommun.
public struct UserStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    /// Users of one kommun; an id from another kommun is simply not there.
    /// Adds a user to the kommun; the e-mail address is unique across all kommuner.
    @discardableResult
    public func add(
        organisationAbbreviation: String, email: String, name: String, role: Role,
        passwordHash: String, by actor: Actor
    ) async throws -> UserAccount {
        let email = AccountStore.normalised(email: email)
        guard let kommun = try await KommunModel.find(kommunID, on: db)?.record else { throw StoreError.notFound("Kommunen") }
        guard email.count <= 254, email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@"),
            !email.contains(where: \.isWhitespace)
        else {
            throw StoreError.invalid("Ogiltig e-postadress \"\(email)\".")
        }
        return try await db.transaction { db in
            guard
                let organisation = try await OrganisationStore(db: db, kommunID: kommun.id).organisation(
                    abbreviation: organisationAbbreviation)
            else {
                throw StoreError.invalid("Okänd organisation \"\(organisationAbbreviation)\" i \(kommun.name).")
            }
            if try await UserModel.query(on: db).filter(\.$email == email).first() != nil {
                throw StoreError.duplicate("Användaren \(email)")
            }
            let user = UserModel()
            user.kommunID = kommun.id
            user.organisationID = organisation.id
            user.email = email
            user.name = name.trimmingCharacters(in: .whitespaces).isEmpty ? email : name.trimmingCharacters(in: .whitespaces)
            user.role = role.rawValue
            user.passwordHash = passwordHash
            user.totpEnabled = false
            user.failedLogins = 0
            user.disabled = false
            user.passwordChangedAt = Date()
            try await user.create(on: db)
            try await AuditLog.record(
                actor, action: "skapade användare", objectType: "användare", objectID: email,
                detail: "roll: \(role.rawValue); organisation: \(organisation.abbreviation)",
                kommunID: kommun.id, on: db)
            return UserAccount(
                id: try user.requireID(), kommun: kommun, organisation: organisation, email: email,
                name: user.name, role: role, secondFactorEnabled: false, disabled: false)
        }
    }

    public func account(id: UUID) async throws -> UserAccount? {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()
        else { return nil }
        return try await AccountStore(db: db).account(of: user)
    }

    public func accounts() async throws -> [UserAccount] {
        guard let kommun = try await KommunModel.find(kommunID, on: db)?.record else { return [] }
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(db: db, kommunID: kommunID).organisations().map { ($0.id, $0) })
        return try await UserModel.query(on: db).filter(\.$kommunID == kommunID).sort(\.$email).all().compactMap { user in
            guard let organisation = organisations[user.organisationID] else { return nil }
            return AccountStore.account(user, kommun: kommun, organisation: organisation)
        }
    }

    public func count() async throws -> Int {
        try await UserModel.query(on: db).filter(\.$kommunID == kommunID).count()
    }

    public func setDisabled(userID: UUID, disabled: Bool, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.query(on: db).filter(\.$id == userID).filter(\.$kommunID == kommunID).first()
            else { throw StoreError.notFound("Användaren") }
            user.disabled = disabled
            try await user.save(on: db)
            if disabled { try await SessionModel.query(on: db).filter(\.$userID == userID).delete() }
            try await AuditLog.record(
                actor, action: disabled ? "inaktiverade användare" : "aktiverade användare",
                objectType: "användare", objectID: user.email, on: db)
        }
    }
}
