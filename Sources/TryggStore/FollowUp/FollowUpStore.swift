import FluentKit
import Foundation
import TryggCore

/// The yearly follow-up: rounds, answers per measure and responsible organisation, returns
/// for completion, closing.
public struct FollowUpStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    @discardableResult
    public func open(planID: UUID, deadline: String, by actor: Actor) async throws -> FollowUpRound {
        guard StockholmCalendar.isDate(deadline) else { throw StoreError.invalid("Ange sista svarsdag som ÅÅÅÅ-MM-DD.") }
        return try await db.transaction { db in
            guard let plan = try await PlanModel.query(on: db).filter(\.$id == planID).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Planen")
            }
            guard plan.status == ActionPlan.Status.antagen.rawValue else {
                throw StoreError.invalid("Bara en antagen plan kan följas upp. Anta planen först.")
            }
            // One round per plan year: a second round would split the year's answers in two.
            if let existing = try await FollowUpRoundModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$year == plan.year).first() {
                throw existing.state == FollowUpRound.State.open.rawValue
                    ? StoreError.duplicate("En öppen uppföljning för \(plan.year)")
                    : StoreError.invalid("Uppföljningen av \(plan.year) är redan gjord och stängd. En plan följs upp en gång per år.")
            }
            let round = FollowUpRoundModel()
            round.kommunID = kommunID
            round.planID = planID
            round.year = plan.year
            round.deadline = deadline
            round.state = FollowUpRound.State.open.rawValue
            round.assessment = ""
            try await round.create(on: db)
            try await AuditLog.record(
                actor, action: "öppnade uppföljning", objectType: "uppföljning", objectID: "\(plan.year)",
                detail: "sista svarsdag \(deadline)", kommunID: kommunID, on: db)
            return round.record
        }
    }

    public func rounds() async throws -> [FollowUpRound] {
        try await FollowUpRoundModel.query(on: db).filter(\.$kommunID == kommunID).sort(\.$year, .descending)
            .sort(\.$createdAt, .descending).all().map(\.record)
    }

    public func round(id: UUID) async throws -> FollowUpRound? {
        try await FollowUpRoundModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()?.record
    }

    public func answers(roundID: UUID) async throws -> [FollowUpAnswer] {
        try await FollowUpAnswerModel.query(on: db).filter(\.$roundID == roundID).filter(\.$kommunID == kommunID).all().map(\.record)
    }

    /// Every answer given for these measures (a measure and the ones it was copied from), with
    /// the year of its round, newest year first: the measure's follow-up history.
    public func answers(measureIDs: [UUID]) async throws -> [(year: Int, answer: FollowUpAnswer)] {
        guard !measureIDs.isEmpty else { return [] }
        let years = Dictionary(try await rounds().map { ($0.id, $0.year) }, uniquingKeysWith: { a, _ in a })
        return try await FollowUpAnswerModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$measureID ~~ measureIDs).all()
            .compactMap { model in years[model.roundID].map { ($0, model.record) } }
            .sorted { ($0.year, $0.answer.updatedAt) > ($1.year, $1.answer.updatedAt) }
    }

    /// The säkerhetschef's assessment of the round, at most 4,000 characters; open or closed.
    /// `seen` is the fingerprint of the assessment the form showed (see `ConcurrentEdit`).
    public func saveAssessment(_ text: String, roundID: UUID, seen: String? = nil, by actor: Actor) async throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= FollowUpRules.maxDescriptionLength else {
            throw StoreError.invalid("Bedömningen får vara högst \(FollowUpRules.maxDescriptionLength) tecken (nu \(text.count)).")
        }
        if let message = TextInput.message(for: text, field: "Bedömningen") { throw StoreError.invalid(message) }
        try await db.transaction { db in
            guard let round = try await FollowUpRoundModel.query(on: db).filter(\.$id == roundID).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Uppföljningen")
            }
            guard let merged = ConcurrentEdit.merge(EditedText(text, seen: seen), stored: round.assessment) else {
                throw EditConflict(stored: ["assessment": round.assessment])
            }
            round.assessment = merged
            try await round.save(on: db)
            try await AuditLog.record(
                actor, action: "skrev bedömning av uppföljning", objectType: "uppföljning", objectID: "\(round.year)",
                detail: String(text.prefix(300)), kommunID: kommunID, on: db)
        }
    }

    /// Saves an organisation's answer for a measure it is responsible for.
    public func submit(
        roundID: UUID, measureID: UUID, organisationID: UUID, status: FollowUpStatus,
        description: String, seen: String? = nil, by actor: Actor
    ) async throws {
        let description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else {
            throw StoreError.invalid("Beskriv utvecklingen: vad har hänt, och vilka förutsättningar finns eller saknas?")
        }
        guard description.count <= FollowUpRules.maxDescriptionLength else {
            throw StoreError.invalid("Beskrivningen är \(description.count) tecken; högst \(FollowUpRules.maxDescriptionLength) tillåts.")
        }
        try await db.transaction { db in
            let round = try await Self.openRound(roundID, kommunID: kommunID, on: db)
            guard
                let measure = try await MeasureModel.query(on: db).filter(\.$id == measureID).filter(\.$planID == round.planID)
                    .filter(\.$kommunID == kommunID).first(),
                try await MeasureOrganisationModel.query(on: db).filter(\.$measureID == measureID)
                    .filter(\.$organisationID == organisationID).first() != nil
            else { throw StoreError.notFound("Åtgärden för din organisation") }
            let existing = try await FollowUpAnswerModel.query(on: db).filter(\.$roundID == roundID).filter(\.$measureID == measureID)
                .filter(\.$organisationID == organisationID).first()
            // Two officers of one organisation may answer the same measure: `seen` is the
            // fingerprint of the answer the form showed (see `ConcurrentEdit`).
            let stored = existing?.description ?? ""
            guard let merged = ConcurrentEdit.merge(EditedText(description, seen: seen), stored: stored) else {
                throw EditConflict(stored: ["description": stored])
            }
            let answer = existing ?? FollowUpAnswerModel()
            answer.roundID = roundID
            answer.kommunID = kommunID
            answer.measureID = measureID
            answer.organisationID = organisationID
            answer.status = status.rawValue
            answer.description = merged
            answer.state = FollowUpAnswer.State.submitted.rawValue
            answer.returnComment = ""
            answer.answeredBy = actor.label
            answer.updatedAt = TryggClock.now
            try await answer.save(on: db)
            try await AuditLog.record(
                actor, action: "svarade i uppföljning", objectType: "åtgärd",
                objectID: "\(measure.groupNumber).\(measure.position)", detail: "\(round.year): \(status.rawValue)",
                kommunID: kommunID, on: db)
        }
    }

    public func returnForCompletion(
        roundID: UUID, measureID: UUID, organisationID: UUID, comment: String,
        by actor: Actor
    ) async throws {
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty, comment.count <= 1_000 else { throw StoreError.invalid("Skriv vad som behöver kompletteras (högst 1 000 tecken).") }
        try await db.transaction { db in
            let round = try await Self.openRound(roundID, kommunID: kommunID, on: db)
            guard
                let answer = try await FollowUpAnswerModel.query(on: db).filter(\.$roundID == roundID).filter(\.$kommunID == kommunID)
                    .filter(\.$measureID == measureID).filter(\.$organisationID == organisationID).first()
            else {
                throw StoreError.notFound("Svaret")
            }
            answer.state = FollowUpAnswer.State.returned.rawValue
            answer.returnComment = comment
            try await answer.save(on: db)
            try await AuditLog.record(
                actor, action: "skickade tillbaka svar för komplettering", objectType: "uppföljning",
                objectID: "\(round.year)", detail: comment, kommunID: kommunID, on: db)
        }
    }

    public func close(roundID: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            let round = try await Self.openRound(roundID, kommunID: kommunID, on: db)
            round.state = FollowUpRound.State.closed.rawValue
            round.closedAt = TryggClock.now
            try await round.save(on: db)
            try await AuditLog.record(
                actor, action: "stängde uppföljning", objectType: "uppföljning", objectID: "\(round.year)",
                kommunID: kommunID, on: db)
        }
    }

    static func openRound(_ id: UUID, kommunID: UUID, on db: any Database) async throws -> FollowUpRoundModel {
        guard let round = try await FollowUpRoundModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
            throw StoreError.notFound("Uppföljningen")
        }
        guard round.state == FollowUpRound.State.open.rawValue else {
            throw StoreError.invalid("Uppföljningen för \(round.year) är stängd.")
        }
        return round
    }

}
