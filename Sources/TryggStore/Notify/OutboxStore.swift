import FluentKit
import Foundation
import SQLKit
import TryggCore

/// One message waiting for (or handed to) the relay.
public struct OutboxEntry: Sendable, Equatable {
    public enum State: String, Sendable {
        case waiting = "väntar"
        case sent = "skickat"
        case failed = "misslyckat"
    }

    public var id: UUID
    public var kommunID: UUID
    public var kind: String
    public var message: MailMessage
    public var state: State
    public var attempts: Int
    public var createdAt: Date
    public var sentAt: Date?
    public var lastError: String
}

/// A notice to queue: what it is about (`key`, unique per kommun, so the same reminder is never
/// queued twice) and the message.
public struct OutgoingNotice: Sendable, Equatable {
    public var key: String
    public var kind: String
    public var message: MailMessage

    public init(key: String, kind: String, message: MailMessage) {
        self.key = key
        self.kind = kind
        self.message = message
    }
}

/// One kommun's outbox: every notice is stored before it is sent, so nothing is lost while the
/// relay is down.
public struct OutboxStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    /// Messages to residents hold their address: deleted as soon as the relay took them.
    public static let residentKind = "svar till invånare"
    /// A link that sets a password is a secret: deleted as soon as the relay took it.
    public static let passwordLinkKind = "länk för nytt lösenord"
    /// The kinds whose message is deleted, not kept as sent, once the relay took it.
    static let deletedWhenSent: Set<String> = [residentKind, passwordLinkKind]

    /// The message queued under `key`, to send it at once (a password link).
    public func entry(key: String) async throws -> OutboxEntry? {
        try await OutboxModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$dedupeKey == key).first()?.entry
    }

    /// Queues notices; a key already queued is skipped. Returns how many were new.
    @discardableResult
    public func enqueue(_ notices: [OutgoingNotice], now: Date = TryggClock.now, firstAttempt: Date? = nil) async throws -> Int {
        guard !notices.isEmpty else { return 0 }
        let sql = db as! any SQLDatabase
        let before = try await count()
        var insert = sql.insert(into: "outbox").columns(
            "id", "kommun_id", "kind", "dedupe_key", "recipient", "subject", "body", "state", "attempts", "next_attempt_at",
            "created_at", "last_error")
        for notice in notices {
            insert = insert.values(
                SQLBind(UUID()), SQLBind(kommunID), SQLBind(notice.kind), SQLBind(String(notice.key.prefix(300))),
                SQLBind(notice.message.to), SQLBind(notice.message.subject), SQLBind(notice.message.body),
                SQLBind(OutboxEntry.State.waiting.rawValue), SQLBind(0), SQLBind(firstAttempt ?? now), SQLBind(now), SQLBind(""))
        }
        try await insert.ignoringConflicts(with: ["kommun_id", "dedupe_key"]).run()
        return try await count() - before
    }

    /// This kommun's messages whose turn has come (`trygg notify --kommun`).
    public func due(now: Date = TryggClock.now, limit: Int = 200) async throws -> [OutboxEntry] {
        try await OutboxDelivery.dueQuery(on: db, now: now).filter(\.$kommunID == kommunID).limit(limit).all().map(\.entry)
    }

    /// The newest messages first, for the outbox page.
    public func recent(limit: Int = 100) async throws -> [OutboxEntry] {
        try await OutboxModel.query(on: db).filter(\.$kommunID == kommunID).sort(\.$createdAt, .descending).limit(limit).all().map(\.entry)
    }

    public func count(state: OutboxEntry.State? = nil) async throws -> Int {
        var query = OutboxModel.query(on: db).filter(\.$kommunID == kommunID)
        if let state { query = query.filter(\.$state == state.rawValue) }
        return try await query.count()
    }
}

/// Handing the outbox to the relay, for every kommun at once (one sender serves them all): what
/// is due, what went, what failed; retries with growing pauses, giving up after three days.
public struct OutboxDelivery: Sendable {
    let db: any Database
    static let keepDays = 30.0
    static let giveUpAfter: TimeInterval = 3 * 86_400

