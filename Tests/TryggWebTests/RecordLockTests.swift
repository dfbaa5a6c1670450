import Foundation
import SQLKit
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// Two app processes on one database (here two `RecordLocks` over the same database, as two
/// processes would have) save the same record one at a time, so neither merges against a record
/// the other is rewriting.
@Suite("Sparningar av samma post turas om, även mellan två app-processer")
struct RecordLockTests {
    /// What happened, in order.
    actor Log {
        private(set) var lines: [String] = []
        func add(_ line: String) { lines.append(line) }
    }

    /// Opened by the test when the first save may finish.
    actor Gate {
        private var open = false
        func release() { open = true }
        func wait() async throws { while !open { try await Task.sleep(for: .milliseconds(5)) } }
    }

    static func heldRows(_ database: TryggDatabase) async throws -> Int {
        struct Row: Decodable { let n: Int }
        let sql = database.db as! any SQLDatabase
        return try await sql.raw("SELECT COUNT(*) AS n FROM record_locks").first(decoding: Row.self)?.n ?? -1
    }

    @Test("Den andra processens sparning väntar tills den första är klar; efteråt hålls inget kvar")
    func twoProcessesTakeTurns() async throws {
        try await Harness.run { harness, _ in
            let first = RecordLocks(database: harness.database), second = RecordLocks(database: harness.database)
            let record = UUID(), log = Log(), gate = Gate()
            let saving = Task {
                try await first.serially(record) {
                    await log.add("första börjar")
                    try await gate.wait()
                    await log.add("första klar")
                }
            }
            while await log.lines.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            let waiting = Task { try await second.serially(record) { await log.add("andra") } }
            // Another record is not held up meanwhile.
            try await second.serially(UUID()) { await log.add("annan post") }
            try await Task.sleep(for: .milliseconds(200))
            #expect(await log.lines == ["första börjar", "annan post"], "den andra sparningen har inte börjat")
            await gate.release()
            try await saving.value
            try await waiting.value
            #expect(await log.lines == ["första börjar", "annan post", "första klar", "andra"])
            #expect(try await Self.heldRows(harness.database) == 0)
        }
    }

    @Test("En sparning som misslyckas släpper posten; en process som dog med posten hållen hindrar bara en stund")
    func failedAndAbandonedHolds() async throws {
        try await Harness.run { harness, _ in
            let locks = RecordLocks(database: harness.database)
            let record = UUID()
            struct Refused: Error {}
            await #expect(throws: Refused.self) { try await locks.serially(record) { throw Refused() } }
            #expect(try await Self.heldRows(harness.database) == 0)
            // A hold whose time ran out, as a process killed mid-save leaves it.
            let sql = harness.database.db as! any SQLDatabase
            try await sql.insert(into: "record_locks").columns("id", "holder", "expires_at")
                .values(SQLBind(record), SQLBind(UUID()), SQLBind(Date().addingTimeInterval(-1))).run()
            let saved = try await locks.serially(record) { "sparad" }
            let held = try await Self.heldRows(harness.database)
            #expect(saved == "sparad" && held == 0)
        }
    }
}
