import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Residents' reports: intake, the samordnare's review, and what the public may see.
public struct CitizenStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }
    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    /// A checked tip ready to be stored, with its follow-up token. The token exists only here
    /// and in the answer to the resident; the database keeps its hash.
    public struct ReceivedTip: Sendable {
        public let report: CitizenReport
        public let token: String
        let row: CitizenReportRow
        let audit: AuditLog.Draft
    }

    public static func receive(
        _ checked: CheckedCitizenReport, kommunID: UUID, channel: CitizenChannel, retentionDays: Int,
        by actor: Actor, now: Date = TryggClock.now
    ) -> ReceivedTip {
        let token = RandomToken.make(length: 32)
        let report = CitizenReport(
            id: TimeOrderedUUID.make(now: now), kommunID: kommunID, publicNumber: nil, categoryID: checked.category.id,
            point: checked.point, areaID: checked.area?.id, place: checked.place, description: checked.description,
            timesOfDay: checked.timesOfDay, weekdays: checked.weekdays, gender: checked.gender, ageBand: checked.ageBand,
            email: checked.email, contactName: checked.contactName, mediaURL: checked.mediaURL, status: .received, answer: "",
            rejectReason: "", duplicateOf: nil, channel: channel, submittedAt: now, updatedAt: now,
            contactDeleteAfter: (checked.email != nil || checked.contactName != nil) ? now.addingTimeInterval(Double(retentionDays) * 86_400) : nil,
            incidentID: nil, insatsID: nil)
        // No contact details in the log: they must disappear with the report's retention period.
        let audit = AuditLog.Draft(
            actor: actor, action: "tog emot medborgarrapport", objectType: "medborgarrapport",
            objectID: report.id.uuidString, detail: "\(checked.category.name): \(checked.description)", kommunID: kommunID)
        return ReceivedTip(report: report, token: token, row: CitizenReportRow(report, tokenHash: SessionStore.hash(token)), audit: audit)
    }

    /// Inserts tips and their audit entries (inside the caller's transaction).
    static func insert(_ tips: [ReceivedTip], on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: "citizen_reports")
            .models(tips.map(\.row), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        try await AuditLog.recordAll(tips.map(\.audit), on: db)
    }

    /// Stores a checked report as received, in its own transaction.
    public func submit(
        _ checked: CheckedCitizenReport, channel: CitizenChannel, retentionDays: Int,
        by actor: Actor, now: Date = TryggClock.now
    ) async throws -> (report: CitizenReport, token: String) {
        let tip = Self.receive(checked, kommunID: kommunID, channel: channel, retentionDays: retentionDays, by: actor, now: now)
        try await db.transaction { db in try await Self.insert([tip], on: db) }
        return (tip.report, tip.token)
    }

    public func find(id: UUID) async throws -> CitizenReport? {
        try await sql.select().column("*").from("citizen_reports").where("id", .equal, id).where("kommun_id", .equal, kommunID)
            .first(decoding: CitizenReportRow.self, with: CitizenReportRow.decoder)?.record
    }

    /// The report a follow-up token belongs to, in the given kommun.
    public func find(token: String) async throws -> CitizenReport? {
        guard !token.isEmpty, token.count <= 64 else { return nil }
        return try await sql.select().column("*").from("citizen_reports").where("token_hash", .equal, SessionStore.hash(token))
            .where("kommun_id", .equal, kommunID).first(decoding: CitizenReportRow.self, with: CitizenReportRow.decoder)?.record
    }

    public struct Filter: Sendable {
        public var statuses: [CitizenReportStatus]?
        public var from: Date?
        public var until: Date?
        public var categoryIDs: [UUID]?
        public var publicNumbers: [Int]?
        /// The tips a resident sent from this address (any case), for her registerutdrag or erasure.
        public var email: String?
        public var limit: Int

        public init(
            statuses: [CitizenReportStatus]? = nil, from: Date? = nil, until: Date? = nil, categoryIDs: [UUID]? = nil,
            publicNumbers: [Int]? = nil, email: String? = nil, limit: Int = 200
        ) {
            self.statuses = statuses
            self.from = from
            self.until = until
            self.categoryIDs = categoryIDs
            self.publicNumbers = publicNumbers
            self.email = email
            self.limit = limit
        }
    }

    /// Newest first.
    public func list(filter: Filter) async throws -> [CitizenReport] {
        var query = sql.select().column("*").from("citizen_reports").where("kommun_id", .equal, kommunID)
        if let statuses = filter.statuses { query = query.where("status", .in, statuses.map(\.rawValue)) }
        if let from = filter.from { query = query.where("submitted_at", .greaterThanOrEqual, Int64(from.timeIntervalSince1970)) }
        if let until = filter.until { query = query.where("submitted_at", .lessThanOrEqual, Int64(until.timeIntervalSince1970)) }
        if let ids = filter.categoryIDs { query = query.where("category_id", .in, ids) }
        if let numbers = filter.publicNumbers { query = query.where("public_number", .in, numbers) }
        if let email = filter.email {
            query = query.where(SQLFunction("LOWER", args: SQLColumn("email")), .equal, SQLBind(email.trimmed.lowercased()))
        }
        return try await query.orderBy("submitted_at", .descending).limit(min(max(filter.limit, 1), 5_000))
            .all(decoding: CitizenReportRow.self, with: CitizenReportRow.decoder).map(\.record)
    }

    public func countByStatus() async throws -> [CitizenReportStatus: Int] {
        let rows = try await sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("citizen_reports").where("kommun_id", .equal, kommunID).groupBy("status").all()
        var counts: [CitizenReportStatus: Int] = [:]
        for row in rows {
            if let status = CitizenReportStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// Other reports within `metres` of this one's point, as candidates for "duplicate of".
    public func nearby(_ report: CitizenReport, metres: Double = 250) async throws -> [CitizenReport] {
        guard let point = report.point else { return [] }
        let latSpan = metres / 111_000, lonSpan = metres / (111_000 * cos(point.latitude * .pi / 180))
        return try await sql.select().column("*").from("citizen_reports").where("kommun_id", .equal, report.kommunID)
            .where("id", .notEqual, report.id).where("status", .in, ["inkommen", "publicerad", "avslutad"])
            .where("latitude", .greaterThanOrEqual, point.latitude - latSpan).where("latitude", .lessThanOrEqual, point.latitude + latSpan)
            .where("longitude", .greaterThanOrEqual, point.longitude - lonSpan).where("longitude", .lessThanOrEqual, point.longitude + lonSpan)
            .orderBy("submitted_at", .descending).limit(20)
            .all(decoding: CitizenReportRow.self, with: CitizenReportRow.decoder).map(\.record)
    }

    /// Writes a changed report with its audit entry, in one transaction. `change` may also write
    /// other tables (the EST event an approval creates). `previous` is the status the change was
    /// decided on: when another reviewer changed it meanwhile, nothing is written.
    func save(
        _ report: CitizenReport, from previous: CitizenReportStatus, action: String, detail: String, by actor: Actor,
        also change: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }
    ) async throws {
        var report = report
        report.updatedAt = TryggClock.now
        let row = report
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let updated = try await sql.update("citizen_reports")
                .set("public_number", to: row.publicNumber.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .set("category_id", to: row.categoryID).set("place", to: row.place).set("description", to: row.description)
                .set("status", to: row.status.rawValue).set("answer", to: row.answer).set("reject_reason", to: row.rejectReason)
                .set("duplicate_of", to: row.duplicateOf.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .set("incident_id", to: row.incidentID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .set("insats_id", to: row.insatsID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .set("updated_at", to: Int64(row.updatedAt.timeIntervalSince1970))
                .where("id", .equal, row.id).where("kommun_id", .equal, row.kommunID).where("status", .equal, previous.rawValue)
                .returning("id").all()
            guard !updated.isEmpty else {
                throw StoreError.invalid("Tipset har just ändrats av någon annan. Ladda om sidan och se dess nya status.")
            }
            try await change(sql)
            try await AuditLog.record(
                actor, action: action, objectType: "medborgarrapport", objectID: row.id.uuidString,
                detail: detail, kommunID: row.kommunID, on: db)
        }
    }

    /// The next public number of the kommun (1, 2, …), given at approval.
    func nextPublicNumber(kommunID: UUID) async throws -> Int {
        let row = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("public_number")), as: "n")
            .from("citizen_reports").where("kommun_id", .equal, kommunID).first()
        return (try row?.decode(column: "n", as: Int?.self) ?? 0) + 1
    }

    /// The update that deletes tips' contact details, when their time is up or the resident asks.
    static func erasingContact(on sql: any SQLDatabase) -> SQLUpdateBuilder {
        sql.update("citizen_reports").set("email", to: SQLLiteral.null).set("contact_name", to: SQLLiteral.null)
            .set("contact_delete_after", to: SQLLiteral.null)
    }

    /// Deletes contact details whose time is up, in every kommun (the nightly job). Returns how
    /// many reports lost them.
    @discardableResult
    public static func purgeExpiredContacts(in database: TryggDatabase, now: Date = TryggClock.now) async throws -> Int {
        let db = database.db
        let sql = db as! any SQLDatabase
        let cutoff = Int64(now.timeIntervalSince1970)
        let due = try await sql.select().column("id").column("kommun_id").from("citizen_reports")
            .where("contact_delete_after", .lessThanOrEqual, cutoff).all()
        guard !due.isEmpty else { return 0 }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await erasingContact(on: sql).where("contact_delete_after", .lessThanOrEqual, cutoff).run()
            let drafts = try due.map { row in
                AuditLog.Draft(
                    actor: Actor(userID: nil, kommunID: nil, label: "gallring", address: "lokal"),
                    action: "raderade kontaktuppgifter", objectType: "medborgarrapport",
                    objectID: try row.decode(column: "id", as: UUID.self).uuidString, detail: "lagringstiden har gått ut",
                    kommunID: try row.decode(column: "kommun_id", as: UUID.self))
            }
            for chunk in stride(from: 0, to: drafts.count, by: 200) {
                try await AuditLog.recordAll(Array(drafts[chunk..<min(chunk + 200, drafts.count)]), on: db)
            }
        }
        return due.count
    }
}

/// Group commit for residents' tips from the e-service and Open311.
public struct CitizenWriteQueue: Sendable {
    private let queue: GroupCommitQueue<CitizenStore.ReceivedTip>

    public init(database: TryggDatabase) {
        queue = GroupCommitQueue(database: database) { tips, db in try await CitizenStore.insert(tips, on: db) }
    }

    /// Returns once the tip is committed.
    public func store(_ tip: CitizenStore.ReceivedTip) async throws { try await queue.store(tip) }
}
