import FluentKit
import Foundation
import TryggCore

/// A user's own logins: where and when she is logged in, and ending every login but the one she
/// uses (a laptop left on a shared desk, a phone lost).
extension SessionStore {
    public struct Active: Sendable, Equatable {
        public let id: UUID
        public let createdAt: Date?
        /// About when it was last used: the expiry slides forward on use (at most every five minutes).
        public let lastUsed: Date
        public let address: String
    }

    /// The user's logins that have not expired, the most recently used first.
    public func active(userID: UUID, lifetime: TimeInterval, now: Date = Date()) async throws -> [Active] {
        try await SessionModel.query(on: db).filter(\.$userID == userID).filter(\.$expiresAt > now).sort(\.$expiresAt, .descending).all()
            .map { Active(id: try $0.requireID(), createdAt: $0.createdAt, lastUsed: $0.expiresAt.addingTimeInterval(-lifetime), address: $0.address) }
    }

    /// Ends every login of the user except `keeping`; returns how many ended. Audited.
    @discardableResult
    public func endOthers(userID: UUID, keeping sessionID: UUID, by actor: Actor) async throws -> Int {
        try await db.transaction { db in
            let others = try await SessionModel.query(on: db).filter(\.$userID == userID).filter(\.$id != sessionID).count()
            guard others > 0 else { return 0 }
            try await SessionModel.query(on: db).filter(\.$userID == userID).filter(\.$id != sessionID).delete()
            try await AuditLog.record(
                actor, action: "loggade ut sina andra inloggningar", objectType: "användare", objectID: userID.uuidString,
                detail: "\(others) inloggningar", on: db)
            return others
        }
    }
}
