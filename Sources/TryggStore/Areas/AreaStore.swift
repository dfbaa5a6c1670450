import FluentKit
import SQLKit
import Foundation
import TryggCore

/// The kommun's areas: priority districts where kartläggning happens.
public struct AreaStore: Sendable {
    let db: any Database

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

    public struct ImportResult: Sendable, Equatable {
        public var created: [String]
        public var updated: [String]

        /// What changed, for the notice after an upload and the command line's output; a
        /// long list (all 40 RegSO of a kommun) names its first ten, the table shows the rest.
        public var sentences: [String] {
            func list(_ names: [String]) -> String {
                names.count <= 12
                    ? names.joined(separator: ", ") : names.prefix(10).joined(separator: ", ") + " och \(names.count - 10) till"
            }
            return (created.isEmpty ? [] : ["Nya: \(list(created))."]) + (updated.isEmpty ? [] : ["Uppdaterade: \(list(updated))."])
        }
    }

    struct AreaRow: Decodable {
        var id: UUID
        var kommunId: UUID
        var name: String
        var geometry: String?
        var desoCodes: String
        var source: String
        var retiredOn: String?
    }

    /// Read with SQLKit rather than Fluent models: the areas are needed on every event report.
    public func all() async throws -> [Area] {
        try await (db as! any SQLDatabase).select().columns("id", "kommun_id", "name", "geometry", "deso_codes", "source", "retired_on").from("areas")
            .where("kommun_id", .equal, kommunID).orderBy("name")
            .all(decoding: AreaRow.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
            .map {
                Area(
                    id: $0.id, kommunID: $0.kommunId, name: $0.name, shape: $0.geometry.flatMap(AreaModel.decode),
                    desoCodes: $0.desoCodes.split(separator: ",").map(String.init), source: $0.source, retiredOn: $0.retiredOn)
            }
    }

    public func count() async throws -> Int {
        try await AreaModel.query(on: db).filter(\.$kommunID == kommunID).count()
    }

    public func find(id: UUID) async throws -> Area? {
        try await AreaModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first()?.record
    }

    /// The first area in use (by name) whose polygon holds the point, or nil for "Övriga kommunen".
    public func area(containing point: GeoPoint) async throws -> Area? {
        try await all().current.first { $0.shape?.contains(point) == true }
    }

    /// Adds one area drawn as a shape, defined by DeSO codes, or both.
    @discardableResult
    public func add(
        name: String, shape: AreaShape?, desoCodes: [String], source: String,
        by actor: Actor
    ) async throws -> Area {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(name.count) else { throw StoreError.invalid("Områdets namn måste ha 1–120 tecken.") }
        guard shape != nil || !desoCodes.isEmpty else {
            throw StoreError.invalid("Ange områdets gräns som GeoJSON eller en lista med DeSO-koder.")
        }
        return try await db.transaction { db in
            if try await AreaModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$name == name).first() != nil {
                throw StoreError.duplicate("Området \"\(name)\"")
            }
            let model = try AreaModel(kommunID: kommunID, name: name, shape: shape, desoCodes: desoCodes, source: source)
            try await model.create(on: db)
            try await AuditLog.record(
                actor, action: "skapade område", objectType: "område", objectID: name,
                detail: Self.summary(shape: shape, desoCodes: desoCodes, source: source),
                kommunID: kommunID, on: db)
            return model.record
        }
    }

