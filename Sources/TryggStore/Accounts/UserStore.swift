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
            try OrganisationStore.requireOpenToUsers(organisation)
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

    /// When each user of the kommun last signed in; a user who never has is missing.
    public func lastLogins() async throws -> [UUID: Date] {
        var result: [UUID: Date] = [:]
        for user in try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$lastLoginAt != nil).all() {
            if let id = user.id, let at = user.lastLoginAt { result[id] = at }
        }
        return result
    }

    /// When one user of the kommun last signed in; nil for one who never has (an invitation not
    /// yet taken up).
    public func lastLogin(userID: UUID) async throws -> Date? {
        try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$id == userID).first()?.lastLoginAt
    }

    /// Active accounts nobody uses: not signed in for `days`, or never since the first password
    /// was set more than 30 days ago. A leaver's account that still opens is a way in.
    public func unused(days: Int = 180, now: Date = TryggClock.now) async throws -> [String] {
        let longAgo = now.addingTimeInterval(-Double(days) * 86_400), monthAgo = now.addingTimeInterval(-30 * 86_400)
        return try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$disabled == false).sort(\.$email).all()
            .filter { user in
                if let last = user.lastLoginAt { return last < longAgo }
                return (user.passwordChangedAt ?? .distantPast) < monthAgo
            }
            .map(\.email)
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

    /// A user's name, role or organisation changes (a move to another förvaltning, a new task);
    /// the user's open sessions read the account at their next request, so it takes effect at once.
    @discardableResult
    public func update(userID: UUID, name: String, role: Role, organisationID: UUID, by actor: Actor) async throws -> UserAccount {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(name.count) else { throw StoreError.invalid("Namnet måste ha 1–120 tecken.") }
        return try await db.transaction { db in
            let user = try await Self.user(userID, kommunID: kommunID, on: db)
            guard let organisation = try await OrganisationStore(db: db, kommunID: kommunID).organisation(id: organisationID) else {
                throw StoreError.invalid("Välj en av kommunens organisationer.")
            }
            if user.organisationID != organisationID { try OrganisationStore.requireOpenToUsers(organisation) }
            if user.role == Role.admin.rawValue, role != .admin, !user.disabled,
                try await UserModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$role == Role.admin.rawValue)
                    .filter(\.$disabled == false).count() == 1
            {
                throw StoreError.invalid("Kommunen måste ha minst en aktiv administratör.")
            }
            var changes: [String] = []
            if user.name != name { changes.append("namn: \(user.name) → \(name)") }
            if user.role != role.rawValue { changes.append("roll: \(user.role) → \(role.rawValue)") }
            if user.organisationID != organisationID { changes.append("organisation: \(organisation.abbreviation)") }
            if !changes.isEmpty {
                user.name = name
                user.role = role.rawValue
                user.organisationID = organisationID
                try await user.save(on: db)
                try await AuditLog.record(
                    actor, action: "ändrade användare", objectType: "användare", objectID: user.email,
                    detail: changes.joined(separator: "; "), kommunID: kommunID, on: db)
            }
            guard let account = try await AccountStore(db: db).account(of: user) else { throw StoreError.notFound("Användaren") }
            return account
        }
    }

    /// A new password the admin gives a user who lost theirs: a lock after wrong passwords is
    /// lifted and the user is signed out everywhere, so whoever knew the old one is out too.
    public func setPassword(userID: UUID, hash: String, by actor: Actor) async throws {
        try await db.transaction { db in
            let user = try await Self.user(userID, kommunID: kommunID, on: db)
            try await AccountStore.replacePassword(of: user, hash: hash, on: db)
            try await AuditLog.record(
                actor, action: "satte nytt lösenord", objectType: "användare", objectID: user.email, kommunID: kommunID, on: db)
        }
    }

    /// Turns off the second factor of a user who lost the phone that held it, and signs them
    /// out everywhere; they log in with the password and can set up a new one.
    public func turnOffSecondFactor(userID: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            let user = try await Self.user(userID, kommunID: kommunID, on: db)
            guard user.totpEnabled else { return }
            user.totpEnabled = false
            user.totpSecret = nil
            user.totpLastStep = nil
            try await user.save(on: db)
            try await SessionModel.query(on: db).filter(\.$userID == userID).delete()
            try await AuditLog.record(
                actor, action: "stängde av tvåstegsverifiering åt användaren", objectType: "användare", objectID: user.email,
                kommunID: kommunID, on: db)
        }
    }

    private static func user(_ id: UUID, kommunID: UUID, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
            throw StoreError.notFound("Användaren")
        }
        return user
    }
}
