import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The aggregates the lägesbild, trends and spatial analyses are built from. Each is one query
/// over the `incidents_week` or `incidents_time` index.
extension IncidentStore {
    /// Counts per area, category and week for `weeks` (a lägesbild needs the week and the four
    /// before); only one area's with `areaID` (its page compares two years).
    public func weekCounts(weeks: ClosedRange<ISOWeek>, sources: [IncidentSource]? = nil, areaID: UUID? = nil) async throws -> [WeekCount] {
        var query = sql.select().from("incidents")
            .where("kommun_id", .equal, kommunID).where("iso_week", .greaterThanOrEqual, weeks.lowerBound.key)
            .where("iso_week", .lessThanOrEqual, weeks.upperBound.key)
        if let sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        if let areaID { query = query.where("area_id", .equal, areaID) }
        return try await query.groupBy("area_id").groupBy("category_id").groupBy("iso_week")
            .plainRows(["area_id", "category_id", "iso_week"], counted: "n") { row in
                WeekCount(
                    areaID: try row.optionalUUID("area_id"), categoryID: try row.uuid("category_id"),
                    week: Int(try row.int64("iso_week")), count: Int(try row.int64("n")))
            }
    }

    /// The key of the kommun's earliest week with an event (nil without any): whether its events
    /// reach back far enough to compare with a year before. The first entry of the week index.
    public func earliestWeek() async throws -> Int? {
        try await sql.select().column(SQLFunction("MIN", args: SQLIdentifier("iso_week")), as: "first").from("incidents")
            .where("kommun_id", .equal, kommunID).first()?.decode(column: "first", as: Int?.self)
    }

    /// Weekday × hour (Swedish time) of a week's events, optionally in one area.
    public func weekdayHourProfile(week: ISOWeek, areaID: UUID? = nil, sources: [IncidentSource]? = nil) async throws -> WeekdayHourProfile {
        var query = sql.select().column("local_weekday").column("local_hour").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("incidents").where("kommun_id", .equal, kommunID).where("iso_week", .equal, week.key)
        if let areaID { query = query.where("area_id", .equal, areaID) }
        if let sources { query = query.where("source", .in, sources.map(\.rawValue)) }
        var profile = WeekdayHourProfile()
        for row in try await query.groupBy("local_weekday").groupBy("local_hour").all() {
            profile.add(
                weekday: try row.decode(column: "local_weekday", as: Int.self), hour: try row.decode(column: "local_hour", as: Int.self),
                count: try row.decode(column: "n", as: Int.self))
        }
        return profile
    }

    /// The located events of the event list's selection, the latest `limit`: its map.
    public func points(filter: Filter, limit: Int) async throws -> [EventPoint] {
        try await Self.apply(filter, kommunID: kommunID, to: sql.select().from("incidents")).where("latitude", .isNot, SQLLiteral.null)
            .orderBy("occurred_at", .descending).limit(limit)
            .plainRows(["latitude", "longitude", "occurred_at", "category_id", "place"]) { row in
                EventPoint(
                    point: GeoPoint(latitude: try row.double("latitude"), longitude: try row.double("longitude")),
                    occurredAt: Date(timeIntervalSince1970: TimeInterval(try row.int64("occurred_at"))),
                    categoryID: try row.uuid("category_id"), place: try row.string("place"))
            }
    }

    /// Located events in a period, for hot places, Gi* and effect estimates.
    public func points(
        from: Date, until: Date, areaID: UUID? = nil, sources: [IncidentSource]? = nil,
        within boxes: [(min: GeoPoint, max: GeoPoint)]? = nil
    ) async throws -> [EventPoint] {
        try await located(kommunID: kommunID, from: from, until: until, areaID: areaID, sources: sources, within: boxes)
            .plainRows(["latitude", "longitude", "occurred_at", "category_id", "place"]) { row in
                EventPoint(
                    point: GeoPoint(latitude: try row.double("latitude"), longitude: try row.double("longitude")),
                    occurredAt: Date(timeIntervalSince1970: TimeInterval(try row.int64("occurred_at"))),
                    categoryID: try row.uuid("category_id"), place: try row.string("place"))
            }
    }

    /// Only where the events were: answered from the time index without reading their rows
    /// (unless `sources` or `areaID` narrows them).
    public func positions(
        from: Date, until: Date, sources: [IncidentSource]? = nil,
        within boxes: [(min: GeoPoint, max: GeoPoint)]? = nil
    ) async throws -> [GeoPoint] {
        try await located(kommunID: kommunID, from: from, until: until, areaID: nil, sources: sources, within: boxes)
            .plainRows(["latitude", "longitude"]) { row in GeoPoint(latitude: try row.double("latitude"), longitude: try row.double("longitude")) }
    }

    private func located(
        kommunID: UUID, from: Date, until: Date, areaID: UUID?, sources: [IncidentSource]?,
        within boxes: [(min: GeoPoint, max: GeoPoint)]?
    ) -> SQLSelectBuilder {
        var query = sql.select().from("incidents").where("kommun_id", .equal, kommunID)
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
        return query
    }

    public struct MonthCount: Sendable, Equatable {
        public var areaID: UUID?
        public var categoryID: UUID
        /// `yyyymm`, Swedish time.
        public var month: Int
        public var count: Int
    }

    /// Counts per area, category and month between two months (inclusive), for tertial and year trends.
    public func monthCounts(fromMonth: Int, toMonth: Int) async throws -> [MonthCount] {
        try await sql.select().from("incidents")
            .where("kommun_id", .equal, kommunID).where("local_month", .greaterThanOrEqual, fromMonth).where("local_month", .lessThanOrEqual, toMonth)
            .groupBy("area_id").groupBy("category_id").groupBy("local_month")
            .plainRows(["area_id", "category_id", "local_month"], counted: "n") { row in
                MonthCount(
                    areaID: try row.optionalUUID("area_id"), categoryID: try row.uuid("category_id"),
                    month: Int(try row.int64("local_month")), count: Int(try row.int64("n")))
            }
    }
}