    /// Renames an area or gives it new DeSO codes or a new boundary (`shape` nil keeps the one it
    /// has). Events, insatser and lägesbilder refer to the area by id, so they follow; decided
    /// documents keep the name they were decided with.
    @discardableResult
    public func update(id: UUID, name: String, shape: AreaShape?, desoCodes: [String], by actor: Actor) async throws -> Area {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...120).contains(name.count) else { throw StoreError.invalid("Områdets namn måste ha 1–120 tecken.") }
        return try await db.transaction { db in
            guard let model = try await AreaModel.query(on: db).filter(\.$id == id).filter(\.$kommunID == kommunID).first() else {
                throw StoreError.notFound("Området")
            }
            guard shape != nil || model.geometry != nil || !desoCodes.isEmpty else {
                throw StoreError.invalid("Ett område utan gräns behöver minst en DeSO-kod.")
            }
            if name.lowercased() != model.name.lowercased(),
                try await AreaModel.query(on: db).filter(\.$kommunID == kommunID).all().contains(where: { $0.name.lowercased() == name.lowercased() })
            {
                throw StoreError.duplicate("Området \"\(name)\"")
            }
            var changes: [String] = []
            if name != model.name { changes.append("namn: \(model.name) → \(name)") }
            let codes = desoCodes.joined(separator: ",")
            if codes != model.desoCodes { changes.append("DeSO: \(codes.isEmpty ? "inga" : desoCodes.joined(separator: ", "))") }
            if let shape { changes.append("ny gräns, \(shape.polygons.count) polygon(er)") }
            guard !changes.isEmpty else { return model.record }
            model.name = name
            model.desoCodes = codes
            if let shape { model.geometry = try AreaModel.encode(shape) }
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: "ändrade område", objectType: "område", objectID: name, detail: changes.joined(separator: "; "),
                kommunID: kommunID, on: db)
            return model.record
        }
    }

    /// Imports areas from a parsed GeoJSON file: new names are added, existing names get the new
    /// boundary. All or nothing.
    public func importAreas(_ areas: [ParsedArea], source: String, by actor: Actor) async throws -> ImportResult {
        try await upsert(areas.map { ($0.name, .shape($0.shape)) }, source: source, by: actor)
    }

    /// Imports areas defined by DeSO codes (SCB's DeSO→RegSO table): new names are added, an
    /// existing area of the same name gets the codes and keeps its boundary. All or nothing.
    public func importDesoRegions(_ regions: [(name: String, deso: [String])], source: String, by actor: Actor)
        async throws -> ImportResult
    {
        try await upsert(regions.map { ($0.name, .deso($0.deso)) }, source: source, by: actor)
    }

    /// Imports a file of areas, GeoJSON boundaries or SCB's DeSO→RegSO table. All or nothing.
    public func importFile(_ file: AreaFile, source: String, by actor: Actor) async throws -> ImportResult {
        switch file {
        case .boundaries(let areas, _): try await importAreas(areas, source: source, by: actor)
        case .desoRegions(let table): try await importDesoRegions(table.regions, source: source, by: actor)
        }
    }

    private enum Definition {
        case shape(AreaShape)
        case deso([String])
    }

    private func upsert(_ areas: [(name: String, definition: Definition)], source: String, by actor: Actor) async throws
        -> ImportResult
    {
        try await db.transaction { db in
            var result = ImportResult(created: [], updated: [])
            let existing = try await AreaModel.query(on: db).filter(\.$kommunID == kommunID).all()
            for area in areas {
                if let model = existing.first(where: { $0.name.lowercased() == area.name.lowercased() }) {
                    switch area.definition {
                    case .shape(let shape): model.geometry = try AreaModel.encode(shape)
                    case .deso(let codes): model.desoCodes = codes.joined(separator: ",")
                    }
                    model.source = source
                    try await model.save(on: db)
                    result.updated.append(area.name)
                } else {
                    let model: AreaModel
                    switch area.definition {
                    case .shape(let shape): model = try AreaModel(kommunID: kommunID, name: area.name, shape: shape, desoCodes: [], source: source)
                    case .deso(let codes): model = try AreaModel(kommunID: kommunID, name: area.name, shape: nil, desoCodes: codes, source: source)
                    }
                    try await model.create(on: db)
                    result.created.append(area.name)
                }
            }
            try await AuditLog.record(
                actor, action: "importerade områden", objectType: "område",
                objectID: areas.map(\.name).joined(separator: ", "),
                detail: "källa: \(source); nya: \(result.created.count); uppdaterade: \(result.updated.count)",
                kommunID: kommunID, on: db)
            return result
        }
    }

    static func summary(shape: AreaShape?, desoCodes: [String], source: String) -> String {
        var parts = ["källa: \(source)"]
        if let shape { parts.append("\(shape.polygons.count) polygon(er)") }
        if !desoCodes.isEmpty { parts.append("DeSO: \(desoCodes.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
