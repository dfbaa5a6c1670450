import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's LOS insatser (and the ROS insatser it shares with another kommun), who takes part
/// in each, and the kommun's LOS settings. Every change is audited.
public struct InspectionStore: Sendable {
    let db: any Database
    let database: TryggDatabase

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        database = scope.database
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The code of the sharing agreement two kommuner make for ROS.
    public static let rosCode = "LOS"

    static let columns = ["id", "kommun_id", "partner_kommun_id", "title", "date", "status", "lead_id", "area_id", "note"]

    static func inspection(_ row: any SQLRow) throws -> JointInspection {
        JointInspection(
            id: try row.decode(column: "id", as: UUID.self), kommunID: try row.decode(column: "kommun_id", as: UUID.self),
            partnerKommunID: try row.decode(column: "partner_kommun_id", as: UUID?.self), title: try row.decode(column: "title", as: String.self),
            date: try row.decode(column: "date", as: String.self),
            status: JointInspection.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            leadID: try row.decode(column: "lead_id", as: UUID.self), areaID: try row.decode(column: "area_id", as: UUID?.self),
            note: try row.decode(column: "note", as: String.self))
    }

    /// The kommuner this kommun has an ROS agreement in force with.
    public func rosPartners() async throws -> Set<UUID> {
        let now = TryggClock.now
        return Set(
            try await SharingStore(KommunScope(database, kommunID: kommunID)).all()
                .filter { $0.subject == .ros && $0.subjectCode == Self.rosCode && $0.state(at: now) == .active }.map { $0.other(than: kommunID) })
    }

    /// The kommun's own insatser and the ROS insatser another kommun shares with it while their
    /// agreement is in force; a year's (or all), in date order.
    public func inspections(year: Int? = nil) async throws -> [JointInspection] {
        let partners = try await rosPartners()
        var query = sql.select().columns(Self.columns).from("los_inspections")
            .where { $0.where("kommun_id", .equal, kommunID).orWhere("partner_kommun_id", .equal, kommunID) }
        if let year { query = query.where("date", .like, String(format: "%04d-%%", year)) }
        return try await query.orderBy("date").orderBy("id").all().map(Self.inspection).filter { visible($0, partners: partners) }
    }

    func visible(_ inspection: JointInspection, partners: Set<UUID>) -> Bool {
        if inspection.kommunID == kommunID { return true }
        return inspection.partnerKommunID == kommunID && partners.contains(inspection.kommunID)
    }

    public func find(id: UUID) async throws -> JointInspection? {
        guard
            let inspection = try await sql.select().columns(Self.columns).from("los_inspections").where("id", .equal, id)
                .where { $0.where("kommun_id", .equal, kommunID).orWhere("partner_kommun_id", .equal, kommunID) }.first().map(Self.inspection)
        else { return nil }
        return visible(inspection, partners: try await rosPartners()) ? inspection : nil
    }

