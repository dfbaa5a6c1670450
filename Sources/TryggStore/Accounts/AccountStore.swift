import FluentKit
import Foundation
import TryggCore

/// What the login check needs about a user; never leaves the web layer's login handler.
public struct StoredCredentials: Sendable {
    public var account: UserAccount
    public var passwordHash: String
    public var totpSecret: String?
    public var lockedUntil: Date?
}

/// Users of a kommun.
public struct AccountStore: Sendable {
    let db: any Database

    public init(_ database: TryggDatabase) { db = database.db }
    init(db: any Database) { self.db = db }

    public static func normalised(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public func account(id: UUID) async throws -> UserAccount? {
        guard let user = try await UserModel.find(id, on: db) else { return nil }
        return try await account(of: user)
    }

    public func credentials(email: String) async throws -> StoredCredentials? {
        guard let user = try await UserModel.query(on: db).filter(\.$email == Self.normalised(email: email)).first(),
            let account = try await account(of: user)
        else { return nil }
        return StoredCredentials(
            account: account, passwordHash: user.passwordHash,
            totpSecret: user.totpEnabled ? user.totpSecret : nil, lockedUntil: user.lockedUntil)
    }

    /// Counts a wrong password and locks the account when the rule says so. Returns the lock time.
    @discardableResult
    public func recordFailedLogin(userID: UUID, rule: LoginLockoutRule, address: String, now: Date = Date()) async throws -> Date? {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { return nil }
            let outcome = rule.afterFailure(previousFailures: user.failedLogins, now: now.timeIntervalSince1970)
            user.failedLogins = outcome.failures
            let lockedUntil = outcome.lockedUntil.map { Date(timeIntervalSince1970: $0) }
            if let lockedUntil { user.lockedUntil = lockedUntil }
            try await user.save(on: db)
            let actor = Actor(userID: userID, kommunID: user.kommunID, label: user.email, address: address)
            try await AuditLog.record(
                actor, action: lockedUntil == nil ? "misslyckad inloggning" : "konto tillfälligt låst",
                objectType: "användare", objectID: user.email, on: db)
            return lockedUntil
        }
    }

    public func recordSuccessfulLogin(userID: UUID) async throws {
        guard let user = try await UserModel.find(userID, on: db) else { return }
        user.failedLogins = 0
        user.lockedUntil = nil
        user.lastLoginAt = TryggClock.now
        try await user.save(on: db)
    }

    /// Sets a new password and signs the user out everywhere else.
    public func changePassword(userID: UUID, newHash: String, keepingSession sessionID: UUID?, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw StoreError.notFound("Användaren") }
            try await Self.replacePassword(of: user, hash: newHash, keepingSession: sessionID, on: db)
            try await AuditLog.record(actor, action: "bytte lösenord", objectType: "användare", objectID: user.email, on: db)
        }
    }

    /// Every way a password is replaced (the user's own change, the admin's, a link from e-mail):
    /// a lock after wrong passwords is lifted and every session but `keepingSession` ended, so
    /// whoever knew the old password is out too.
    static func replacePassword(of user: UserModel, hash: String, keepingSession sessionID: UUID? = nil, on db: any Database) async throws {
        user.passwordHash = hash
        user.passwordChangedAt = TryggClock.now
        user.failedLogins = 0
        user.lockedUntil = nil
        try await user.save(on: db)
        var sessions = SessionModel.query(on: db).filter(\.$userID == (try user.requireID()))
        if let sessionID { sessions = sessions.filter(\.$id != sessionID) }
        try await sessions.delete()
    }

    /// Accepts a TOTP time step once: false when it (or a later one) was already used.
    public func useTOTPStep(_ step: Int, userID: UUID) async throws -> Bool {
        guard let user = try await UserModel.find(userID, on: db) else { return false }
        if let last = user.totpLastStep, step <= last { return false }
        user.totpLastStep = step
        try await user.save(on: db)
        return true
    }

    public func totpSecret(userID: UUID) async throws -> String? {
        try await UserModel.find(userID, on: db)?.totpSecret
    }

    /// Stores a secret that is not yet active: it becomes active when the user proves they hold it.
    public func storePendingTOTPSecret(userID: UUID, secret: String) async throws {
        guard let user = try await UserModel.find(userID, on: db) else { throw StoreError.notFound("Användaren") }
        guard !user.totpEnabled else { return }
        user.totpSecret = secret
        try await user.save(on: db)
    }

    public func setSecondFactor(userID: UUID, enabled: Bool, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw StoreError.notFound("Användaren") }
            user.totpEnabled = enabled
            if !enabled { user.totpSecret = nil }
            try await user.save(on: db)
            try await AuditLog.record(
                actor, action: enabled ? "aktiverade tvåstegsverifiering" : "stängde av tvåstegsverifiering",
                objectType: "användare", objectID: user.email, on: db)
        }
    }

    func account(of user: UserModel) async throws -> UserAccount? {
        guard let kommun = try await KommunModel.find(user.kommunID, on: db)?.record,
            let organisation = try await OrganisationModel.find(user.organisationID, on: db)?.record
        else { return nil }
        return Self.account(user, kommun: kommun, organisation: organisation)
    }

    static func account(_ user: UserModel, kommun: Kommun, organisation: Organisation) -> UserAccount? {
        guard let id = user.id, let role = Role(rawValue: user.role) else { return nil }
        return UserAccount(
            id: id, kommun: kommun, organisation: organisation, email: user.email, name: user.name,
            role: role, secondFactorEnabled: user.totpEnabled, disabled: user.disabled)
    }
}
