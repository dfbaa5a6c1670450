import FluentKit

/// Saves of one record taken one at a time across app processes (`RecordLockStore`): a row per
/// record being saved right now, with who holds it and until when it counts.
struct M049CreateRecordLocks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("record_locks")
            .field("id", .uuid, .identifier(auto: false))
            .field("holder", .uuid, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("record_locks").delete()
    }
}
