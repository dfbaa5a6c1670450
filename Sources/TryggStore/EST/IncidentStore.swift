import FluentKit
import Foundation
import SQLKit
import TryggCore

/// EST events. Written and read with SQLKit rather than Fluent models: a kommun gathers hundreds
/// of thousands of rows, and the lägesbild is a GROUP BY over an index, not a list of objects.
public struct IncidentStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    static let columns = [
        "id", "kommun_id", "category_id", "subcategory", "occurred_at", "ended_at", "time_precision", "latitude",
        "longitude", "area_id", "place", "description", "organisation_id", "reporter_id", "source", "iso_week",
        "local_weekday", "local_hour", "local_month", "created_at", "updated_at",
    ]

    public struct Filter: Sendable {
        public var from: Date?
        public var until: Date?
        public var areaID: UUID?
        /// Only events outside every priority area.
        public var restOfKommun = false
        public var categoryID: UUID?
        public var organisationID: UUID?
        public var reporterID: UUID?
        public var sources: [IncidentSource]?
        /// Words the place or the description contains ("bergaskolan"), case not counting.
        public var text = ""
        public var limit = 200
        public var offset = 0

        public init(
            from: Date? = nil, until: Date? = nil, areaID: UUID? = nil, categoryID: UUID? = nil, organisationID: UUID? = nil,
            reporterID: UUID? = nil, limit: Int = 200
        ) {
            self.from = from
            self.until = until
            self.areaID = areaID
            self.categoryID = categoryID
            self.organisationID = organisationID
            self.reporterID = reporterID
            self.limit = limit
        }
    }

    /// The record a checked event becomes: the area is the one named, else the priority area
    /// containing the point.
    public static func record(
        for incident: CheckedIncident, kommunID: UUID, organisationID: UUID?, reporterID: UUID?,
        source: IncidentSource, areas: [Area], now: Date = TryggClock.now
    ) throws -> Incident {
        Incident(
            id: TimeOrderedUUID.make(now: now), kommunID: kommunID, categoryID: incident.category.id, subcategory: incident.subcategory,
            occurredAt: incident.occurredAt, endedAt: incident.endedAt, precision: incident.precision, point: incident.point,
            areaID: try areaID(for: incident, in: areas), place: incident.place, description: incident.description,
            organisationID: organisationID, reporterID: reporterID, source: source, createdAt: now, updatedAt: now)
    }

    /// Stores a checked event (see `record(for:)` for how the area is chosen).
    @discardableResult
    public func add(
        _ incident: CheckedIncident, organisationID: UUID?, reporterID: UUID?, source: IncidentSource,
        by actor: Actor
    ) async throws -> Incident {
        let areas = try await AreaStore(db: db, kommunID: kommunID).all()
        let record = try Self.record(
            for: incident, kommunID: kommunID, organisationID: organisationID, reporterID: reporterID,
            source: source, areas: areas)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "incidents").columns(Self.columns).values(Self.values(record)).run()
            try await AuditLog.record(
                actor, action: "rapporterade händelse", objectType: "händelse", objectID: record.id.uuidString,
                detail: Self.auditDetail(incident), kommunID: kommunID, on: db)
        }
        return record
    }

    /// Corrects an event. `reporterID` set means "only if this user reported it" (a rapportör's own report).
    @discardableResult
    public func update(
        id: UUID, with incident: CheckedIncident, onlyReporter reporterID: UUID?,
        by actor: Actor
    ) async throws -> Incident {
        guard var record = try await find(id: id), reporterID == nil || record.reporterID == reporterID else {
            throw StoreError.notFound("Händelsen")
        }
        let before = Self.summary(record)
        let areas = try await AreaStore(db: db, kommunID: kommunID).all()
        record.categoryID = incident.category.id
        record.subcategory = incident.subcategory
        record.occurredAt = incident.occurredAt
        record.endedAt = incident.endedAt
        record.precision = incident.precision
        record.point = incident.point
        record.areaID = try Self.areaID(for: incident, in: areas)
        record.place = incident.place
        record.description = incident.description
        record.updatedAt = TryggClock.now
        let updated = record
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "incidents").where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await sql.insert(into: "incidents").columns(Self.columns).values(Self.values(updated)).run()
            try await AuditLog.record(
                actor, action: "ändrade händelse", objectType: "händelse", objectID: id.uuidString,
                detail: "före: \(before)\nefter: \(Self.summary(updated))", kommunID: kommunID, on: db)
        }
        return updated
    }

    public func find(id: UUID) async throws -> Incident? {
        try await sql.select().columns(Self.columns.map { SQLColumn($0) }).from("incidents").where("id", .equal, id)
            .where("kommun_id", .equal, kommunID).first().map(Self.record)
    }

    public func list(filter: Filter) async throws -> [Incident] {
        var query = sql.select().columns(Self.columns.map { SQLColumn($0) }).from("incidents")
        query = Self.apply(filter, kommunID: kommunID, to: query)
        return try await query.orderBy("occurred_at", .descending).limit(min(max(filter.limit, 1), 5_000))
            .offset(max(filter.offset, 0)).all().map(Self.record)
    }

    public func count(filter: Filter = Filter()) async throws -> Int {
        let query = Self.apply(filter, kommunID: kommunID, to: sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents"))
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func apply(_ filter: Filter, kommunID: UUID, to query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query.where("kommun_id", .equal, kommunID)
        if let from = filter.from { query = query.where("occurred_at", .greaterThanOrEqual, Int64(from.timeIntervalSince1970)) }
        if let until = filter.until { query = query.where("occurred_at", .lessThan, Int64(until.timeIntervalSince1970)) }
        if let area = filter.areaID { query = query.where("area_id", .equal, area) }
        if filter.restOfKommun { query = query.where("area_id", .is, SQLLiteral.null) }
        if let category = filter.categoryID { query = query.where("category_id", .equal, category) }
        if let organisation = filter.organisationID { query = query.where("organisation_id", .equal, organisation) }
        if let reporter = filter.reporterID { query = query.where("reporter_id", .equal, reporter) }
        if let sources = filter.sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        if !filter.text.isEmpty {
            query = query.where { $0.where(TextContains("place", filter.text)).orWhere(TextContains("description", filter.text)) }
        }
        return query
    }

    static func areaID(for incident: CheckedIncident, in areas: [Area]) throws -> UUID? {
        if !incident.areaName.isEmpty, incident.areaName.lowercased() != WeekSummary.restOfKommun.lowercased() {
            guard let area = areas.first(where: { $0.name.lowercased() == incident.areaName.lowercased() }) else {
                throw StoreError.invalid("Området ”\(incident.areaName.prefix(60))” finns inte i kommunen.")
            }
            return area.id
        }
        // A named area may be retired (an old event imported again); a point is placed only in one in use.
        guard let point = incident.point else { return nil }
        // (Tested in the predicate, not by `areas.current`: this runs for every row of an import.)
        return areas.first { !$0.isRetired && $0.shape?.contains(point) == true }?.id
    }

    static func values(_ record: Incident) -> [any Encodable & Sendable] {
        let local = StockholmCalendar.local(record.occurredAt)
        return [
            record.id, record.kommunID, record.categoryID, record.subcategory, Int64(record.occurredAt.timeIntervalSince1970),
            record.endedAt.map { Int64($0.timeIntervalSince1970) }, record.precision.rawValue, record.point?.latitude,
            record.point?.longitude, record.areaID, record.place, record.description, record.organisationID, record.reporterID,
            record.source.rawValue, local.week.key, local.weekday, local.hour, local.monthKey,
            Int64(record.createdAt.timeIntervalSince1970), Int64(record.updatedAt.timeIntervalSince1970),
        ]
    }

    static func record(_ row: any SQLRow) throws -> Incident {
        let latitude = try row.decode(column: "latitude", as: Double?.self), longitude = try row.decode(column: "longitude", as: Double?.self)
        return Incident(
            id: try row.decode(column: "id", as: UUID.self), kommunID: try row.decode(column: "kommun_id", as: UUID.self),
            categoryID: try row.decode(column: "category_id", as: UUID.self), subcategory: try row.decode(column: "subcategory", as: String.self),
            occurredAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "occurred_at", as: Int64.self))),
            endedAt: try row.decode(column: "ended_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            precision: TimePrecision(rawValue: try row.decode(column: "time_precision", as: String.self)) ?? .exact,
            point: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
            areaID: try row.decode(column: "area_id", as: UUID?.self), place: try row.decode(column: "place", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID?.self),
            reporterID: try row.decode(column: "reporter_id", as: UUID?.self),
            source: IncidentSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .est,
            createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "created_at", as: Int64.self))),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "updated_at", as: Int64.self))))
    }

    public static func auditDetail(_ incident: CheckedIncident) -> String {
        "\(incident.category.name), \(SwedishTime.minute(incident.occurredAt))"
    }

    static func summary(_ incident: Incident) -> String {
        "\(SwedishTime.minute(incident.occurredAt)); \(incident.point.map { "\($0.latitude), \($0.longitude)" } ?? "ingen punkt"); "
            + "\(incident.place); \(incident.description)"
    }
}
