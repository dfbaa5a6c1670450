import Foundation

/// A test run opens a private database per test, and Swift Testing starts them all at once. On
/// PostgreSQL each holds up to four connections, and some 200 tests starting together used up
/// the server's 400 ("sorry, too many clients already"). A test takes a slot for as long as its
/// database is open; the others wait their turn. SQLite's in-memory databases need no slot.
public actor TestDatabaseSlots {
    public static let shared = TestDatabaseSlots(limit: 48)

    private let limit: Int
    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    /// Runs `body` holding a slot when the tests run on PostgreSQL (`DATABASE_URL` set).
    public static func withSlot<T>(
        environment: [String: String] = ProcessInfo.processInfo.environment, _ body: () async throws -> T
    ) async throws -> T {
        guard let url = environment["DATABASE_URL"], !url.isEmpty else { return try await body() }
        await shared.acquire()
        do {
            let result = try await body()
            await shared.release()
            return result
        } catch {
            await shared.release()
            throw error
        }
    }

    func acquire() async {
        if open < limit {
            open += 1
            return
        }
        // The slot is handed over by `release`, so `open` stays as it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { open = max(0, open - 1) } else { waiting.removeFirst().resume() }
    }
}
