import Foundation
import Logging
import ServiceLifecycle
import TryggStore

/// Deletes expired sessions once an hour, so the table holds only live logins. Several app
/// processes may all run it; the delete is idempotent.
public struct SessionCleanupService: Service {
    let database: TryggDatabase
    let interval: Duration
    let logger = Logger(label: "trygg.sessions")

    public init(database: TryggDatabase, interval: Duration = .seconds(3600)) {
        self.database = database
        self.interval = interval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do { try await SessionStore(database).purgeExpired() } catch {
                logger.warning("Kunde inte rensa utgångna sessioner: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
