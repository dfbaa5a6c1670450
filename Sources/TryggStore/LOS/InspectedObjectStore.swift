import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The businesses a kommun has inspected, their visits at LOS insatser and each authority's
/// findings. Company data is sensitive: every read of an object is audited, as is every change.
public struct InspectedObjectStore: Sendable {
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

    /// One object at one insats with what each authority recorded there.
    public struct Visit: Sendable, Equatable {
        public let id: UUID
        public let inspectionID: UUID
        public let kommunID: UUID
        public let object: InspectedObject
        public let findings: [InspectionFinding]
    }

    static let objectColumns = ["id", "name", "org_number", "address", "latitude", "longitude", "branch"]

    static func object(_ row: any SQLRow, prefix: String = "") throws -> InspectedObject {
        let latitude = try row.decode(column: prefix + "latitude", as: Double?.self)
        let longitude = try row.decode(column: prefix + "longitude", as: Double?.self)
        return InspectedObject(
            id: try row.decode(column: prefix + "id", as: UUID.self), name: try row.decode(column: prefix + "name", as: String.self),
            orgNumber: try row.decode(column: prefix + "org_number", as: String.self), address: try row.decode(column: prefix + "address", as: String.self),
            point: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
            branch: InspectedObject.Branch(rawValue: try row.decode(column: prefix + "branch", as: String.self)) ?? .annat)
    }

    func audit(_ actor: Actor, _ action: String, objectID: String, detail: String, on db: any Database) async throws {
        try await AuditLog.record(actor, action: action, objectType: "los-objekt", objectID: objectID, detail: detail, kommunID: kommunID, on: db)
    }

    /// Every object of the kommun, by name; the read is audited.
    public func objects(by actor: Actor) async throws -> [InspectedObject] {
        let objects = try await sql.select().columns(Self.objectColumns).from("los_objects").where("kommun_id", .equal, kommunID)
            .orderBy("name").orderBy("id").all().map { try Self.object($0) }
        try await audit(actor, "läste LOS-objekt", objectID: "lista", detail: "\(objects.count) objekt", on: db)
        return objects
    }

    /// One object; the read is audited.
    public func object(id: UUID, by actor: Actor) async throws -> InspectedObject? {
        guard
            let object = try await sql.select().columns(Self.objectColumns).from("los_objects").where("id", .equal, id)
                .where("kommun_id", .equal, kommunID).first().map({ try Self.object($0) })
        else { return nil }
        try await audit(actor, "läste LOS-objekt", objectID: id.uuidString, detail: object.name, on: db)
        return object
    }

