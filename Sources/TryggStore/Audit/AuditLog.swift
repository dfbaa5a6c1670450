import FluentKit
import SQLKit
import Foundation
import TryggCore

/// Filters for the admin page that searches the audit log.
public struct AuditQuery: Sendable {
    /// The most entries one search returns (the admin's download; the page shows 100 at a time).
    public static let maximumLimit = 10_000
    public var text: String
    public var from: Date?
    public var to: Date?
    public var limit: Int
    /// Entries skipped from the newest, for the page's pager.
    public var offset: Int

    public init(text: String = "", from: Date? = nil, to: Date? = nil, limit: Int = 200, offset: Int = 0) {
        self.text = text
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }
}

/// Append-only record of who did what, when and from where. Writers call `record` inside the
/// same transaction as the change, so a change without its entry cannot exist.
public enum AuditLog {
    public static func record(
        _ actor: Actor, action: String, objectType: String, objectID: String, detail: String = "",
        kommunID: UUID? = nil, on db: any Database
    ) async throws {
        // Plain SQL: every write of the application passes here, and a Fluent model's reflection
        // cost more than the insert itself.
        try await (db as! any SQLDatabase).insert(into: AuditEntryModel.schema)
            .columns("id", "kommun_id", "user_id", "actor", "action", "object_type", "object_id", "detail", "address", "created_at")
            .values(
                SQLBind(UUID()), SQLBind(kommunID ?? actor.kommunID), SQLBind(actor.userID), SQLBind(actor.label), SQLBind(action),
                SQLBind(objectType), SQLBind(objectID), SQLBind(String(detail.prefix(2000))), SQLBind(actor.address), SQLBind(TryggClock.now)
            )
            .run()
    }

    /// One entry of a batch written with `recordAll`.
    public struct Draft: Sendable {
        public let actor: Actor
        public let action: String
        public let objectType: String
        public let objectID: String
        public let detail: String
        public let kommunID: UUID?

        public init(actor: Actor, action: String, objectType: String, objectID: String, detail: String, kommunID: UUID?) {
            self.actor = actor
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.detail = detail
            self.kommunID = kommunID
        }
    }

    /// Several entries in one statement, for writes that are batched (event intake).
    public static func recordAll(_ drafts: [Draft], on db: any Database) async throws {
        guard !drafts.isEmpty else { return }
        var insert = (db as! any SQLDatabase).insert(into: AuditEntryModel.schema)
            .columns("id", "kommun_id", "user_id", "actor", "action", "object_type", "object_id", "detail", "address", "created_at")
        let now = TryggClock.now
        for draft in drafts {
            insert = insert.values(
                SQLBind(UUID()), SQLBind(draft.kommunID ?? draft.actor.kommunID), SQLBind(draft.actor.userID),
                SQLBind(draft.actor.label), SQLBind(draft.action), SQLBind(draft.objectType), SQLBind(draft.objectID),
                SQLBind(String(draft.detail.prefix(2000))), SQLBind(draft.actor.address), SQLBind(now))
        }
        try await insert.run()
    }

    /// Entries as a JSON array of rows in the column order of the intake view (M015).
    static func json(_ drafts: [Draft], now: Date = TryggClock.now) -> String {
        var bytes: [UInt8] = [91]
        for (index, draft) in drafts.enumerated() {
            if index > 0 { bytes.append(44) }
            bytes.append(91)
            for id in [UUID(), draft.kommunID ?? draft.actor.kommunID, draft.actor.userID] {
                JSONText.appendUUID(id, to: &bytes)
                bytes.append(44)
            }
            for text in [draft.actor.label, draft.action, draft.objectType, draft.objectID, String(draft.detail.prefix(2000)), draft.actor.address] {
                JSONText.appendString(text, to: &bytes)
                bytes.append(44)
            }
            bytes.append(contentsOf: Array("\(now.timeIntervalSince1970)]".utf8))
        }
        bytes.append(93)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One kommun's log, newest first.
    public static func search(_ query: AuditQuery, in kommun: KommunScope) async throws -> [AuditEntry] {
        let offset = max(0, query.offset)
        return try await matching(query, in: kommun).sort(\.$createdAt, .descending)
            .range(offset..<(offset + max(1, min(query.limit, AuditQuery.maximumLimit)))).all().map(\.record)
    }

    /// How many entries the search finds, for "Sida 2 av 40".
    public static func count(_ query: AuditQuery, in kommun: KommunScope) async throws -> Int {
        try await matching(query, in: kommun).count()
    }

    private static func matching(_ query: AuditQuery, in kommun: KommunScope) -> QueryBuilder<AuditEntryModel> {
        let db = kommun.database.db
        var builder = AuditEntryModel.query(on: db).filter(\.$kommunID == kommun.kommunID)
        if let from = query.from { builder = builder.filter(\.$createdAt >= from) }
        if let to = query.to { builder = builder.filter(\.$createdAt < to) }
        let text = query.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            builder = builder.group(.or) { group in
                for column in ["actor", "action", "object_type", "object_id", "detail", "address"] {
                    group.filter(.custom(TextContains(column, text)))
                }
            }
        }
        return builder
    }
}
