import Foundation
import SQLKit

/// Everything Trygg holds for one kommun, table by table as JSON Lines: what a kommun takes with it
/// when it leaves Trygg or hands its data to an archive. Each table is listed here with how its
/// rows belong to the kommun; a table that is not listed is not exported, and the test that walks
/// the schema fails until it is listed here or under `leftOut` with the reason. Secrets (password
/// and token hashes, second-factor keys) never leave.
public struct KommunExport: Sendable {
    /// A unique column a large table is read by on PostgreSQL, page after page, in the order of
    /// its index. SQLite reads every table along its rowid, the order rows are stored in: by `id`
    /// it chose the kommun index and sorted the kommun's rows again for every page (2.5 minutes
    /// for a million events, against seconds).
    enum Key: Sendable {
        case uuid(String)
        case integer(String)

        var column: String {
            switch self {
            case .uuid(let name), .integer(let name): name
            }
        }
    }

    /// A table and how its rows belong to the kommun: `filter` is SQL in which `$K` stands for the
    /// kommun's id (a bind, never text). `order` is read page by page; nil for tables small enough
    /// to read at once.
    public struct Table: Sendable {
        public let name: String
        let filter: String
        let order: Key?
        let omitted: Set<String>

        init(_ name: String, _ filter: String = "kommun_id = $K", order: Key? = .uuid("id"), omitting omitted: Set<String> = []) {
            self.name = name
            self.filter = filter
            self.order = order
            self.omitted = omitted
        }
    }

    static func child(_ name: String, _ column: String, of parent: String, order: Key? = .uuid("id")) -> Table {
        Table(name, "\(column) IN (SELECT id FROM \(parent) WHERE kommun_id = $K)", order: order)
    }

    public static let tables: [Table] = [
        Table("kommuner", "id = $K"),
        Table("organisations"), Table("users", omitting: ["password_hash", "totp_secret"]), Table("areas"),
        Table("governing_documents"), Table("plans"), Table("plan_measures"), Table("plan_measure_changes"),
        child("plan_measure_organisations", "measure_id", of: "plan_measures", order: nil),
        Table("followup_rounds"), Table("followup_answers"),
        Table("incident_categories"), Table("incidents"), Table("est_weeks"), Table("est_priority_places"), Table("est_insatser"),
        Table("est_insats_followups"), Table("gatherings"),
        Table("citizen_settings", order: nil), Table("citizen_reports", omitting: ["token_hash"]), Table("public_information", order: nil),
        Table("crime_imports"), Table("crime_codes", order: nil), Table("crime_reports", order: .integer("police_id")),
        Table("crime_year_counts", order: nil), Table("population", order: nil), Table("regional_statistics", order: nil),
        Table("lagesbilder"), Table("lagesbild_problems"), Table("lagesbild_sources"),
        Table("criteria_settings", order: nil), Table("criteria_assessments"), Table("influence_scales", order: nil),
        Table("influence_assessments"), Table("police_areas", "TRUE"),
        Table("surveys"), Table("survey_settings", order: nil), Table("survey_indicators"),
        child("survey_responses", "survey_id", of: "surveys"), child("survey_texts", "survey_id", of: "surveys"),
        child("survey_places", "survey_id", of: "surveys"),
        Table("sharing_agreements", "owner_kommun_id = $K OR partner_kommun_id = $K"),
        Table("forums"), child("forum_members", "forum_id", of: "forums", order: nil), Table("meetings"),
        child("meeting_minutes", "meeting_id", of: "meetings"), Table("decisions"), Table("decision_followups"),
        Table("citizen_promises"), child("citizen_promise_followups", "promise_id", of: "citizen_promises"),
        Table("safety_walks"), child("walk_observations", "walk_id", of: "safety_walks"), child("walk_measures", "walk_id", of: "safety_walks"),
        Table("walk_causes"),
        Table("los_settings", order: nil), Table("los_inspections"), Table("los_participants"), Table("los_objects"), Table("los_visits"),
        Table("los_findings"),
        Table("audit_log"),
    ]

    /// Tables that are not exported, and why (written into the package's README).
    public static let leftOut: [(name: String, reason: String)] = [
        ("walk_photos", "fotona ligger som filer i mappen foton/, namngivna efter observationen"),
        ("sessions", "inloggningar som pågår: tillfälliga och hemliga"),
        ("password_resets", "länkar för nytt lösenord: tillfälliga och hemliga"),
        ("api_tokens", "personliga API-nycklar: bara deras kontrollsummor lagras, och de gäller inte utanför Trygg"),
        ("open311_keys", "Open311-nycklar: bara deras kontrollsummor lagras"),
        ("calendar_feeds", "adresser till kalenderflöden: bara deras kontrollsummor lagras"),
        ("survey_codes", "engångskoder till enkäter: bara kontrollsummor, aldrig kopplade till svaren"),
        ("incident_intake", "ingång för händelser på väg in (bara i SQLite), utan egna uppgifter"),
        ("outbox", "e-post som väntar på att skickas: raderas när den har skickats"),
        ("record_locks", "sparningar som pågår just nu, utan egna uppgifter"),
        ("_fluent_migrations", "databasens versionshistorik, inga uppgifter om kommunen"),
    ]

