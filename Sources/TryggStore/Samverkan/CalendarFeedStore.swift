import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The secret address of each user's meeting calendar. A calendar program cannot log in, so the
/// address is the credential: only its hash is kept, a new one replaces the old, and a disabled
/// user's feed answers nothing.
public struct CalendarFeedStore: Sendable {
    let db: any Database
    public init(_ database: TryggDatabase) { db = database.db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A new secret for the user; the previous address stops working. Shown once.
    public func renew(for user: UserAccount, by actor: Actor) async throws -> String {
        let token = RandomToken.make()
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "calendar_feeds").where("user_id", .equal, user.id).run()
            try await sql.insert(into: "calendar_feeds").columns("user_id", "kommun_id", "token_hash", "created_at")
                .values(SQLBind(user.id), SQLBind(user.kommun.id), SQLBind(SessionStore.hash(token)), SQLBind(TryggClock.now)).run()
            try await AuditLog.record(
                actor, action: "skapade kalenderadress", objectType: "kalender", objectID: user.id.uuidString, detail: "tidigare adress slutar gälla",
                kommunID: user.kommun.id, on: db)
        }
        return token
    }

    /// Whether the user has an address (the page then offers to replace it).
    public func exists(for userID: UUID) async throws -> Bool {
        try await sql.select().column("user_id").from("calendar_feeds").where("user_id", .equal, userID).first() != nil
    }

    /// The active user whose feed this secret opens.
    public func user(token: String) async throws -> UserAccount? {
        guard token.count <= 100,
            let row = try await sql.select().column("user_id").from("calendar_feeds").where("token_hash", .equal, SessionStore.hash(token)).first()
        else { return nil }
        guard let user = try await AccountStore(db: db).account(id: try row.decode(column: "user_id", as: UUID.self)), !user.disabled else { return nil }
        return user
    }
}
