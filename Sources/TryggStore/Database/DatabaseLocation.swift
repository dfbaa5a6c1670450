import Foundation

/// Where Trygg keeps its data: one SQLite file by default, PostgreSQL to scale out.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    /// A private in-memory SQLite database, for tests. The identifier keeps tests apart.
    case sqliteMemory(identifier: String)
    /// `postgres://user:password@host:port/database`; `schema` confines all tables to one
    /// PostgreSQL schema (tests use one schema each so they can run in parallel).
    case postgres(url: String, schema: String? = nil)

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// For messages: never prints a password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite-filen \(path)"
        case .sqliteMemory: "en SQLite-databas i minnet"
        case .postgres(let url, let schema):
            "PostgreSQL \(Self.redacted(url))" + (schema.map { " (schema \($0))" } ?? "")
        }
    }

    static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return url }
        return String(url[..<scheme.upperBound]) + "…" + String(url[at...])
    }

    /// `--database PATH` unless `DATABASE_URL` names a PostgreSQL server.
    public static func resolve(databaseOption: String?, environment: [String: String]) -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty, databaseOption == nil {
            return .postgres(url: url)
        }
        return .sqliteFile(path: databaseOption ?? "trygg.sqlite")
    }
}

extension DatabaseLocation {
    /// A fresh, private database for one test: in-memory SQLite, or its own schema on the
    /// PostgreSQL server named by `DATABASE_URL`, so tests never see each other's rows.
    public static func isolatedForTest(environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url, schema: String(name))
        }
        return .sqliteMemory(identifier: String(name))
    }
}
