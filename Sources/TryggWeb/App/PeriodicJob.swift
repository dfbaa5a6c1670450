import Foundation
import Logging
import ServiceLifecycle
import TryggStore

/// Housekeeping that runs once an hour inside `serve`, as a service that stops with the server.
/// Several app processes may all run the same job, so each job must be idempotent.
public struct PeriodicJob: Service {
    let name: String
    let interval: Duration
    let work: @Sendable (Logger) async throws -> Void
    let logger: Logger

    public init(name: String, interval: Duration = .seconds(3600), work: @escaping @Sendable (Logger) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.work = work
        logger = Logger(label: "trygg.\(name)")
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do { try await work(logger) } catch {
                logger.warning("Underhållsjobbet \(name) misslyckades: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Deletes expired sessions, so the table holds only live logins.
    public static func sessionCleanup(_ database: TryggDatabase) -> PeriodicJob {
        PeriodicJob(name: "sessions") { _ in try await SessionStore(database).purgeExpired() }
    }

    /// Deletes residents' contact details whose retention period is over.
    public static func contactRetention(_ database: TryggDatabase) -> PeriodicJob {
        PeriodicJob(name: "retention") { logger in
            let purged = try await CitizenStore.purgeExpiredContacts(in: database)
            if purged > 0 { logger.info("Raderade kontaktuppgifter i \(purged) tips vars lagringstid gått ut.") }
        }
    }
}
