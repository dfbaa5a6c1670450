import Foundation
import Logging
import ServiceLifecycle
import TryggStore

/// Deletes residents' contact details whose retention period is over, once an hour. Several app
/// processes may all run it; the update is idempotent.
public struct ContactRetentionService: Service {
    let database: TryggDatabase
    let interval: Duration
    let logger = Logger(label: "trygg.retention")

    public init(database: TryggDatabase, interval: Duration = .seconds(3600)) {
        self.database = database
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let purged = try await CitizenStore(database).purgeExpiredContacts()
                if purged > 0 { logger.info("Raderade kontaktuppgifter i \(purged) tips vars lagringstid gått ut.") }
            } catch {
                logger.warning("Kunde inte radera utgångna kontaktuppgifter: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
