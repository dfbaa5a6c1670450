import Crypto
import FluentKit
import SQLKit
import Foundation
import TryggCore

/// A live login, as the web layer sees it.
public struct LoginSession: Sendable {
    public var id: UUID
    public var account: UserAccount
    public var csrfToken: String
    public var secondFactorPending: Bool
    public var expiresAt: Date
}

/// Sessions live in the database so that several app processes on one PostgreSQL share logins.
public struct SessionStore: Sendable {
    let db: any Database

    public init(_ database: TryggDatabase) { db = database.db }

    public static func hash(_ token: String) -> String {
        // Hex by hand: String(format:) per byte was a tenth of an API request's CPU time.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Returns the cookie value; only its hash is stored.
    public func create(userID: UUID, secondFactorPending: Bool, address: String, lifetime: TimeInterval) async throws -> String {
        let token = RandomToken.make()
        let session = SessionModel()
        session.tokenHash = Self.hash(token)
        session.userID = userID
        session.csrfToken = RandomToken.make()
        session.secondFactorPending = secondFactorPending
        session.expiresAt = Date().addingTimeInterval(lifetime)
        session.address = String(address.prefix(100))
        try await session.create(on: db)
        return token
    }

    /// The session for a cookie value, or nil when unknown, expired or the user is disabled.
    /// Sliding expiry: a session in use is extended, but the row is written at most every few
    /// minutes so that page views stay reads.
    public func lookup(token: String, lifetime: TimeInterval, now: Date = Date()) async throws -> LoginSession? {
        guard token.utf8.count <= 100, let sql = db as? any SQLDatabase else { return nil }
        let query: SQLQueryString = """
            SELECT x.id AS s_id, x.csrf_token AS s_csrf, x.second_factor_pending AS s_pending, x.expires_at AS s_expires,             \(unsafeRaw: AccountQuery.accountColumns) FROM sessions x \(unsafeRaw: AccountQuery.accountJoins)             WHERE x.token_hash = \(bind: Self.hash(token))
            """
        guard let row = try await sql.raw(query).first() else { return nil }
        let id = try row.decode(column: "s_id", as: UUID.self)
        var expiresAt = try row.decode(column: "s_expires", as: Date.self)
        if expiresAt <= now {
            try await SessionModel.query(on: db).filter(\.$id == id).delete()
            return nil
        }
        guard let account = try AccountQuery.account(from: row), !account.disabled else { return nil }
        if expiresAt.timeIntervalSince(now) < lifetime - 300 {
            expiresAt = now.addingTimeInterval(lifetime)
            try await SessionModel.query(on: db).filter(\.$id == id).set(\.$expiresAt, to: expiresAt).update()
        }
        return LoginSession(
            id: id, account: account, csrfToken: try row.decode(column: "s_csrf", as: String.self),
            secondFactorPending: try row.decode(column: "s_pending", as: Bool.self), expiresAt: expiresAt)
    }

    public func completeSecondFactor(sessionID: UUID) async throws {
        guard let session = try await SessionModel.find(sessionID, on: db) else { return }
        session.secondFactorPending = false
        try await session.save(on: db)
    }

    public func delete(sessionID: UUID) async throws {
        try await SessionModel.query(on: db).filter(\.$id == sessionID).delete()
    }

    public func purgeExpired(now: Date = Date()) async throws {
        try await SessionModel.query(on: db).filter(\.$expiresAt <= now).delete()
    }
}

/// Personal API tokens for `/api/v1/` (`Authorization: Bearer …`).
public struct APITokenStore: Sendable {
    let db: any Database

    public init(_ database: TryggDatabase) { db = database.db }

    /// Creates a token and returns it; it cannot be shown again, only its hash is kept.
    public func create(userID: UUID, label: String, by actor: Actor) async throws -> String {
        let token = "tr_" + RandomToken.make()
        try await db.transaction { db in
            guard let user = try await UserModel.find(userID, on: db) else { throw StoreError.notFound("Användaren") }
            let model = APITokenModel()
            model.userID = userID
            model.label = String(label.prefix(100))
            model.tokenHash = SessionStore.hash(token)
            try await model.create(on: db)
            try await AuditLog.record(
                actor, action: "skapade API-nyckel", objectType: "användare", objectID: user.email,
                detail: model.label, kommunID: user.kommunID, on: db)
        }
        return token
    }

    /// The account of an unexpired token with this hash, and when the token expires (nil: never).
    public func account(forTokenHash hash: String, now: Date = Date()) async throws -> (account: UserAccount, expires: Date?)? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let query: SQLQueryString = """
            SELECT x.expires_at AS t_expires, \(unsafeRaw: AccountQuery.accountColumns) FROM api_tokens x \(unsafeRaw: AccountQuery.accountJoins) \
            WHERE x.token_hash = \(bind: hash)
            """
        guard let row = try await sql.raw(query).first() else { return nil }
        let expires = try row.decode(column: "t_expires", as: Date?.self)
        if let expires, expires <= now { return nil }
        guard let account = try AccountQuery.account(from: row), !account.disabled else { return nil }
        return (account, expires)
    }

    public func userID(email: String) async throws -> UUID? {
        try await UserModel.query(on: db).filter(\.$email == AccountStore.normalised(email: email)).first()?.id
    }
}
