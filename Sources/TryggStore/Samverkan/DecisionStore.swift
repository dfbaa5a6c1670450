import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The decisions of a kommun's meetings. New decisions are refused once the meeting's minutes
/// are approved; the follow-up of a decision (its status) goes on after that, audited.
public struct DecisionStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
        self.scope = scope
    }

    let scope: KommunScope
    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "meeting_id", "number", "text", "responsible_id", "due_on", "status", "status_note", "links"]

    /// The decisions of the given meetings, by meeting and number.
    public func decisions(meetingIDs: [UUID]) async throws -> [Decision] {
        guard !meetingIDs.isEmpty else { return [] }
        return try await sql.select().columns(Self.columns).from("decisions").where("kommun_id", .equal, kommunID).where("meeting_id", .in, meetingIDs)
            .orderBy("meeting_id").orderBy("number").all().map(Self.decision)
    }

    /// Every decision of the kommun that is not done or cancelled.
    public func open() async throws -> [Decision] {
        try await sql.select().columns(Self.columns).from("decisions").where("kommun_id", .equal, kommunID)
            .where("status", .in, Decision.Status.allCases.filter(\.isOpen).map(\.rawValue)).orderBy("due_on").orderBy("id").all().map(Self.decision)
    }

    public func find(id: UUID) async throws -> Decision? {
        try await sql.select().columns(Self.columns).from("decisions").where("id", .equal, id).where("kommun_id", .equal, kommunID).first()
            .map(Self.decision)
    }

    static func decision(_ row: any SQLRow) throws -> Decision {
        Decision(
            id: try row.decode(column: "id", as: UUID.self), meetingID: try row.decode(column: "meeting_id", as: UUID.self),
            number: try row.decode(column: "number", as: Int.self), text: try row.decode(column: "text", as: String.self),
            responsibleID: try row.decode(column: "responsible_id", as: UUID.self), dueOn: try row.decode(column: "due_on", as: String.self),
            status: Decision.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .decided,
            statusNote: try row.decode(column: "status_note", as: String.self),
            links: try JSONDecoder().decode([Decision.Link].self, from: Data(try row.decode(column: "links", as: String.self).utf8)))
    }

    /// Records a decision of `meeting` with the next paragraph number.
    @discardableResult
    public func add(
        to meeting: Meeting, text: String, responsibleID: UUID?, dueOn: String, links: [Decision.Link], by actor: Actor
    ) async throws -> Decision {
        var problems = Decision.problems(text: text, responsibleID: responsibleID, dueOn: dueOn, meetingDay: meeting.day)
        if let responsibleID, try await ForumStore(db: db, kommunID: kommunID).count("organisations", ids: [responsibleID]) != 1 {
            problems.append("Den ansvariga organisationen finns inte i kommunen.")
        }
        if let responsibleID, let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice([responsibleID]) {
            problems.append(retired)
        }
        for link in links where try await label(link) == nil { problems.append("\(link.kind.displayName) som beslutet gäller finns inte.") }
        guard problems.isEmpty, let responsibleID else { throw StoreError.invalid(problems.joined(separator: " ")) }
        try await MeetingStore(scope).requireUnlocked(meeting.id)
        let existing = try await decisions(meetingIDs: [meeting.id])
        let decision = Decision(
            id: UUID(), meetingID: meeting.id, number: (existing.map(\.number).max() ?? 0) + 1, text: text.trimmingCharacters(in: .whitespacesAndNewlines),
            responsibleID: responsibleID, dueOn: dueOn, links: links)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "decisions")
                .columns("id", "kommun_id", "meeting_id", "number", "text", "responsible_id", "due_on", "status", "status_note", "links")
                .values(
                    SQLBind(decision.id), SQLBind(kommunID), SQLBind(meeting.id), SQLBind(decision.number), SQLBind(decision.text), SQLBind(responsibleID),
                    SQLBind(dueOn), SQLBind(decision.status.rawValue), SQLBind(""),
                    SQLBind(String(decoding: try JSONEncoder().encode(links), as: UTF8.self))
                ).run()
            try await AuditLog.record(
                actor, action: "fattade beslut", objectType: "beslut", objectID: decision.id.uuidString,
                detail: "§ \(decision.number) \(decision.text.prefix(120)), klart \(dueOn)", kommunID: kommunID, on: db)
        }
        return decision
    }

    /// The follow-up of a decision: its status and a note on how far it has come.
    /// Each report is kept (`history`); the decision carries the latest.
    public func follow(id: UUID, status: Decision.Status, note: String, by actor: Actor, now: Date = TryggClock.now) async throws {
        guard let decision = try await find(id: id) else { throw StoreError.notFound("Beslutet") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 2000 else { throw StoreError.invalid("Kommentaren får vara högst 2 000 tecken.") }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.update("decisions").set("status", to: status.rawValue).set("status_note", to: note)
                .where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await sql.insert(into: "decision_followups").columns("id", "kommun_id", "decision_id", "at", "status", "note", "by_label")
                .values(
                    SQLBind(UUID()), SQLBind(kommunID), SQLBind(id), SQLBind(now), SQLBind(status.rawValue), SQLBind(note), SQLBind(actor.label)
                ).run()
            try await AuditLog.record(
                actor, action: "följde upp beslut", objectType: "beslut", objectID: id.uuidString,
                detail: "§ \(decision.number): \(decision.status.displayName) → \(status.displayName)\(note.isEmpty ? "" : ", \(note.prefix(200))")",
                kommunID: kommunID, on: db)
        }
    }

    /// Every follow-up of the given decisions, oldest first.
    public func history(decisionIDs: [UUID]) async throws -> [UUID: [Decision.FollowUp]] {
        guard !decisionIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("decision_id", "at", "status", "note", "by_label").from("decision_followups")
            .where("kommun_id", .equal, kommunID).where("decision_id", .in, decisionIDs).orderBy("at").orderBy("id").all()
        var history: [UUID: [Decision.FollowUp]] = [:]
        for row in rows {
            history[try row.decode(column: "decision_id", as: UUID.self), default: []].append(
                Decision.FollowUp(
                    at: try row.decode(column: "at", as: Date.self),
                    status: Decision.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .decided,
                    note: try row.decode(column: "note", as: String.self), by: try row.decode(column: "by_label", as: String.self)))
        }
        return history
    }

    /// An insats as a decision's link names it.
    public static func label(_ insats: Insats) -> String { "\(insats.kind.displayName): \(insats.what) (\(insats.place))" }

    /// What a link points at, in words, when it exists in this kommun; nil otherwise.
    public func label(_ link: Decision.Link) async throws -> String? {
        switch link.kind {
        case .measure:
            return try await PlanStore(scope).measure(id: link.id).map {
                "\($0.measure.label(limit: 100)) (plan \($0.plan.year))"
            }
        case .insats:
            return try await InsatsStore(scope).find(id: link.id).map(Self.label)
        case .lagesbild:
            return try await LagesbildStore(scope).find(id: link.id).map { "Lägesbild version \($0.version)" }
        case .vandring:
            return try await WalkStore(scope).find(id: link.id).map { "Trygghetsvandring \($0.title) (\($0.date))" }
        }
    }
}
