import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// Owns the connection pools and the migrations. This is the small glue that
/// `hummingbird-fluent` would provide: open, migrate on request, hand out a `Database`, shut down.
public final class TryggDatabase: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    let logger: Logger
    /// SQLite serialises writers anyway; one connection on one event loop avoids lock contention.
    private let eventLoop: any EventLoop

    public enum OpenError: Error, CustomStringConvertible {
        case invalidURL(String)
        public var description: String {
            switch self {
            case .invalidURL(let reason): "DATABASE_URL går inte att tolka: \(reason)"
            }
        }
    }

    public init(location: DatabaseLocation, logger: Logger = Logger(label: "trygg.db")) throws {
        self.location = location
        self.logger = logger
        let group = MultiThreadedEventLoopGroup.singleton
        databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        eventLoop = group.next()
        switch location {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory(let identifier):
            databases.use(.sqlite(.init(storage: .memory(identifier: identifier)), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let schema):
            var configuration: SQLPostgresConfiguration
            do { configuration = try SQLPostgresConfiguration(url: url) } catch {
                throw OpenError.invalidURL(String(describing: error))
            }
            if let schema { configuration.searchPath = [schema] }
            databases.use(
                .postgres(
                    // A test's private schema needs few connections, and the suite runs many tests at once.
                    configuration: configuration, maxConnectionsPerEventLoop: schema == nil ? 4 : 2, encodingContext: .default,
                    decodingContext: .default, sqlLogLevel: .trace),
                as: .psql)
        }
    }

    /// A handle for queries. Cheap: call it per request.
    public var db: any Database {
        let loop = location.isPostgres ? databases.eventLoopGroup.any() : eventLoop
        return databases.database(logger: logger, on: loop)!
    }

    public var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Throws when the database does not answer (`/health`, `/metrics`).
    public func ping() async throws { try await sql.raw("SELECT 1").run() }

    /// Settings that must hold before anything else touches the database.
    public func prepare() async throws {
        switch location {
        case .sqliteFile:
            // WAL lets readers run while a writer writes, which a web app needs.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            // In WAL mode NORMAL syncs at checkpoints instead of at every commit: the database stays
            // consistent after a crash, and a power cut can lose at most the last commits. FULL
            // capped writes at the disk's fsync rate (about 100 reports/s measured here).
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            // 64 MB of page cache (the default is 2 MB): a large import or a year of events stays in memory.
            try await sql.raw("PRAGMA cache_size=-65536").run()
            try await sql.raw("PRAGMA foreign_keys=ON").run()
        case .sqliteMemory:
            try await sql.raw("PRAGMA foreign_keys=ON").run()
        case .postgres(_, let schema):
            if let schema {
                try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        }
    }

    private func migrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(TryggMigrations.all)
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .debug)
    }

    /// Runs every migration that has not run yet. Returns their names.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await prepare()
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
        if !pending.isEmpty { try await migrator.prepareBatch().get() }
        return pending
    }

    /// The migrations that have not run, so `serve` can refuse an outdated database.
    public func pendingMigrations() async throws -> [String] {
        try await prepare()
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    /// Removes the test schema (PostgreSQL) so parallel test runs leave nothing behind.
    public func dropTestSchema() async throws {
        if case .postgres(_, let schema?) = location {
            try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

extension SQLDatabase {
    var isPostgres: Bool { dialect.name == "postgresql" }
}