    public init(_ database: TryggDatabase) { db = database.db }

    static func dueQuery(on db: any Database, now: Date) -> QueryBuilder<OutboxModel> {
        OutboxModel.query(on: db).filter(\.$state == OutboxEntry.State.waiting.rawValue).filter(\.$nextAttemptAt <= now).sort(\.$createdAt)
    }

    /// Messages whose turn has come, oldest first.
    public func due(now: Date = TryggClock.now, limit: Int = 200) async throws -> [OutboxEntry] {
        try await Self.dueQuery(on: db, now: now).limit(limit).all().map(\.entry)
    }

    public func markSent(_ entry: OutboxEntry, now: Date = TryggClock.now) async throws {
        if OutboxStore.deletedWhenSent.contains(entry.kind) {
            try await OutboxModel.query(on: db).filter(\.$id == entry.id).delete()
            return
        }
        try await OutboxModel.query(on: db).filter(\.$id == entry.id).set(\.$state, to: OutboxEntry.State.sent.rawValue)
            .set(\.$sentAt, to: now).set(\.$attempts, to: entry.attempts + 1).set(\.$lastError, to: "").update()
    }

    /// A failed attempt: tried again after 5, 10, 20 … minutes (at most 6 hours apart); a
    /// permanent refusal or three days of failures end it.
    public func markFailed(_ entry: OutboxEntry, error: String, permanent: Bool, now: Date = TryggClock.now) async throws {
        let attempts = entry.attempts + 1
        let givesUp = permanent || now.timeIntervalSince(entry.createdAt) >= Self.giveUpAfter
        let pause = min(6 * 3600, 300 * pow(2, Double(min(attempts - 1, 10))))
        try await OutboxModel.query(on: db).filter(\.$id == entry.id)
            .set(\.$state, to: (givesUp ? OutboxEntry.State.failed : .waiting).rawValue)
            .set(\.$attempts, to: attempts).set(\.$nextAttemptAt, to: now.addingTimeInterval(pause))
            .set(\.$lastError, to: String(error.prefix(500))).update()
    }

    /// The outbox over every kommun as monitoring sees it: how many messages wait and how many
    /// were given up (failed in the last 30 days), and when the oldest waiting one was queued. A
    /// relay that is down shows as a waiting message growing old.
    public func health() async throws -> (waiting: Int, failed: Int, oldestWaiting: Date?) {
        func inState(_ state: OutboxEntry.State) -> QueryBuilder<OutboxModel> { OutboxModel.query(on: db).filter(\.$state == state.rawValue) }
        return (try await inState(.waiting).count(), try await inState(.failed).count(), try await inState(.waiting).min(\.$createdAt))
    }

    /// Deletes what was sent or given up more than 30 days ago (the notices' texts are not a
    /// record), and gives up messages no relay took within three days (none was configured, or
    /// it stayed down), so they do not all arrive late at once.
    public func purge(now: Date = TryggClock.now) async throws {
        try await OutboxModel.query(on: db).filter(\.$state == OutboxEntry.State.waiting.rawValue)
            .filter(\.$createdAt < now.addingTimeInterval(-Self.giveUpAfter))
            .set(\.$state, to: OutboxEntry.State.failed.rawValue)
            .set(\.$lastError, to: "Skickades inte: ingen e-postserver tog emot meddelandet inom tre dygn.").update()
        try await OutboxModel.query(on: db).filter(\.$state != OutboxEntry.State.waiting.rawValue)
            .filter(\.$createdAt < now.addingTimeInterval(-Self.keepDays * 86_400)).delete()
    }
}

final class OutboxModel: Model, @unchecked Sendable {
    static let schema = "outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "last_error") var lastError: String

    init() {}

    var entry: OutboxEntry {
        OutboxEntry(
            id: id!, kommunID: kommunID, kind: kind, message: MailMessage(to: recipient, subject: subject, body: body),
            state: OutboxEntry.State(rawValue: state) ?? .waiting, attempts: attempts, createdAt: createdAt, sentAt: sentAt,
            lastError: lastError)
    }
}
