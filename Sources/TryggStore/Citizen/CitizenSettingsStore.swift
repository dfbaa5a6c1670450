import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's settings for residents' reports.
public struct CitizenSettings: Sendable, Equatable {
    /// The rectangle reports must lie in; nil means "around the priority areas".
    public var bounds: KommunBounds?
    /// Days contact details are kept after a report came in.
    public var retentionDays: Int

    public static let defaultRetentionDays = 183
    public static let retentionRange = 1...730

    public init(bounds: KommunBounds? = nil, retentionDays: Int = defaultRetentionDays) {
        self.bounds = bounds
        self.retentionDays = retentionDays
    }
}

public struct CitizenSettingsStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    struct Row: Codable {
        var kommunId: UUID
        var minLatitude: Double?
        var maxLatitude: Double?
        var minLongitude: Double?
        var maxLongitude: Double?
        var contactRetentionDays: Int
    }

    public func settings() async throws -> CitizenSettings {
        guard
            let row = try await sql.select().column("*").from("citizen_settings").where("kommun_id", .equal, kommunID)
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return CitizenSettings() }
        var bounds: KommunBounds?
        if let minLat = row.minLatitude, let maxLat = row.maxLatitude, let minLon = row.minLongitude, let maxLon = row.maxLongitude {
            bounds = KommunBounds(minLatitude: minLat, maxLatitude: maxLat, minLongitude: minLon, maxLongitude: maxLon)
        }
        return CitizenSettings(bounds: bounds, retentionDays: row.contactRetentionDays)
    }

    public func save(_ settings: CitizenSettings, by actor: Actor) async throws {
        guard CitizenSettings.retentionRange.contains(settings.retentionDays) else {
            throw StoreError.invalid("Lagringstiden ska vara \(CitizenSettings.retentionRange.lowerBound)–\(CitizenSettings.retentionRange.upperBound) dagar.")
        }
        if let bounds = settings.bounds {
            guard bounds.minLatitude < bounds.maxLatitude, bounds.minLongitude < bounds.maxLongitude,
                GeoPoint(latitude: bounds.minLatitude, longitude: bounds.minLongitude).isInSweden,
                GeoPoint(latitude: bounds.maxLatitude, longitude: bounds.maxLongitude).isInSweden
            else {
                throw StoreError.invalid("Rektangeln måste ligga i Sverige och minsta värdet vara mindre än största.")
            }
        }
        let row = Row(
            kommunId: kommunID, minLatitude: settings.bounds?.minLatitude, maxLatitude: settings.bounds?.maxLatitude,
            minLongitude: settings.bounds?.minLongitude, maxLongitude: settings.bounds?.maxLongitude,
            contactRetentionDays: settings.retentionDays)
        let area = settings.bounds.map { "\($0.minLatitude)–\($0.maxLatitude) N, \($0.minLongitude)–\($0.maxLongitude) E" } ?? "kring områdena"
        let audit = AuditLog.Draft(
            actor: actor, action: "ändrade inställningar för medborgarrapporter", objectType: "inställningar",
            objectID: "medborgarrapporter", detail: "lagringstid \(settings.retentionDays) dagar; \(area)", kommunID: kommunID)
        try await KommunSettingsRow.replace(in: "citizen_settings", kommunID: kommunID, on: db, audit: audit) {
            try $0.model(row, keyEncodingStrategy: .convertToSnakeCase)
        }
    }
}

/// API keys for Open311 POST, one or more per kommun. Only the hash is stored; the key is shown once.
public struct Open311KeyStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    public struct Key: Sendable, Equatable {
        public var id: UUID
        public var label: String
        public var createdBy: String
        public var createdAt: Date
        public var revokedAt: Date?
    }

    public func create(label: String, by actor: Actor) async throws -> String {
        let key = RandomToken.make()
        let id = UUID()
        let cleanLabel = String(label.trimmed.prefix(100))
        guard !cleanLabel.isEmpty else { throw StoreError.invalid("Ge nyckeln ett namn (vilken app eller tjänst den är till för).") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "open311_keys")
                .columns("id", "kommun_id", "key_hash", "label", "created_by", "created_at")
                .values(
                    SQLBind(id), SQLBind(kommunID), SQLBind(SessionStore.hash(key)), SQLBind(cleanLabel), SQLBind(actor.label),
                    SQLBind(Int64(TryggClock.now.timeIntervalSince1970))
                ).run()
            try await AuditLog.record(
                actor, action: "skapade Open311-nyckel", objectType: "open311-nyckel", objectID: id.uuidString,
                detail: cleanLabel, kommunID: kommunID, on: db)
        }
        return key
    }

    /// The kommun and label of the unrevoked key with this hash.
    /// Static: the key is what tells which kommun a request is for.
    public static func key(forHash hash: String, in database: TryggDatabase) async throws -> (kommunID: UUID, label: String)? {
        let sql = database.db as! any SQLDatabase
        guard
            let row = try await sql.select().columns("kommun_id", "label").from("open311_keys").where("key_hash", .equal, hash)
                .where("revoked_at", .is, SQLLiteral.null).first()
        else { return nil }
        return (try row.decode(column: "kommun_id", as: UUID.self), try row.decode(column: "label", as: String.self))
    }

    public func all() async throws -> [Key] {
        try await sql.select().columns("id", "label", "created_by", "created_at", "revoked_at").from("open311_keys")
            .where("kommun_id", .equal, kommunID).orderBy("created_at", .descending).all().map { row in
                Key(
                    id: try row.decode(column: "id", as: UUID.self), label: try row.decode(column: "label", as: String.self),
                    createdBy: try row.decode(column: "created_by", as: String.self),
                    createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "created_at", as: Int64.self))),
                    revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) })
            }
    }

    public func revoke(id: UUID, by actor: Actor) async throws {
        guard try await all().contains(where: { $0.id == id && $0.revokedAt == nil }) else {
            throw StoreError.notFound("Nyckeln")
        }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("open311_keys").set("revoked_at", to: Int64(TryggClock.now.timeIntervalSince1970))
                .where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "spärrade Open311-nyckel", objectType: "open311-nyckel", objectID: id.uuidString,
                kommunID: kommunID, on: db)
        }
    }
}
