import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The kommun's lägesbild documents. A new version starts as a copy of the latest one; only a
/// draft changes; deciding a draft replaces the version decided before it (status `ersatt`), so
/// at most one version is in force. Every change is audited.
public struct LagesbildStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    struct Row: Codable {
        var id: UUID
        var version: Int
        var status: String
        var periodFrom: String
        var periodTo: String
        var mapping: String
        var otherInformation: String
        var analysis: String
        var criminalInfluence: String
        var policeAssessment: String
        /// Figure codes, comma-separated.
        var figures: String
        var decidedBy: String?
        var decidedOn: String?
        var diarienummer: String?
        var nextDue: String?
        /// Written, not read back.
        var kommunId: UUID?
        var updatedAt: Date?
    }

    struct ProblemRow: Codable {
        var id: UUID
        var lagesbildId: UUID
        var position: Int
        var title: String
        var area: String
        var reasons: String
        var victims: String
        var offenders: String
        var place: String
        var measureIds: String
        var noMeasureReason: String
        var kommunId: UUID?

        var problem: PrioritisedProblem {
            PrioritisedProblem(
                id: id, title: title, area: area, reasons: reasons.split(separator: ",").compactMap { PrioritisedProblem.Reason(rawValue: String($0)) },
                victims: victims, offenders: offenders, place: place,
                measureIDs: measureIds.split(separator: ",").compactMap { UUID(uuidString: String($0)) }, noMeasureReason: noMeasureReason)
        }
    }

    static let columns = [
        "id", "version", "status", "period_from", "period_to", "mapping", "other_information", "analysis", "criminal_influence",
        "police_assessment", "figures", "decided_by", "decided_on", "diarienummer", "next_due",
    ]

    private var sql: any SQLDatabase { db as! any SQLDatabase }
    private static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// Every version, newest first, without their problems.
    public func all() async throws -> [LagesbildDocument] {
        try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("lagesbilder").where("kommun_id", .equal, kommunID)
            .orderBy("version", .descending).all(decoding: Row.self, with: Self.decoder).map { Self.document($0, problems: []) }
    }

    public func find(id: UUID) async throws -> LagesbildDocument? {
        try await find(on: sql) { $0.where("id", .equal, id) }
    }

    /// A version by number, or the version in force (the latest decided) without one.
    public func find(version: Int?) async throws -> LagesbildDocument? {
        if let version { return try await find(on: sql) { $0.where("version", .equal, version) } }
        return try await find(on: sql) { $0.where("status", .equal, LagesbildDocument.Status.beslutad.rawValue) }
    }

    /// When the version in force says the next one is due; nil when none is decided. One small
    /// query: the start page asks on every visit.
    public func nextDueInForce() async throws -> String? {
        try await sql.select().column("next_due").from("lagesbilder").where("kommun_id", .equal, kommunID)
            .where("status", .equal, LagesbildDocument.Status.beslutad.rawValue).first()?.decode(column: "next_due", as: String?.self)
    }

    private func find(on sql: any SQLDatabase, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> LagesbildDocument? {
        guard
            let row = try await filter(sql.select().columns(Self.columns.map { SQLColumn($0) }).from("lagesbilder").where("kommun_id", .equal, kommunID))
                .first(decoding: Row.self, with: Self.decoder)
        else { return nil }
        let problems = try await sql.select().columns("*").from("lagesbild_problems").where("lagesbild_id", .equal, row.id)
            .where("kommun_id", .equal, kommunID).orderBy("position").all(decoding: ProblemRow.self, with: Self.decoder).map(\.problem)
        return Self.document(row, problems: problems)
    }

    static func document(_ row: Row, problems: [PrioritisedProblem]) -> LagesbildDocument {
        LagesbildDocument(
            id: row.id, version: row.version, status: LagesbildDocument.Status(rawValue: row.status) ?? .utkast, periodFrom: row.periodFrom,
            periodTo: row.periodTo,
            text: .init(
                mapping: row.mapping, otherInformation: row.otherInformation, analysis: row.analysis, criminalInfluence: row.criminalInfluence,
                policeAssessment: row.policeAssessment,
                figures: Set(row.figures.split(separator: ",").compactMap { LagesbildDocument.Figure(rawValue: String($0)) })),
            decision: row.decidedOn.map {
                .init(decidedBy: row.decidedBy ?? "", decidedOn: $0, diarienummer: row.diarienummer ?? "", nextDue: row.nextDue ?? "")
            },
            problems: problems)
    }

    /// A new draft for the period, starting from the latest version's text and problems.
    public func createDraft(periodFrom: String, periodTo: String, by actor: Actor) async throws -> LagesbildDocument {
        let problems = LagesbildRules.period(from: periodFrom, to: periodTo)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let latest = try await LagesbildStore(db: db, kommunID: kommunID).find(on: sql) { $0.orderBy("version", .descending) }
            if latest?.status == .utkast { throw StoreError.invalid("Det finns redan ett utkast (version \(latest!.version)). Arbeta vidare i det.") }
            let draft = LagesbildDocument(
                id: UUID(), version: (latest?.version ?? 0) + 1, status: .utkast, periodFrom: periodFrom, periodTo: periodTo,
                text: latest?.text ?? .init(),
                problems: (latest?.problems ?? []).map {
                    var copy = $0
                    copy.id = UUID()
                    return copy
                })
            try await sql.insert(into: "lagesbilder").model(
                Row(
                    id: draft.id, version: draft.version, status: draft.status.rawValue, periodFrom: periodFrom, periodTo: periodTo,
                    mapping: draft.text.mapping, otherInformation: draft.text.otherInformation, analysis: draft.text.analysis,
                    criminalInfluence: draft.text.criminalInfluence, policeAssessment: draft.text.policeAssessment,
                    figures: Self.figureCodes(draft.text.figures), kommunId: kommunID, updatedAt: TryggClock.now),
                keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
            ).run()
            for (position, problem) in draft.problems.enumerated() { try await insert(problem, position: position, into: draft.id, on: sql) }
            try await AuditLog.record(
                actor, action: "skapade lägesbild", objectType: "lägesbild", objectID: "version \(draft.version)",
                detail: "\(periodFrom) – \(periodTo)", kommunID: kommunID, on: db)
            return draft
        }
    }

    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    private func insert(_ problem: PrioritisedProblem, position: Int, into lagesbildID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "lagesbild_problems").model(
            ProblemRow(
                id: problem.id, lagesbildId: lagesbildID, position: position, title: problem.title, area: problem.area,
                reasons: problem.reasons.map(\.rawValue).joined(separator: ","), victims: problem.victims, offenders: problem.offenders,
                place: problem.place, measureIds: problem.measureIDs.map(\.uuidString).joined(separator: ","),
                noMeasureReason: problem.noMeasureReason, kommunId: kommunID), keyEncodingStrategy: .convertToSnakeCase
        ).run()
    }

    /// The draft, or why it cannot be changed.
    private func draft(_ id: UUID, on sql: any SQLDatabase) async throws -> LagesbildDocument {
        guard let document = try await find(on: sql, { $0.where("id", .equal, id) }) else { throw StoreError.notFound("Lägesbilden") }
        guard document.status == .utkast else {
            throw StoreError.invalid("Version \(document.version) är \(document.status.label.lowercased()) och kan inte ändras.")
        }
        return document
    }

    /// Saves the draft's period, section texts and figures. `seen` holds the fingerprints of the
    /// sections as the form showed them, keyed by the `Texts` field (`mapping`, `otherInformation`,
    /// `analysis`, `criminalInfluence`): a section someone else changed meanwhile is kept, one both
    /// changed is an `EditConflict` and nothing is written.
    public func saveTexts(
        _ texts: LagesbildDocument.Texts, periodFrom: String, periodTo: String, of id: UUID, seen: [String: String] = [:], by actor: Actor
    ) async throws {
        let problems = LagesbildRules.period(from: periodFrom, to: periodTo) + LagesbildRules.texts(texts)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let document = try await LagesbildStore(db: db, kommunID: kommunID).draft(id, on: sql)
            let stored = document.text
            let merged = try ConcurrentEdit.mergeAll([
                ("mapping", EditedText(texts.mapping, seen: seen["mapping"]), stored.mapping),
                ("otherInformation", EditedText(texts.otherInformation, seen: seen["otherInformation"]), stored.otherInformation),
                ("analysis", EditedText(texts.analysis, seen: seen["analysis"]), stored.analysis),
                ("criminalInfluence", EditedText(texts.criminalInfluence, seen: seen["criminalInfluence"]), stored.criminalInfluence),
            ])
            // The texts read above must still be the stored ones: a save that slipped in between
            // is a conflict too, not a silent overwrite.
            let updated = try await sql.update("lagesbilder").set("mapping", to: merged[0]).set("other_information", to: merged[1])
                .set("analysis", to: merged[2]).set("criminal_influence", to: merged[3])
                .set("figures", to: Self.figureCodes(texts.figures))
                .set("period_from", to: periodFrom).set("period_to", to: periodTo).set("updated_at", to: TryggClock.now)
                .where("id", .equal, id).where("kommun_id", .equal, kommunID)
                .where("mapping", .equal, stored.mapping).where("other_information", .equal, stored.otherInformation)
                .where("analysis", .equal, stored.analysis).where("criminal_influence", .equal, stored.criminalInfluence)
                .returning("id").all()
            guard !updated.isEmpty else { throw EditConflict(stored: [:]) }
            try await AuditLog.record(
                actor, action: "ändrade lägesbild", objectType: "lägesbild", objectID: "version \(document.version)", detail: "texterna",
                kommunID: kommunID, on: db)
        }
    }

    static func figureCodes(_ figures: Set<LagesbildDocument.Figure>) -> String {
        LagesbildDocument.Figure.allCases.filter(figures.contains).map(\.rawValue).joined(separator: ",")
    }

    /// The police's assessment of kriminell påverkan in a draft: the one part of it the police
    /// write. `seen` is the fingerprint of the text the form showed (see `saveTexts`).
    public func savePoliceAssessment(_ text: String, of id: UUID, seen: String? = nil, by actor: Actor) async throws {
        let problems = LagesbildRules.texts(.init(policeAssessment: text))
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let document = try await LagesbildStore(db: db, kommunID: kommunID).draft(id, on: sql)
            let stored = document.text.policeAssessment
            let merged = try ConcurrentEdit.mergeAll([("policeAssessment", EditedText(text, seen: seen), stored)])
            let updated = try await sql.update("lagesbilder").set("police_assessment", to: merged[0]).set("updated_at", to: TryggClock.now)
                .where("id", .equal, id).where("kommun_id", .equal, kommunID).where("police_assessment", .equal, stored)
                .returning("id").all()
            guard !updated.isEmpty else { throw EditConflict(stored: [:]) }
            try await AuditLog.record(
                actor, action: "ändrade lägesbild", objectType: "lägesbild", objectID: "version \(document.version)",
                detail: "polisens bedömning av kriminell påverkan", kommunID: kommunID, on: db)
        }
    }

    /// Adds a problem (`problem.id` not in the draft) or saves one. Measures must be of this kommun.
    /// `seen` holds the fingerprints of the problem's texts as the form showed them (`victims`,
    /// `offenders`, `place`; see `saveTexts`).
    public func saveProblem(_ problem: PrioritisedProblem, in id: UUID, seen: [String: String] = [:], by actor: Actor) async throws {
        let problems = LagesbildRules.problem(problem)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let document = try await LagesbildStore(db: db, kommunID: kommunID).draft(id, on: sql)
            if !problem.measureIDs.isEmpty {
                let known = try await sql.select().column(SQLColumn("id", table: "m")).from(SQLAlias(SQLIdentifier("plan_measures"), as: SQLIdentifier("m")))
                    .join(SQLAlias(SQLIdentifier("plans"), as: SQLIdentifier("p")), on: SQLColumn("plan_id", table: "m"), .equal, SQLColumn("id", table: "p"))
                    .where(SQLColumn("kommun_id", table: "p"), .equal, SQLBind(kommunID))
                    .where(SQLColumn("id", table: "m"), .in, SQLBind.group(problem.measureIDs)).all().count
                guard known == Set(problem.measureIDs).count else { throw StoreError.invalid("En vald åtgärd finns inte i kommunens planer.") }
            }
            if let position = document.problems.firstIndex(where: { $0.id == problem.id }) {
                let stored = document.problems[position]
                let merged = try ConcurrentEdit.mergeAll([
                    ("victims", EditedText(problem.victims, seen: seen["victims"]), stored.victims),
                    ("offenders", EditedText(problem.offenders, seen: seen["offenders"]), stored.offenders),
                    ("place", EditedText(problem.place, seen: seen["place"]), stored.place),
                ])
                var changed = problem
                (changed.victims, changed.offenders, changed.place) = (merged[0], merged[1], merged[2])
                try await sql.delete(from: "lagesbild_problems").where("id", .equal, problem.id).where("kommun_id", .equal, kommunID).run()
                try await LagesbildStore(db: db, kommunID: kommunID).insert(changed, position: position, into: id, on: sql)
            } else {
                var added = problem
                added.id = UUID()
                try await LagesbildStore(db: db, kommunID: kommunID).insert(added, position: document.problems.count, into: id, on: sql)
            }
            try await AuditLog.record(
                actor, action: "sparade prioriterat problem", objectType: "lägesbild", objectID: "version \(document.version)",
                detail: problem.title, kommunID: kommunID, on: db)
        }
    }

    public func removeProblem(_ problemID: UUID, from id: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let document = try await LagesbildStore(db: db, kommunID: kommunID).draft(id, on: sql)
            guard let problem = document.problems.first(where: { $0.id == problemID }) else { throw StoreError.notFound("Problemet") }
            try await sql.delete(from: "lagesbild_problems").where("id", .equal, problemID).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "tog bort prioriterat problem", objectType: "lägesbild", objectID: "version \(document.version)",
                detail: problem.title, kommunID: kommunID, on: db)
        }
    }

    /// Decides the draft; the version in force until now becomes `ersatt`.
    public func decide(_ id: UUID, decision: LagesbildDocument.Decision, by actor: Actor) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            guard let document = try await LagesbildStore(db: db, kommunID: kommunID).find(on: sql, { $0.where("id", .equal, id) }) else {
                throw StoreError.notFound("Lägesbilden")
            }
            var problems = LagesbildRules.decision(document, decision: decision, today: SwedishTime.date(TryggClock.now))
            // One version is in force at a time: a later version cannot be decided before it.
            if let inForce = try await LagesbildStore(db: db, kommunID: kommunID).find(
                on: sql,
                {
                    $0.where("status", .equal, LagesbildDocument.Status.beslutad.rawValue)
                }), let decidedOn = inForce.decision?.decidedOn, decision.decidedOn < decidedOn
            {
                problems.append("Version \(inForce.version) gäller sedan \(decidedOn); en senare version kan inte beslutas före den.")
            }
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: "\n")) }
            try await sql.update("lagesbilder").set("status", to: LagesbildDocument.Status.ersatt.rawValue)
                .where("kommun_id", .equal, kommunID).where("status", .equal, LagesbildDocument.Status.beslutad.rawValue).run()
            try await sql.update("lagesbilder").set("status", to: LagesbildDocument.Status.beslutad.rawValue)
                .set("decided_by", to: decision.decidedBy).set("decided_on", to: decision.decidedOn)
                .set("diarienummer", to: decision.diarienummer).set("next_due", to: decision.nextDue).set("updated_at", to: TryggClock.now)
                .where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "beslutade lägesbild", objectType: "lägesbild", objectID: "version \(document.version)",
                detail: "\(decision.decidedBy) \(decision.decidedOn) \(decision.diarienummer); nästa senast \(decision.nextDue)",
                kommunID: kommunID, on: db)
        }
    }
}
