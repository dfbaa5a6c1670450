import Foundation
import TryggStore

/// Runs `body` against a freshly migrated private database and removes it afterwards.
func withMigratedDatabase<T>(_ body: (TryggDatabase) async throws -> T) async throws -> T {
    try await TestDatabaseSlots.withSlot {
        let database = try TryggDatabase(location: .isolatedForTest())
        do {
            try await database.migrate()
            let result = try await body(database)
            try await database.dropTestSchema()
            await database.shutdown()
            return result
        } catch {
            try? await database.dropTestSchema()
            await database.shutdown()
            throw error
        }
    }
}
