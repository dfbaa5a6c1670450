import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The meetings of a kommun's forums and their minutes. Approved minutes lock the meeting: its
/// time, agenda, attendance and decisions can then only change through an audited correction.
public struct MeetingStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "forum_id", "starts_at", "ends_at", "place", "agenda", "attendance", "cancelled"]

    /// A meeting with its latest minutes, for lists.
    public struct Summary: Sendable {
        public let meeting: Meeting
        public let minutes: MeetingMinutes?
        public func status(now: Date) -> Meeting.Status { meeting.status(minutes: minutes, now: now) }
    }

    /// The meetings of the given forums (all of the kommun when nil) between two instants, by start.
    public func meetings(forumIDs: [UUID]? = nil, from: Date = .distantPast, to: Date = .distantFuture) async throws -> [Summary] {
        if let forumIDs, forumIDs.isEmpty { return [] }
        var query = sql.select().columns(Self.columns).from("meetings").where("kommun_id", .equal, kommunID).where("starts_at", .greaterThanOrEqual, from)
            .where("starts_at", .lessThan, to)
        if let forumIDs { query = query.where("forum_id", .in, forumIDs) }
        let meetings = try await query.orderBy("starts_at").orderBy("id").all().map(Self.meeting)
        let latest = try await latestMinutes(meetingIDs: meetings.map(\.id))
        return meetings.map { Summary(meeting: $0, minutes: latest[$0.id]) }
    }

    public func find(id: UUID) async throws -> Meeting? {
        try await sql.select().columns(Self.columns).from("meetings").where("id", .equal, id).where("kommun_id", .equal, kommunID).first().map(Self.meeting)
    }

    static func meeting(_ row: any SQLRow) throws -> Meeting {
        Meeting(
            id: try row.decode(column: "id", as: UUID.self), forumID: try row.decode(column: "forum_id", as: UUID.self),
            startsAt: try row.decode(column: "starts_at", as: Date.self), endsAt: try row.decode(column: "ends_at", as: Date.self),
            place: try row.decode(column: "place", as: String.self), agenda: try row.decode(column: "agenda", as: String.self),
            attendance: try JSONDecoder().decode([Meeting.Attendee].self, from: Data(try row.decode(column: "attendance", as: String.self).utf8)),
            cancelled: try row.decode(column: "cancelled", as: Bool.self))
    }

    /// Plans a meeting of `forum` (its id is ignored).
    @discardableResult
    public func create(_ draft: Meeting, in forum: Forum, by actor: Actor) async throws -> Meeting {
        var meeting = draft
        meeting.id = UUID()
        meeting.forumID = forum.id
        let created = meeting
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "meetings")
                .columns("id", "kommun_id", "forum_id", "starts_at", "ends_at", "place", "agenda", "attendance", "cancelled", "updated_at")
                .values(
                    SQLBind(created.id), SQLBind(kommunID), SQLBind(forum.id), SQLBind(created.startsAt), SQLBind(created.endsAt), SQLBind(created.place),
                    SQLBind(created.agenda), SQLBind(try Self.json(created.attendance)), SQLBind(created.cancelled), SQLBind(TryggClock.now)
                ).run()
            try await AuditLog.record(
                actor, action: "planerade möte", objectType: "möte", objectID: created.id.uuidString,
                detail: "\(forum.name) \(SwedishTime.minute(created.startsAt)), \(created.place)", kommunID: kommunID, on: db)
        }
        return created
    }

    /// Saves time, place, agenda, attendance and whether it is cancelled, until the minutes are approved.
    public func save(_ meeting: Meeting, by actor: Actor) async throws {
        guard let before = try await find(id: meeting.id) else { throw StoreError.notFound("Mötet") }
        try await requireUnlocked(meeting.id)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("meetings").set("starts_at", to: meeting.startsAt).set("ends_at", to: meeting.endsAt)
                .set("place", to: meeting.place).set("agenda", to: meeting.agenda).set("attendance", to: try Self.json(meeting.attendance))
                .set("cancelled", to: meeting.cancelled).set("updated_at", to: TryggClock.now).where("id", .equal, meeting.id)
                .where("kommun_id", .equal, kommunID).run()
            var changes: [String] = []
            if before.startsAt != meeting.startsAt || before.endsAt != meeting.endsAt { changes.append("tid \(SwedishTime.minute(meeting.startsAt))") }
            if before.place != meeting.place { changes.append("plats") }
            if before.agenda != meeting.agenda { changes.append("dagordning") }
            if before.attendance != meeting.attendance { changes.append("närvaro (\(meeting.attendance.filter(\.present).count) närvarande)") }
            if before.cancelled != meeting.cancelled { changes.append(meeting.cancelled ? "inställt" : "åter planerat") }
            try await AuditLog.record(
                actor, action: "ändrade möte", objectType: "möte", objectID: meeting.id.uuidString,
                detail: changes.isEmpty ? "inga ändringar" : changes.joined(separator: ", "), kommunID: kommunID, on: db)
        }
    }

    // MARK: Minutes

    /// Every version of the meeting's minutes, oldest first.
    public func minutes(meetingID: UUID) async throws -> [MeetingMinutes] {
        try await sql.select().columns(Self.minutesColumns.map { SQLColumn($0, table: "n") })
            .from(SQLAlias(SQLIdentifier("meeting_minutes"), as: SQLIdentifier("n")))
            .join(SQLAlias(SQLIdentifier("meetings"), as: SQLIdentifier("m")), on: SQLRaw("m.id = n.meeting_id"))
            .where(SQLColumn("kommun_id", table: "m"), .equal, SQLBind(kommunID)).where(SQLColumn("meeting_id", table: "n"), .equal, SQLBind(meetingID))
            .orderBy(SQLColumn("version", table: "n")).all().map(Self.minutes)
    }

    static let minutesColumns = ["meeting_id", "version", "text", "reason", "written_by", "written_at", "approved_by", "approved_at"]

    static func minutes(_ row: any SQLRow) throws -> MeetingMinutes {
        MeetingMinutes(
            version: try row.decode(column: "version", as: Int.self), text: try row.decode(column: "text", as: String.self),
            reason: try row.decode(column: "reason", as: String.self), writtenBy: try row.decode(column: "written_by", as: String.self),
            writtenAt: try row.decode(column: "written_at", as: Date.self), approvedBy: try row.decode(column: "approved_by", as: String?.self),
            approvedAt: try row.decode(column: "approved_at", as: Date?.self))
    }

    func latestMinutes(meetingIDs: [UUID]) async throws -> [UUID: MeetingMinutes] {
        guard !meetingIDs.isEmpty else { return [:] }
        var latest: [UUID: MeetingMinutes] = [:]
        for chunk in stride(from: 0, to: meetingIDs.count, by: 500).map({ Array(meetingIDs[$0..<min($0 + 500, meetingIDs.count)]) }) {
            for row in try await sql.select().columns(Self.minutesColumns).from("meeting_minutes").where("meeting_id", .in, chunk).all() {
                let minutes = try Self.minutes(row)
                let id = try row.decode(column: "meeting_id", as: UUID.self)
                if (latest[id]?.version ?? 0) < minutes.version { latest[id] = minutes }
            }
        }
        return latest
    }

    /// Refuses a change to a meeting whose latest minutes are approved.
    func requireUnlocked(_ meetingID: UUID) async throws {
        if try await minutes(meetingID: meetingID).last?.isApproved == true {
            throw StoreError.invalid("Protokollet är justerat och låst. Gör en rättelse om något behöver ändras.")
        }
    }

    /// Writes the minutes' text: the first version, or the draft being worked on. `seen` is the
    /// fingerprint of the draft the form showed (see `ConcurrentEdit`).
    public func saveMinutes(meetingID: UUID, text: String, seen: String? = nil, by actor: Actor) async throws {
        guard try await find(id: meetingID) != nil else { throw StoreError.notFound("Mötet") }
        guard text.count <= 50_000 else { throw StoreError.invalid("Protokollet får vara högst 50 000 tecken.") }
        let versions = try await minutes(meetingID: meetingID)
        if versions.last?.isApproved == true {
            throw StoreError.invalid("Protokollet är justerat och låst. Gör en rättelse om något behöver ändras.")
        }
        let stored = versions.last?.text ?? ""
        guard let text = ConcurrentEdit.merge(EditedText(text, seen: seen), stored: stored) else { throw EditConflict(stored: ["minutes": stored]) }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if let draft = versions.last {
                // Only over the text read above: a save in between is a conflict, not overwritten.
                let updated = try await sql.update("meeting_minutes").set("text", to: text).set("written_by", to: actor.label)
                    .set("written_at", to: TryggClock.now)
                    .where("meeting_id", .equal, meetingID).where("version", .equal, draft.version).where("text", .equal, stored)
                    .returning("meeting_id").all()
                guard !updated.isEmpty else { throw EditConflict(stored: [:]) }
            } else {
                try await Self.insertVersion(meetingID: meetingID, version: 1, text: text, reason: "", actor: actor, on: sql)
            }
            try await AuditLog.record(
                actor, action: "skrev protokoll", objectType: "möte", objectID: meetingID.uuidString,
                detail: "version \(versions.last?.version ?? 1), \(text.count) tecken", kommunID: kommunID, on: db)
        }
    }

    private static func insertVersion(meetingID: UUID, version: Int, text: String, reason: String, actor: Actor, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "meeting_minutes").columns("id", "meeting_id", "version", "text", "reason", "written_by", "written_at")
            .values(SQLBind(UUID()), SQLBind(meetingID), SQLBind(version), SQLBind(text), SQLBind(reason), SQLBind(actor.label), SQLBind(TryggClock.now))
            .run()
    }

    /// Approves (justerar) the draft: from now on the meeting is locked.
    public func approve(meetingID: UUID, by actor: Actor) async throws {
        guard let meeting = try await find(id: meetingID) else { throw StoreError.notFound("Mötet") }
        guard let draft = try await minutes(meetingID: meetingID).last, !draft.isApproved else {
            throw StoreError.invalid("Det finns inget protokollutkast att justera.")
        }
        guard !draft.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw StoreError.invalid("Protokollet är tomt.") }
        guard meeting.startsAt <= TryggClock.now else { throw StoreError.invalid("Ett möte som inte har hållits kan inte få ett justerat protokoll.") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("meeting_minutes").set("approved_by", to: actor.label).set("approved_at", to: TryggClock.now)
                .where("meeting_id", .equal, meetingID).where("version", .equal, draft.version).run()
            try await AuditLog.record(
                actor, action: "justerade protokoll", objectType: "möte", objectID: meetingID.uuidString, detail: "version \(draft.version)",
                kommunID: kommunID, on: db)
        }
    }

    /// Opens a correction of approved minutes: a new draft version with the reason, which is
    /// approved in turn. The approved version stays as it was.
    public func correct(meetingID: UUID, reason: String, by actor: Actor) async throws {
        guard try await find(id: meetingID) != nil else { throw StoreError.notFound("Mötet") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 1000 else { throw StoreError.invalid("Skriv varför protokollet rättas (högst 1 000 tecken).") }
        guard let approved = try await minutes(meetingID: meetingID).last, approved.isApproved else {
            throw StoreError.invalid("Bara ett justerat protokoll rättas; ett utkast ändras direkt.")
        }
        try await db.transaction { db in
            try await Self.insertVersion(
                meetingID: meetingID, version: approved.version + 1, text: approved.text, reason: reason, actor: actor, on: db as! any SQLDatabase)
            try await AuditLog.record(
                actor, action: "började rätta protokoll", objectType: "möte", objectID: meetingID.uuidString,
                detail: "version \(approved.version + 1): \(reason)", kommunID: kommunID, on: db)
        }
    }

    static func json(_ attendance: [Meeting.Attendee]) throws -> String {
        String(decoding: try JSONEncoder().encode(attendance), as: UTF8.self)
    }
}