    let sql: any SQLDatabase
    let kommunID: UUID
    let postgres: Bool
    /// Rows read per query of a large table.
    let page: Int

    public init(_ scope: KommunScope, page: Int = 5_000) {
        sql = scope.database.sql
        kommunID = scope.kommunID
        postgres = scope.database.sql.isPostgres
        self.page = page
    }

    /// The tables of the database as it is migrated now, to check the lists above against.
    public static func schemaTables(_ database: TryggDatabase) async throws -> [String] {
        let query: SQLQueryString =
            database.sql.isPostgres
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
        return try await database.sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Writes each table's rows, a page at a time, as JSON objects (one per line) to `write`
    /// (table name, lines); returns the number of rows per table.
    public func rows(_ write: (String, [String]) async throws -> Void) async throws -> [(table: String, rows: Int)] {
        var counts: [(String, Int)] = []
        for table in Self.tables {
            let columns = try await self.columns(of: table.name).filter { !table.omitted.contains($0.name) }
            var count = 0
            var last: (any Encodable & Sendable)?
            while true {
                let rows = try await sql.raw(query(table, columns: columns, after: last)).all()
                let lines = try rows.map { try $0.decode(column: "line", as: String.self) }
                if !lines.isEmpty { try await write(table.name, lines) }
                count += lines.count
                guard let order = self.order(of: table), rows.count == page, let key = rows.last else { break }
                switch order {
                case .uuid: last = try key.decode(column: "k", as: UUID.self)
                case .integer: last = try key.decode(column: "k", as: Int.self)
                }
            }
            counts.append((table.name, count))
        }
        return counts
    }

    /// The photos of the kommun's trygghetsvandringar: observation id, kind (jpeg or png), bytes.
    public func photos(_ write: (UUID, String, Data) async throws -> Void) async throws -> Int {
        let ids = try await sql.raw(
            "SELECT p.observation_id AS id FROM walk_photos p JOIN walk_observations o ON o.id = p.observation_id JOIN safety_walks w ON w.id = o.walk_id WHERE w.kommun_id = \(bind: kommunID)"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        for id in ids {
            // One at a time: a photo may be megabytes.
            guard let row = try await sql.select().columns("kind", "bytes").from("walk_photos").where("observation_id", .equal, id).first() else { continue }
            try await write(id, try row.decode(column: "kind", as: String.self), try row.decode(column: "bytes", as: Data.self))
        }
        return ids.count
    }

    struct Column {
        let name: String
        let isBlob: Bool
    }

    func columns(of table: String) async throws -> [Column] {
        if postgres {
            return try await sql.raw(
                "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position"
            ).all().map { Column(name: try $0.decode(column: "name", as: String.self), isBlob: try $0.decode(column: "type", as: String.self) == "bytea") }
        }
        return try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all().map {
            Column(name: try $0.decode(column: "name", as: String.self), isBlob: try $0.decode(column: "type", as: String.self).uppercased() == "BLOB")
        }
    }

    func order(of table: Table) -> Key? {
        postgres ? table.order : .integer("rowid")
    }

    /// One page of a table as JSON text per row (`line`) with its order key (`k`).
    func query(_ table: Table, columns: [Column], after last: (any Encodable & Sendable)?) -> SQLQueryString {
        let quoted = { (name: String) in "\"\(name)\"" }
        let order = self.order(of: table).map { $0.column == "rowid" ? "rowid" : quoted($0.column) }
        var parts = SQLQueryString.StringInterpolation(literalCapacity: 256, interpolationCount: 4)
        if postgres {
            let list =
                (columns.map { $0.isBlob ? "encode(\(quoted($0.name)), 'hex') AS \(quoted($0.name))" : quoted($0.name) }
                + (order.map { ["\($0) AS k"] } ?? [])).joined(separator: ", ")
            let fields = columns.map { "x.\(quoted($0.name))" }.joined(separator: ", ")
            // row_to_json over the exported columns only; the key rides beside it.
            parts.appendLiteral(
                "SELECT (SELECT row_to_json(r)::text FROM (SELECT \(fields)) r) AS line"
                    + (order == nil ? "" : ", x.k") + " FROM (SELECT \(list) FROM \(quoted(table.name)) WHERE (")
        } else {
            let pairs = columns.map { "'\($0.name)', " + ($0.isBlob ? "hex(\(quoted($0.name)))" : quoted($0.name)) }.joined(separator: ", ")
            parts.appendLiteral("SELECT json_object(\(pairs)) AS line\(order.map { ", \($0) AS k" } ?? "") FROM \(quoted(table.name)) WHERE (")
        }
        let pieces = table.filter.components(separatedBy: "$K")
        for (index, piece) in pieces.enumerated() {
            parts.appendLiteral(piece)
            if index < pieces.count - 1 { parts.appendInterpolation(bind: kommunID) }
        }
        parts.appendLiteral(")")
        if let order {
            if let last {
                parts.appendLiteral(" AND \(order) > ")
                parts.appendInterpolation(bind: last)
            }
            parts.appendLiteral(" ORDER BY \(order) LIMIT \(page)")
        }
        if postgres { parts.appendLiteral(") x" + (order.map { _ in " ORDER BY x.k" } ?? "")) }
        return SQLQueryString(stringInterpolation: parts)
    }
}
