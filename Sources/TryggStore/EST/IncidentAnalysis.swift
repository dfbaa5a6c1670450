import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The aggregates the lägesbild, trends and spatial analyses are built from. Each is one query
/// over the `incidents_week` or `incidents_time` index.
extension IncidentStore {
    /// Counts per area, category and week for `weeks` (a lägesbild needs the week and the four before).
    public func weekCounts(kommunID: UUID, weeks: ClosedRange<ISOWeek>, sources: [IncidentSource]? = nil) async throws -> [WeekCount] {
        var query = sql.select().column("area_id").column("category_id").column("iso_week")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
            .where("kommun_id", .equal, kommunID).where("iso_week", .greaterThanOrEqual, weeks.lowerBound.key)
            .where("iso_week", .lessThanOrEqual, weeks.upperBound.key)
        if let sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        return try await query.groupBy("area_id").groupBy("category_id").groupBy("iso_week").all().map { row in
            WeekCount(areaID: try row.decode(column: "area_id", as: UUID?.self), categoryID: try row.decode(column: "category_id", as: UUID.self),
                      week: try row.decode(column: "iso_week", as: Int.self), count: try row.decode(column: "n", as: Int.self))
        }
    }

    /// Weekday × hour (Swedish time) of a week's events, optionally in one area.
    public func weekdayHourProfile(kommunID: UUID, week: ISOWeek, areaID: UUID? = nil, sources: [IncidentSource]? = nil) async throws -> WeekdayHourProfile {
        var query = sql.select().column("local_weekday").column("local_hour").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("incidents").where("kommun_id", .equal, kommunID).where("iso_week", .equal, week.key)
        if let areaID { query = query.where("area_id", .equal, areaID) }
        if let sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        var profile = WeekdayHourProfile()
        for row in try await query.groupBy("local_weekday").groupBy("local_hour").all() {
            profile.add(weekday: try row.decode(column: "local_weekday", as: Int.self), hour: try row.decode(column: "local_hour", as: Int.self),
                        count: try row.decode(column: "n", as: Int.self))
        }
        return profile
    }

    /// Located events in a period, for hot places, Gi* and effect estimates.
    public func points(kommunID: UUID, from: Date, until: Date, areaID: UUID? = nil, sources: [IncidentSource]? = nil,
                       within boxes: [(min: GeoPoint, max: GeoPoint)]? = nil) async throws -> [EventPoint] {
        var query = sql.select().column("latitude").column("longitude").column("occurred_at").column("category_id").column("place")
            .from("incidents").where("kommun_id", .equal, kommunID)
            .where("occurred_at", .greaterThanOrEqual, Int64(from.timeIntervalSince1970)).where("occurred_at", .lessThan, Int64(until.timeIntervalSince1970))
            .where("latitude", .isNot, SQLLiteral.null)
        if let areaID { query = query.where("area_id", .equal, areaID) }
        if let sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        if let boxes {
            query = query.where { group in
                boxes.reduce(group) { group, box in
                    group.orWhere { inBox in
                        inBox.where("latitude", .greaterThanOrEqual, box.min.latitude).where("latitude", .lessThanOrEqual, box.max.latitude)
                            .where("longitude", .greaterThanOrEqual, box.min.longitude).where("longitude", .lessThanOrEqual, box.max.longitude)
                    }
                }
            }
        }
        return try await query.all().map { row in
            EventPoint(point: GeoPoint(latitude: try row.decode(column: "latitude", as: Double.self),
                                       longitude: try row.decode(column: "longitude", as: Double.self)),
                       occurredAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "occurred_at", as: Int64.self))),
                       categoryID: try row.decode(column: "category_id", as: UUID.self), place: try row.decode(column: "place", as: String.self))
        }
    }

    public struct MonthCount: Sendable, Equatable {
        public var areaID: UUID?
        public var categoryID: UUID
        /// `yyyymm`, Swedish time.
        public var month: Int
        public var count: Int
    }

    /// Counts per area, category and month between two months (inclusive), for tertial and year trends.
    public func monthCounts(kommunID: UUID, fromMonth: Int, toMonth: Int) async throws -> [MonthCount] {
        try await sql.select().column("area_id").column("category_id").column("local_month")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
            .where("kommun_id", .equal, kommunID).where("local_month", .greaterThanOrEqual, fromMonth).where("local_month", .lessThanOrEqual, toMonth)
            .groupBy("area_id").groupBy("category_id").groupBy("local_month").all().map { row in
                MonthCount(areaID: try row.decode(column: "area_id", as: UUID?.self), categoryID: try row.decode(column: "category_id", as: UUID.self),
                           month: try row.decode(column: "local_month", as: Int.self), count: try row.decode(column: "n", as: Int.self))
            }
    }

    /// Stores checked CSV rows in one transaction: all of them or, on any error, none.
    /// Organisations are matched by abbreviation or name; an unknown one stops the import.
    @discardableResult
    public func importRows(_ rows: [IncidentCSV.Row], kommunID: UUID, fileName: String, source: IncidentSource = .imported, by actor: Actor,
                           progress: (@Sendable (Int) -> Void)? = nil) async throws -> Int {
        let organisations = try await KommunStore(db: db).organisations(kommunID: kommunID)
        var byName: [String: UUID] = [:]
        for organisation in organisations {
            byName[organisation.abbreviation.lowercased()] = organisation.id
            byName[organisation.name.lowercased()] = organisation.id
        }
        let areas = try await AreaStore(db: db).all(kommunID: kommunID)
        var problems: [ImportProblem] = []
        var records: [Incident] = []
        records.reserveCapacity(rows.count)
        let now = Date()
        var system = SystemRandomNumberGenerator()
        var random = SplitMix64(seed: system.next())
        for (index, row) in rows.enumerated() {
            var organisationID: UUID?
            if !row.organisation.isEmpty {
                organisationID = byName[row.organisation.lowercased()]
                if organisationID == nil {
                    problems.append(ImportProblem(line: row.line, column: "reporter_organisation",
                                                  message: "organisationen ”\(row.organisation.prefix(60))” finns inte i kommunen."))
                }
            }
            let areaID: UUID?
            do { areaID = try Self.areaID(for: row.incident, in: areas) } catch {
                problems.append(ImportProblem(line: row.line, column: "area", message: "\(error)"))
                continue
            }
            // One millisecond apart in the key, so the rows of an import get increasing keys.
            records.append(Incident(id: TimeOrderedUUID.make(now: now.addingTimeInterval(Double(index) / 1000), using: &random), kommunID: kommunID, categoryID: row.incident.category.id, subcategory: row.incident.subcategory,
                                    occurredAt: row.incident.occurredAt, endedAt: nil, precision: .exact, point: row.incident.point,
                                    areaID: areaID, place: row.incident.place, description: row.incident.description,
                                    organisationID: organisationID, reporterID: nil, source: source, createdAt: now, updatedAt: now))
            if problems.count >= 500 { break }
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        let toStore = records
        try await db.transaction { db in
            try await Self.insertAll(toStore, on: db as! any SQLDatabase, progress: progress)
            try await AuditLog.record(actor, action: "importerade händelser", objectType: "händelser", objectID: fileName,
                                      detail: "\(toStore.count) händelser", kommunID: kommunID, on: db)
        }
        return toStore.count
    }
}
