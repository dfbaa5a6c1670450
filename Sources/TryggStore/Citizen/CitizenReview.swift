import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The samordnare's review of residents' reports. Every step is audited; the original text of an
/// edited report survives only in the audit trail.
extension CitizenStore {
    /// What a reviewer may change before or after approval.
    public struct Edit: Sendable {
        public var categoryID: UUID
        public var place: String
        public var description: String

        public init(categoryID: UUID, place: String, description: String) {
            self.categoryID = categoryID
            self.place = place
            self.description = description
        }
    }

    func require(_ id: UUID, kommunID: UUID, in statuses: Set<CitizenReportStatus>, doing what: String) async throws -> CitizenReport {
        guard let report = try await find(id: id) else { throw StoreError.notFound("Rapporten") }
        guard statuses.contains(report.status) else {
            throw StoreError.invalid("Rapporten är \(report.status.displayName.lowercased()) och kan inte \(what).")
        }
        return report
    }

    /// Publishes the report and makes it an EST event of its own source ("Medborgare"), so it
    /// appears in the weekly lägesbild.
    @discardableResult
    public func approve(id: UUID, edit: Edit?, by actor: Actor) async throws -> CitizenReport {
        let received = try await require(id, kommunID: kommunID, in: [.received], doing: "publiceras")
        // Two approvals at the same moment may pick the same number; the unique index stops the
        // second, which then takes the next one.
        for attempt in 1...3 {
            var report = received
            report.publicNumber = try await nextPublicNumber(kommunID: kommunID)
            var detail = "publicerad som nr \(report.publicNumber!)"
            if let edit {
                detail += Self.editDetail(before: report, after: edit)
                apply(edit, to: &report)
            }
            report.status = .approved
            let incident = Incident(
                id: TimeOrderedUUID.make(), kommunID: kommunID, categoryID: report.categoryID, subcategory: "", occurredAt: report.submittedAt,
                endedAt: nil, precision: .approximate, point: report.point, areaID: report.areaID, place: report.place,
                description: report.description, organisationID: nil, reporterID: nil, source: .citizen, createdAt: TryggClock.now, updatedAt: TryggClock.now)
            report.incidentID = incident.id
            do {
                try await save(report, from: .received, action: "publicerade medborgarrapport", detail: detail, by: actor) { sql in
                    try await sql.insert(into: "incidents").columns(IncidentStore.columns).values(IncidentStore.values(incident)).run()
                }
                return report
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 3 {
                continue
            }
        }
        throw StoreError.invalid("Tipset kunde inte få ett nummer; försök igen.")
    }

    /// Removes names and other personal data. The text before the change is written to the audit
    /// log only; the linked EST event follows the edit.
    @discardableResult
    public func edit(id: UUID, edit: Edit, by actor: Actor) async throws -> CitizenReport {
        var report = try await require(id, kommunID: kommunID, in: [.received, .approved, .closed], doing: "ändras")
        let previous = report.status
        let detail = Self.editDetail(before: report, after: edit)
        apply(edit, to: &report)
        let changed = report
        try await save(report, from: previous, action: "redigerade medborgarrapport", detail: detail, by: actor) { sql in
            guard let incidentID = changed.incidentID else { return }
            try await sql.update("incidents").set("category_id", to: changed.categoryID).set("place", to: changed.place)
                .set("description", to: changed.description).set("updated_at", to: Int64(TryggClock.now.timeIntervalSince1970))
                .where("id", .equal, incidentID).where("kommun_id", .equal, changed.kommunID).run()
        }
        return report
    }

    public func reject(id: UUID, reason: String, by actor: Actor) async throws {
        var report = try await require(id, kommunID: kommunID, in: [.received], doing: "avvisas")
        let previous = report.status
        report.status = .rejected
        report.rejectReason = reason
        try await save(report, from: previous, action: "avvisade medborgarrapport", detail: reason, by: actor)
    }

    public func markDuplicate(id: UUID, of originalID: UUID, by actor: Actor) async throws {
        var report = try await require(id, kommunID: kommunID, in: [.received], doing: "markeras som dubblett")
        let previous = report.status
        guard originalID != id, let original = try await find(id: originalID) else {
            throw StoreError.notFound("Rapporten den skulle vara dubblett av")
        }
        report.status = .duplicate
        report.duplicateOf = original.id
        try await save(
            report, from: previous, action: "markerade medborgarrapport som dubblett",
            detail: "dubblett av \(original.publicNumber.map { "nr \($0)" } ?? original.id.uuidString)", by: actor)
    }

    /// The kommun's answer, shown to the reporter on the follow-up page. `seen` is the form's
    /// fingerprint of the answer it showed: two reviewers answering at once do not overwrite
    /// each other unseen (see `ConcurrentEdit`).
    public func answer(id: UUID, text: String, seen: String? = nil, by actor: Actor) async throws {
        var report = try await require(id, kommunID: kommunID, in: Set(CitizenReportStatus.allCases), doing: "besvaras")
        let previous = report.status
        report.answer = try ConcurrentEdit.mergeAll([("svar", EditedText(text, seen: seen), report.answer)])[0]
        try await save(report, from: previous, action: "svarade på medborgarrapport", detail: text, by: actor)
    }

    public func close(id: UUID, by actor: Actor) async throws {
        var report = try await require(id, kommunID: kommunID, in: [.approved], doing: "avslutas")
        let previous = report.status
        report.status = .closed
        try await save(report, from: previous, action: "avslutade medborgarrapport", detail: "", by: actor)
    }

    /// Staff vouch for the report: its EST event becomes an ordinary EST report of their organisation.
    public func makeESTEvent(id: UUID, organisationID: UUID, reporterID: UUID?, by actor: Actor) async throws {
        let report = try await require(id, kommunID: kommunID, in: [.approved, .closed], doing: "göras till EST-händelse")
        let previous = report.status
        guard let incidentID = report.incidentID else { throw StoreError.notFound("EST-händelsen") }
        try await save(report, from: previous, action: "gjorde medborgarrapport till EST-händelse", detail: "händelse \(incidentID.uuidString)", by: actor) {
            sql in
            try await sql.update("incidents").set("source", to: IncidentSource.est.rawValue).set("organisation_id", to: organisationID)
                .set("reporter_id", to: reporterID.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null)
                .where("id", .equal, incidentID).where("kommun_id", .equal, kommunID).run()
        }
    }

    public func linkInsats(id: UUID, insatsID: UUID, by actor: Actor) async throws {
        var report = try await require(id, kommunID: kommunID, in: Set(CitizenReportStatus.allCases), doing: "kopplas till en insats")
        let previous = report.status
        report.insatsID = insatsID
        try await save(report, from: previous, action: "kopplade medborgarrapport till insats", detail: insatsID.uuidString, by: actor)
    }

    private func apply(_ edit: Edit, to report: inout CitizenReport) {
        report.categoryID = edit.categoryID
        report.place = edit.place
        report.description = edit.description
    }

    static func editDetail(before: CitizenReport, after: Edit) -> String {
        guard before.place != after.place || before.description != after.description || before.categoryID != after.categoryID else { return "" }
        return "\nföre: \(before.place) | \(before.description)\nefter: \(after.place) | \(after.description)"
    }

    /// Deletes the resident's contact details now, when she asks (the privacy page promises it);
    /// the tip itself stays. The retention job does the same when the time is up.
    public func eraseContact(id: UUID, asked how: String = "på begäran av den som tipsade", by actor: Actor) async throws {
        guard let report = try await find(id: id) else { throw StoreError.notFound("Rapporten") }
        guard report.hasContact else { throw StoreError.invalid("Tipset har inga kontaktuppgifter kvar.") }
        try await db.transaction { db in
            try await Self.erasingContact(on: db as! any SQLDatabase).where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "raderade kontaktuppgifter", objectType: "medborgarrapport", objectID: id.uuidString,
                detail: how, kommunID: kommunID, on: db)
        }
    }
}