    /// Plans an insats (`id` nil) or saves one of the kommun's own, with this kommun's
    /// participating organisations; an ROS insats needs an agreement in force with the partner.
    @discardableResult
    public func save(_ inspection: JointInspection, participants: Set<UUID>, id: UUID?, by actor: Actor) async throws -> JointInspection {
        var saved = inspection
        saved.title = saved.title.trimmingCharacters(in: .whitespacesAndNewlines)
        saved.note = saved.note.trimmingCharacters(in: .whitespacesAndNewlines)
        saved.kommunID = kommunID
        var problems = saved.problems()
        let organisations = Set(try await OrganisationStore(KommunScope(database, kommunID: kommunID)).organisations().map(\.id))
        if !organisations.contains(saved.leadID) { problems.append("Välj vilken organisation som leder insatsen.") }
        if participants.isEmpty { problems.append("Välj minst en deltagande myndighet eller förvaltning.") }
        if !participants.isSubset(of: organisations) { problems.append("En vald deltagare finns inte bland kommunens organisationer.") }
        if let area = saved.areaID, try await ForumStore(db: db, kommunID: kommunID).count("areas", ids: [area]) != 1 {
            problems.append("Området finns inte i kommunen.")
        }
        if let partner = saved.partnerKommunID, !(try await rosPartners()).contains(partner) {
            problems.append("Det finns inget gällande ROS-avtal med den kommunen. En gemensam insats kräver att båda kommunerna har godkänt delningen.")
        }
        var existing: JointInspection?
        if let id {
            existing = try await find(id: id)
            guard let existing, existing.kommunID == kommunID else { throw StoreError.notFound("Insatsen") }
            if existing.partnerKommunID != nil && saved.partnerKommunID != existing.partnerKommunID {
                problems.append("En gemensam ROS-insats kan inte byta partnerkommun.")
            }
        }
        let removed = try await participantsWithFindings(id).subtracting(participants)
        if !removed.isEmpty { problems.append("En organisation som redan har registrerat iakttagelser kan inte tas bort från insatsen.") }
        var kept: Set<UUID> = []
        if let existing { kept = try await self.participants(inspectionID: existing.id).union([existing.leadID]) }
        if let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice(participants.union([saved.leadID]), kept: kept) {
            problems.append(retired)
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        saved.id = id ?? UUID()
        let record = saved
        let isNew = existing == nil
        let now = TryggClock.now
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "los_inspections")
                    .columns("id", "kommun_id", "partner_kommun_id", "title", "date", "status", "lead_id", "area_id", "note", "updated_at")
                    .values(
                        SQLBind(record.id), SQLBind(kommunID), SQLBind(record.partnerKommunID), SQLBind(record.title), SQLBind(record.date),
                        SQLBind(record.status.rawValue), SQLBind(record.leadID), SQLBind(record.areaID), SQLBind(record.note), SQLBind(now)
                    ).run()
            } else {
                try await sql.update("los_inspections").set("partner_kommun_id", to: record.partnerKommunID).set("title", to: record.title)
                    .set("date", to: record.date).set("status", to: record.status.rawValue).set("lead_id", to: record.leadID)
                    .set("area_id", to: record.areaID).set("note", to: record.note).set("updated_at", to: now)
                    .where("id", .equal, record.id).where("kommun_id", .equal, kommunID).run()
            }
            try await Self.replaceParticipants(record.id, participants, kommunID: kommunID, on: sql)
            try await AuditLog.record(
                actor, action: isNew ? "planerade LOS-insats" : "ändrade LOS-insats", objectType: "los-insats", objectID: record.id.uuidString,
                detail: "\(record.date) \(record.title) (\(record.status.displayName), \(participants.count) deltagare)", kommunID: kommunID, on: db)
        }
        return record
    }

    /// The partner kommun of an ROS insats names which of its own organisations take part.
    public func saveParticipants(inspectionID: UUID, _ participants: Set<UUID>, by actor: Actor) async throws {
        guard let inspection = try await find(id: inspectionID) else { throw StoreError.notFound("Insatsen") }
        let organisations = Set(try await OrganisationStore(KommunScope(database, kommunID: kommunID)).organisations().map(\.id))
        var problems: [String] = []
        if participants.isEmpty { problems.append("Välj minst en deltagande myndighet eller förvaltning.") }
        if !participants.isSubset(of: organisations) { problems.append("En vald deltagare finns inte bland kommunens organisationer.") }
        if !(try await participantsWithFindings(inspectionID).subtracting(participants)).isEmpty {
            problems.append("En organisation som redan har registrerat iakttagelser kan inte tas bort från insatsen.")
        }
        let kept = try await self.participants(inspectionID: inspectionID)
        if let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice(participants, kept: kept) { problems.append(retired) }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        try await db.transaction { db in
            try await Self.replaceParticipants(inspectionID, participants, kommunID: kommunID, on: db as! any SQLDatabase)
            try await AuditLog.record(
                actor, action: "ändrade deltagare i LOS-insats", objectType: "los-insats", objectID: inspectionID.uuidString,
                detail: "\(inspection.title): \(participants.count) deltagare", kommunID: kommunID, on: db)
        }
    }

    static func replaceParticipants(_ inspectionID: UUID, _ participants: Set<UUID>, kommunID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "los_participants").where("inspection_id", .equal, inspectionID).where("kommun_id", .equal, kommunID).run()
        for organisation in participants.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await sql.insert(into: "los_participants").columns("id", "inspection_id", "kommun_id", "organisation_id")
                .values(SQLBind(UUID()), SQLBind(inspectionID), SQLBind(kommunID), SQLBind(organisation)).run()
        }
    }

    /// This kommun's participating organisations of an insats.
    public func participants(inspectionID: UUID) async throws -> Set<UUID> {
        Set(
            try await sql.select().column("organisation_id").from("los_participants").where("inspection_id", .equal, inspectionID)
                .where("kommun_id", .equal, kommunID).all().map { try $0.decode(column: "organisation_id", as: UUID.self) })
    }

    /// This kommun's participants of every insats it sees (for the calendar).
    public func participantsByInspection(_ ids: [UUID]) async throws -> [UUID: Set<UUID>] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: Set<UUID>] = [:]
        for row in try await sql.select().columns("inspection_id", "organisation_id").from("los_participants").where("inspection_id", .in, ids)
            .where("kommun_id", .equal, kommunID).all()
        {
            result[try row.decode(column: "inspection_id", as: UUID.self), default: []].insert(try row.decode(column: "organisation_id", as: UUID.self))
        }
        return result
    }

    func participantsWithFindings(_ inspectionID: UUID?) async throws -> Set<UUID> {
        guard let inspectionID else { return [] }
        return Set(
            try await sql.select().column(SQLColumn("organisation_id", table: "los_findings")).from("los_findings")
                .join("los_visits", on: SQLColumn("id", table: "los_visits"), .equal, SQLColumn("visit_id", table: "los_findings"))
                .where(SQLColumn("inspection_id", table: "los_visits"), .equal, SQLBind(inspectionID))
                .where(SQLColumn("kommun_id", table: "los_findings"), .equal, SQLBind(kommunID)).all()
                .map { try $0.decode(column: "organisation_id", as: UUID.self) })
    }

    // MARK: Settings

    /// Who takes part and who sees the company data; the seeds' LOS network and the A-krim
    /// authorities, with samordnare and analytiker, until the kommun decides otherwise.
    public func access() async throws -> InspectionAccess {
        if let row = try await sql.select().columns("roles", "participants").from("los_settings").where("kommun_id", .equal, kommunID).first() {
            let decoder = JSONDecoder()
            let roles = try decoder.decode([String].self, from: Data(try row.decode(column: "roles", as: String.self).utf8)).compactMap { Role(rawValue: $0) }
            let participants = try decoder.decode([UUID].self, from: Data(try row.decode(column: "participants", as: String.self).utf8))
            return InspectionAccess(roles: Set(roles), participants: Set(participants))
        }
        let organisations = try await OrganisationStore(KommunScope(database, kommunID: kommunID)).organisations()
        let defaults = Set(InspectionAccess.defaultParticipants)
        return InspectionAccess(roles: InspectionAccess.defaultRoles, participants: Set(organisations.filter { defaults.contains($0.abbreviation) }.map(\.id)))
    }

    public func saveAccess(_ access: InspectionAccess, by actor: Actor) async throws {
        let organisations = Set(try await OrganisationStore(KommunScope(database, kommunID: kommunID)).organisations().map(\.id))
        guard access.participants.isSubset(of: organisations) else { throw StoreError.invalid("En vald deltagare finns inte bland kommunens organisationer.") }
        guard access.roles.contains(.samordnare) else { throw StoreError.invalid("Samordnaren måste kunna se LOS-uppgifterna.") }
        guard access.roles.isDisjoint(with: [.admin, .rapportor]) else {
            throw StoreError.invalid("Administratörer och rapportörer kan inte ges tillgång till företagsuppgifterna.")
        }
        let encoder = JSONEncoder()
        let roles = String(decoding: try encoder.encode(access.roles.map(\.rawValue).sorted()), as: UTF8.self)
        let participants = String(decoding: try encoder.encode(access.participants.sorted { $0.uuidString < $1.uuidString }), as: UTF8.self)
        let audit = AuditLog.Draft(
            actor: actor, action: "ändrade LOS-inställningar", objectType: "los", objectID: "inställningar",
            detail: "roller: \(access.roles.map(\.displayName).sorted().joined(separator: ", ")); \(access.participants.count) deltagande organisationer",
            kommunID: kommunID)
        try await KommunSettingsRow.replace(in: "los_settings", kommunID: kommunID, on: db, audit: audit) { [kommunID] in
            $0.columns("kommun_id", "roles", "participants").values(SQLBind(kommunID), SQLBind(roles), SQLBind(participants))
        }
    }
}
