import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A record's save held against every app process sharing the database: a form is merged with
/// the stored record between reading and writing it (`EditedRecord`), and two processes doing
/// that at once would both merge against the old record, the second overwriting the first.
///
/// A row in `record_locks` is the hold; inserting it succeeds for one process only. A process
/// that ends while holding leaves its row, which stops counting after `lifetime`.
public struct RecordLockStore: Sendable {
    let sql: any SQLDatabase

    /// Longer than any save takes; how long a save waits for one whose process ended.
    public static let lifetime: TimeInterval = 30
    /// How often a waiting save asks again.
    static let pause: Duration = .milliseconds(20)

    public init(_ database: TryggDatabase) { sql = database.db as! any SQLDatabase }

    /// Holds `id`, waiting while another holds it; returns the hold to release.
    public func acquire(_ id: UUID) async throws -> UUID {
        let holder = UUID()
        while true {
            let now = Date()
            try await sql.delete(from: "record_locks").where("id", .equal, id).where("expires_at", .lessThan, now).run()
            try await sql.insert(into: "record_locks").columns("id", "holder", "expires_at")
                .values(SQLBind(id), SQLBind(holder), SQLBind(now.addingTimeInterval(Self.lifetime)))
                .ignoringConflicts(with: ["id"]).run()
            struct Row: Decodable { let holder: UUID }
            let current = try await sql.select().column("holder").from("record_locks").where("id", .equal, id).first(decoding: Row.self)
            if current?.holder == holder { return holder }
            try await Task.sleep(for: Self.pause)
        }
    }

    /// Gives the hold up; a hold that has already been taken over is left to its new holder.
    public func release(_ id: UUID, holder: UUID) async throws {
        try await sql.delete(from: "record_locks").where("id", .equal, id).where("holder", .equal, holder).run()
    }
}
