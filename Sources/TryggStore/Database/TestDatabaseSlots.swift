import Foundation
import TryggCore

/// A test run opens a private database per test, and Swift Testing starts them all at once. On
/// PostgreSQL each holds up to four connections, and some 200 tests starting together used up
/// the server's 400 ("sorry, too many clients already"). A test takes a slot for as long as its
/// database is open; the others wait their turn. SQLite's in-memory databases need no slot.
public enum TestDatabaseSlots {
    static let slots = ConcurrencyLimit(limit: 48, maxWaiting: .max)

    /// Runs `body` holding a slot when the tests run on PostgreSQL (`DATABASE_URL` set).
    public static func withSlot<T>(
        environment: [String: String] = ProcessInfo.processInfo.environment, _ body: () async throws -> T
    ) async throws -> T {
        guard let url = environment["DATABASE_URL"], !url.isEmpty else { return try await body() }
        _ = await slots.enter()
        do {
            let result = try await body()
            await slots.leave()
            return result
        } catch {
            await slots.leave()
            throw error
        }
    }
}
