import Foundation
import TryggCore
import TryggStore

/// A kommun's areas and categories, kept for a few seconds for the event intake API: an
/// integration may post hundreds of events a second, and reading and decoding the area
/// polygons for each was most of the work. A changed area or category is used at most
/// `lifetime` seconds later (also by a second app process on the same PostgreSQL).
actor ReferenceCache {
    struct Entry {
        let areas: [Area]
        let categories: [IncidentCategory]
        let lookup: CategoryLookup
        let loaded: Date
    }

    private var entries: [UUID: Entry] = [:]
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 5) { self.lifetime = lifetime }

    func lookups(kommunID: UUID, database: TryggDatabase, now: Date = Date()) async throws -> Entry {
        if let entry = entries[kommunID], now.timeIntervalSince(entry.loaded) < lifetime { return entry }
        let areas = try await AreaStore(database).all(kommunID: kommunID)
        let categories = try await CategoryStore(database).all(kommunID: kommunID)
        let entry = Entry(areas: areas, categories: categories, lookup: CategoryLookup(categories), loaded: now)
        entries[kommunID] = entry
        return entry
    }
}
