import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The police's lists of utsatta områden per year. The lists are national and public, so this
/// store is not scoped to a kommun; an import is all or nothing and audited.
public struct PoliceAreaStore: Sendable {
    let db: any Database
    public init(_ database: TryggDatabase) { db = database.db }
    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "year", "special_id", "name", "category", "ort", "lokalpolis", "since", "geometry", "area_m2"]

    /// A year's list, by ort and name.
    public func list(year: Int) async throws -> [PoliceArea] {
        try await sql.select().columns(Self.columns).from("police_areas").where("year", .equal, year).orderBy("ort").orderBy("name").orderBy("id").all()
            .map { row in
                PoliceArea(
                    year: try row.decode(column: "year", as: Int.self), specialID: try row.decode(column: "special_id", as: String.self),
                    name: try row.decode(column: "name", as: String.self), category: try row.decode(column: "category", as: String.self),
                    ort: try row.decode(column: "ort", as: String.self), lokalpolis: try row.decode(column: "lokalpolis", as: String.self),
                    since: try row.decode(column: "since", as: String.self),
                    shape: try row.decode(column: "geometry", as: String?.self).flatMap(AreaModel.decode),
                    areaM2: try row.decode(column: "area_m2", as: Double?.self))
            }
    }

    public struct ImportResult: Sendable, Equatable {
        public let added: Int
        public let updated: Int
        public let polygons: Int
    }

    /// Imports a year's list: an area already on it (same `SPECIALOMR`, else name and ort) is
    /// updated and gets the file's polygon, never a second row; a file without polygons keeps those
    /// already imported.
    public func importList(_ areas: [PoliceArea], year: Int, fileName: String, by actor: Actor) async throws -> ImportResult {
        let existing = try await sql.select().columns(Self.columns).from("police_areas").where("year", .equal, year).all()
        var known: [(id: UUID, area: PoliceArea)] = []
        for row in existing {
            known.append(
                (
                    try row.decode(column: "id", as: UUID.self),
                    PoliceArea(
                        year: year, specialID: try row.decode(column: "special_id", as: String.self), name: try row.decode(column: "name", as: String.self),
                        category: "", ort: try row.decode(column: "ort", as: String.self), lokalpolis: "", since: "", shape: nil, areaM2: nil)
                ))
        }
        let matches = areas.map { area in known.first { $0.area.isSame(as: area) }?.id }
        let result = ImportResult(
            added: matches.filter { $0 == nil }.count, updated: matches.filter { $0 != nil }.count, polygons: areas.filter { $0.shape != nil }.count)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            for (area, match) in zip(areas, matches) {
                let geometry = try area.shape.map(AreaModel.encode)
                if let id = match {
                    var update = sql.update("police_areas").set("name", to: area.name).set("category", to: area.category).set("ort", to: area.ort)
                        .set("lokalpolis", to: area.lokalpolis).set("since", to: area.since)
                    if !area.specialID.isEmpty { update = update.set("special_id", to: area.specialID) }
                    if let geometry { update = update.set("geometry", to: geometry) }
                    if let size = area.areaM2 { update = update.set("area_m2", to: size) }
                    try await update.where("id", .equal, id).run()
                } else {
                    try await sql.insert(into: "police_areas").columns(Self.columns)
                        .values(
                            SQLBind(UUID()), SQLBind(year), SQLBind(area.specialID), SQLBind(area.name), SQLBind(area.category), SQLBind(area.ort),
                            SQLBind(area.lokalpolis), SQLBind(area.since), SQLBind(geometry), SQLBind(area.areaM2)
                        ).run()
                }
            }
            try await AuditLog.record(
                actor, action: "importerade utsatta områden", objectType: "utsatta områden", objectID: "\(year)",
                detail: "\(fileName): \(result.added) nya, \(result.updated) uppdaterade, \(result.polygons) med polygon", on: db)
        }
        return result
    }

    /// The listed area of `year` whose polygon contains the point, if any.
    public func area(at point: GeoPoint, year: Int) async throws -> PoliceArea? {
        try await list(year: year).first { $0.shape?.contains(point) ?? false }
    }
}

extension PoliceAreaStore {
    /// The years a list has been imported for, the latest first.
    public func years() async throws -> [Int] {
        try await sql.select().distinct().column("year").from("police_areas").orderBy("year", .descending).all().map {
            try $0.decode(column: "year", as: Int.self)
        }
    }
}
