import FluentKit
import Foundation
import TryggCore

final class PasswordResetModel: Model, @unchecked Sendable {
    static let schema = "password_resets"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// "Glömt lösenordet?": a link sent to the user's own address sets a new password. Like a
/// session, only the token's SHA-256 is stored; a link works for an hour and once, and asking
/// again makes the earlier link useless.
public struct PasswordResetStore: Sendable {
    let db: any Database
    public static let lifetime: TimeInterval = 3600

    public init(_ database: TryggDatabase) { db = database.db }

    /// A new link for the address's account, or nil when there is none, it is disabled or a link
    /// was made in the last two minutes (the page says the same every time, so nobody learns
    /// which addresses have accounts).
    public func create(email: String, address: String, now: Date = TryggClock.now) async throws -> (token: String, account: UserAccount)? {
        guard let credentials = try await AccountStore(db: db).credentials(email: email), !credentials.account.disabled else { return nil }
        let account = credentials.account
        // One link per account and two minutes: asking again and again does not fill an inbox.
        if try await PasswordResetModel.query(on: db).filter(\.$userID == account.id).filter(\.$createdAt > now.addingTimeInterval(-120)).first() != nil {
            return nil
        }
        let token = try await link(
            for: account, lasting: Self.lifetime, now: now,
            audit: AuditLog.Draft(
                actor: Actor(user: account, address: address), action: "bad om en länk för nytt lösenord", objectType: "användare",
                objectID: account.email, detail: "", kommunID: account.kommun.id))
        return (token, account)
    }

    /// How long an invitation's link lasts: a new colleague may not read mail the same day.
    public static let invitationLifetime: TimeInterval = 7 * 86_400

    /// A link the admin sends: to a new account (an invitation, so nobody but its owner ever
    /// knows its password) or to one whose owner forgot it. Earlier links of the account stop
    /// working; no two-minute wait, as only an admin can ask.
    public func invite(_ account: UserAccount, newAccount: Bool, by actor: Actor, now: Date = TryggClock.now) async throws -> String {
        try await link(
            for: account, lasting: newAccount ? Self.invitationLifetime : Self.lifetime * 24, now: now,
            audit: AuditLog.Draft(
                actor: actor, action: newAccount ? "skickade en inbjudan" : "skickade en länk för nytt lösenord", objectType: "användare",
                objectID: account.email, detail: "", kommunID: account.kommun.id))
    }

    /// The account's one link (earlier ones deleted) and its audit line, in one transaction;
    /// only the token's hash is stored.
    private func link(for account: UserAccount, lasting lifetime: TimeInterval, now: Date, audit: AuditLog.Draft) async throws -> String {
        let token = RandomToken.make()
        try await db.transaction { db in
            try await PasswordResetModel.query(on: db).filter(\.$userID == account.id).delete()
            let model = PasswordResetModel()
            model.userID = account.id
            model.tokenHash = SessionStore.hash(token)
            model.expiresAt = now.addingTimeInterval(lifetime)
            model.createdAt = now
            try await model.create(on: db)
            try await AuditLog.recordAll([audit], on: db)
        }
        return token
    }

    /// The account a link belongs to while it can still be used.
    public func account(token: String, now: Date = TryggClock.now) async throws -> UserAccount? {
        guard let link = try await valid(token, now: now, on: db) else { return nil }
        return try await AccountStore(db: db).account(id: link.userID).flatMap { $0.disabled ? nil : $0 }
    }

    /// Sets the password through a valid link, once: the link is spent, a lock after wrong
    /// passwords lifted and every session of the user ended. Nil when the link is not valid.
    public func redeem(token: String, newHash: String, address: String, now: Date = TryggClock.now) async throws -> UserAccount? {
        try await db.transaction { db in
            guard let link = try await valid(token, now: now, on: db), let user = try await UserModel.find(link.userID, on: db), !user.disabled,
                let account = try await AccountStore(db: db).account(of: user)
            else { return nil }
            try await PasswordResetModel.query(on: db).filter(\.$userID == user.requireID()).delete()
            try await AccountStore.replacePassword(of: user, hash: newHash, on: db)
            try await AuditLog.record(
                Actor(user: account, address: address), action: "bytte lösenord med en länk från e-post", objectType: "användare",
                objectID: account.email, kommunID: account.kommun.id, on: db)
            return account
        }
    }

    private func valid(_ token: String, now: Date, on db: any Database) async throws -> PasswordResetModel? {
        guard token.utf8.count == 43 else { return nil }
        return try await PasswordResetModel.query(on: db).filter(\.$tokenHash == SessionStore.hash(token)).filter(\.$expiresAt > now).first()
    }
}