    /// Adds an object to an insats: a business already in the register (`objectID`) or a new one
    /// (`new`), which must not already be there. Returns the visit's id.
    @discardableResult
    public func addVisit(inspection: JointInspection, objectID: UUID?, new: InspectedObject?, by actor: Actor) async throws -> UUID {
        let inspections = InspectionStore(KommunScope(database, kommunID: kommunID))
        guard try await inspections.find(id: inspection.id) != nil else {
            throw StoreError.notFound("Insatsen")
        }
        if try await inspections.participants(inspectionID: inspection.id).isEmpty {
            throw StoreError.invalid("Välj först vilka av kommunens myndigheter och förvaltningar som deltar i insatsen.")
        }
        if inspection.status == .cancelled { throw StoreError.invalid("Insatsen är inställd; inga objekt kan läggas till.") }
        var object: InspectedObject
        var isNew = false
        if let objectID {
            guard
                let found = try await sql.select().columns(Self.objectColumns).from("los_objects").where("id", .equal, objectID)
                    .where("kommun_id", .equal, kommunID).first().map({ try Self.object($0) })
            else { throw StoreError.notFound("Objektet") }
            object = found
        } else if var candidate = new {
            candidate.name = candidate.name.trimmingCharacters(in: .whitespacesAndNewlines)
            candidate.address = candidate.address.trimmingCharacters(in: .whitespacesAndNewlines)
            let problems = candidate.problems()
            guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
            candidate.orgNumber = Organisationsnummer.normalised(candidate.orgNumber) ?? ""
            // Only the candidates: the same number, or (for a business without one) the others without one.
            let register = try await sql.select().columns(Self.objectColumns).from("los_objects").where("kommun_id", .equal, kommunID)
                .where("org_number", .equal, candidate.orgNumber).all().map { try Self.object($0) }
            if let duplicate = register.first(where: { $0.isSame(as: candidate) }) {
                throw StoreError.invalid(
                    "\(duplicate.name)\(duplicate.orgNumber.isEmpty ? "" : " (\(duplicate.orgNumber))") finns redan i objektregistret. Välj det i listan, så blir besöket ett återbesök."
                )
            }
            // The caller's fresh id is kept, so it knows the new object by it.
            object = candidate
            isNew = true
        } else {
            throw StoreError.invalid("Välj ett objekt i registret eller beskriv ett nytt.")
        }
        let already = try await sql.select().column("id").from("los_visits").where("inspection_id", .equal, inspection.id)
            .where("object_id", .equal, object.id).first()
        if already != nil { throw StoreError.invalid("\(object.name) finns redan med i insatsen.") }
        let visitID = UUID()
        let record = object
        let created = isNew
        let now = TryggClock.now
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if created {
                try await sql.insert(into: "los_objects").columns(
                    "id", "kommun_id", "name", "org_number", "address", "latitude", "longitude", "branch", "created_at"
                )
                .values(
                    SQLBind(record.id), SQLBind(kommunID), SQLBind(record.name), SQLBind(record.orgNumber), SQLBind(record.address),
                    SQLBind(record.point?.latitude), SQLBind(record.point?.longitude), SQLBind(record.branch.rawValue), SQLBind(now)
                ).run()
            }
            try await sql.insert(into: "los_visits").columns("id", "inspection_id", "object_id", "kommun_id", "created_at")
                .values(SQLBind(visitID), SQLBind(inspection.id), SQLBind(record.id), SQLBind(kommunID), SQLBind(now)).run()
            try await audit(
                actor, created ? "registrerade LOS-objekt" : "lade till LOS-objekt i insats", objectID: record.id.uuidString,
                detail: "\(record.name) vid \(inspection.date) \(inspection.title)", on: db)
        }
        return visitID
    }

    static let findingColumns = [
        "id", "visit_id", "organisation_id", "case_number", "finding", "decisions", "revisit_due", "revisit_outcome", "revisit_done_on",
    ]

    static func finding(_ row: any SQLRow) throws -> InspectionFinding {
        InspectionFinding(
            id: try row.decode(column: "id", as: UUID.self), visitID: try row.decode(column: "visit_id", as: UUID.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID.self), caseNumber: try row.decode(column: "case_number", as: String.self),
            finding: try row.decode(column: "finding", as: String.self),
            decisions: try JSONDecoder().decode([InspectionFinding.Decision].self, from: Data(try row.decode(column: "decisions", as: String.self).utf8)),
            revisitDue: try row.decode(column: "revisit_due", as: String?.self), revisitOutcome: try row.decode(column: "revisit_outcome", as: String.self),
            revisitDoneOn: try row.decode(column: "revisit_done_on", as: String?.self))
    }

    /// This kommun's visits at an insats with their objects and findings; the read is audited.
    public func visits(inspectionID: UUID, by actor: Actor) async throws -> [Visit] {
        let visits = try await visits { $0.where(SQLColumn("inspection_id", table: "los_visits"), .equal, SQLBind(inspectionID)) }
        if !visits.isEmpty {
            try await audit(actor, "läste LOS-objekt", objectID: "insats \(inspectionID.uuidString)", detail: "\(visits.count) objekt", on: db)
        }
        return visits
    }

    /// Every visit of one object, oldest first (its history); the caller audits the object read.
    public func visits(objectID: UUID) async throws -> [Visit] {
        try await visits { $0.where(SQLColumn("object_id", table: "los_visits"), .equal, SQLBind(objectID)) }
    }

    /// How many visits each of the kommun's objects has had.
    public func visitCounts(objectIDs: [UUID]) async throws -> [UUID: Int] {
        guard !objectIDs.isEmpty else { return [:] }
        var counts: [UUID: Int] = [:]
        for row in try await sql.select().column("object_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("los_visits")
            .where("kommun_id", .equal, kommunID).where("object_id", .in, objectIDs).groupBy("object_id").all()
        {
            counts[try row.decode(column: "object_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    func visits(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Visit] {
        let query = sql.select().column(SQLColumn("id", table: "los_visits"), as: "visit_id").column(SQLColumn("inspection_id", table: "los_visits"))
            .columns(Self.objectColumns.map { SQLAlias(SQLColumn($0, table: "los_objects"), as: SQLIdentifier("o_" + $0)) })
            .from("los_visits")
            .join("los_objects", on: SQLColumn("id", table: "los_objects"), .equal, SQLColumn("object_id", table: "los_visits"))
            .join("los_inspections", on: SQLColumn("id", table: "los_inspections"), .equal, SQLColumn("inspection_id", table: "los_visits"))
            .where(SQLColumn("kommun_id", table: "los_visits"), .equal, SQLBind(kommunID))
        let rows = try await filter(query).orderBy(SQLColumn("date", table: "los_inspections")).orderBy(SQLColumn("name", table: "los_objects"))
            .orderBy(SQLColumn("id", table: "los_visits")).all()
        let ids = try rows.map { try $0.decode(column: "visit_id", as: UUID.self) }
        let findings = Dictionary(grouping: try await findings(visitIDs: ids), by: \.visitID)
        return try rows.map { row in
            let id = try row.decode(column: "visit_id", as: UUID.self)
            return Visit(
                id: id, inspectionID: try row.decode(column: "inspection_id", as: UUID.self), kommunID: kommunID, object: try Self.object(row, prefix: "o_"),
                findings: findings[id] ?? [])
        }
    }

    /// What one authority has recorded at one visit, read to merge a correction with it.
    public func finding(visitID: UUID, organisationID: UUID) async throws -> InspectionFinding? {
        try await findings(visitIDs: [visitID]).first { $0.organisationID == organisationID }
    }

    func findings(visitIDs: [UUID]) async throws -> [InspectionFinding] {
        guard !visitIDs.isEmpty else { return [] }
        return try await sql.select().columns(Self.findingColumns).from("los_findings").where("visit_id", .in, visitIDs)
            .where("kommun_id", .equal, kommunID).orderBy("id").all().map(Self.finding)
    }

    /// Records (or corrects) what one participating authority found at one visit.
    public func saveFinding(_ finding: InspectionFinding, by actor: Actor) async throws {
        guard
            let row = try await sql.select().columns("inspection_id", "object_id").from("los_visits").where("id", .equal, finding.visitID)
                .where("kommun_id", .equal, kommunID).first()
        else { throw StoreError.notFound("Besöket") }
        let inspectionID = try row.decode(column: "inspection_id", as: UUID.self)
        let inspections = InspectionStore(KommunScope(database, kommunID: kommunID))
        guard let inspection = try await inspections.find(id: inspectionID) else { throw StoreError.notFound("Insatsen") }
        var problems = finding.problems(inspectionDate: inspection.date)
        if !(try await inspections.participants(inspectionID: inspectionID)).contains(finding.organisationID) {
            problems.insert("Organisationen deltar inte i insatsen och kan inte registrera iakttagelser där.", at: 0)
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let decisions = String(decoding: try JSONEncoder().encode(finding.decisions), as: UTF8.self)
        let existing = try await sql.select().column("id").from("los_findings").where("visit_id", .equal, finding.visitID)
            .where("organisation_id", .equal, finding.organisationID).where("kommun_id", .equal, kommunID).first()
        let now = TryggClock.now
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if let existing {
                try await sql.update("los_findings").set("case_number", to: finding.caseNumber).set("finding", to: finding.finding)
                    .set("decisions", to: decisions).set("revisit_due", to: finding.revisitDue).set("revisit_outcome", to: finding.revisitOutcome)
                    .set("revisit_done_on", to: finding.revisitDoneOn).set("updated_at", to: now)
                    .where("id", .equal, try existing.decode(column: "id", as: UUID.self)).run()
            } else {
                try await sql.insert(into: "los_findings")
                    .columns(
                        "id", "visit_id", "kommun_id", "organisation_id", "case_number", "finding", "decisions", "revisit_due", "revisit_outcome",
                        "revisit_done_on", "updated_at"
                    )
                    .values(
                        SQLBind(UUID()), SQLBind(finding.visitID), SQLBind(kommunID), SQLBind(finding.organisationID), SQLBind(finding.caseNumber),
                        SQLBind(finding.finding), SQLBind(decisions), SQLBind(finding.revisitDue), SQLBind(finding.revisitOutcome),
                        SQLBind(finding.revisitDoneOn), SQLBind(now)
                    ).run()
            }
            try await audit(
                actor, existing == nil ? "registrerade iakttagelse" : "ändrade iakttagelse",
                objectID: try row.decode(column: "object_id", as: UUID.self).uuidString,
                detail: "\(inspection.date) \(inspection.title): " + (finding.decisions.map(\.kind.displayName).joined(separator: ", ")), on: db)
        }
    }

    /// Findings waiting for their revisit, the earliest due first, with their visits.
    public func revisitQueue(by actor: Actor) async throws -> [(visit: Visit, finding: InspectionFinding)] {
        let due = try await sql.select().column("visit_id").from("los_findings").where("kommun_id", .equal, kommunID)
            .where("revisit_due", .isNot, SQLLiteral.null).where("revisit_done_on", .is, SQLLiteral.null).all()
            .map { try $0.decode(column: "visit_id", as: UUID.self) }
        guard !due.isEmpty else { return [] }
        let visits = try await visits { $0.where(SQLColumn("id", table: "los_visits"), .in, SQLBind.group(Array(Set(due)))) }
        try await audit(actor, "läste LOS-objekt", objectID: "återbesök", detail: "\(visits.count) objekt", on: db)
        return visits.flatMap { visit in visit.findings.filter { $0.revisitDue != nil && $0.revisitDoneOn == nil }.map { (visit, $0) } }
            .sorted { ($0.finding.revisitDue ?? "", $0.visit.object.name) < ($1.finding.revisitDue ?? "", $1.visit.object.name) }
    }

    /// How many revisits are past due (an organisation's own, or all): a count for the start page,
    /// which names no business and so reads no company data.
    public func overdueRevisits(today: String, organisationID: UUID? = nil) async throws -> Int {
        var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("los_findings").where("kommun_id", .equal, kommunID)
            .where("revisit_due", .lessThan, today).where("revisit_done_on", .is, SQLLiteral.null)
        if let organisationID { query = query.where("organisation_id", .equal, organisationID) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The year's figures of this kommun (objects visited that year, with all their earlier visits
    /// so that revisits are told apart). Aggregates only: nothing of a single object is read.
    public func statistics(year: Int) async throws -> InspectionStatistics {
        let inspections = try await InspectionStore(KommunScope(database, kommunID: kommunID)).inspections()
        let dates = Dictionary(uniqueKeysWithValues: inspections.map { ($0.id, $0.date) })
        let prefix = String(format: "%04d-", year)
        let rows = try await sql.select().columns("id", "inspection_id", "object_id").from("los_visits").where("kommun_id", .equal, kommunID).all()
            .compactMap { row -> (id: UUID, objectID: UUID, date: String)? in
                guard let date = dates[try row.decode(column: "inspection_id", as: UUID.self)] else { return nil }
                return (try row.decode(column: "id", as: UUID.self), try row.decode(column: "object_id", as: UUID.self), date)
            }
        // Findings only of the year's visits: earlier visits count only as the first visit of an object.
        let findings = Dictionary(grouping: try await findings(visitIDs: rows.filter { $0.date.hasPrefix(prefix) }.map(\.id)), by: \.visitID)
        let visits = rows.map { InspectionStatistics.Visit(objectID: $0.objectID, date: $0.date, findings: findings[$0.id] ?? []) }
        return InspectionStatistics(year: year, inspections: inspections, visits: visits)
    }
}
