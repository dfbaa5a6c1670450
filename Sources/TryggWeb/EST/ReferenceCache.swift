import Foundation
import TryggCore
import TryggStore

/// A kommun's areas, categories and tip settings, kept for a few seconds for the intake APIs: an
/// integration may post hundreds of events a second, and reading and decoding the area
/// polygons for each was most of the work. A changed area or category is used at most
/// `lifetime` seconds later (also by a second app process on the same PostgreSQL).
/// A lock rather than an actor: a hit is a dictionary read, and on the intake path every hop to
/// another executor adds latency. Two requests that miss at once may both load; that is harmless.
final class ReferenceCache: @unchecked Sendable {
    struct Entry {
        let areas: [Area]
        let categories: [IncidentCategory]
        let lookup: CategoryLookup
        /// The kommun's settings for residents' tips (accepted rectangle, retention).
        let citizenSettings: CitizenSettings
        /// The rectangle tips must lie in: the configured one, else the areas' extent plus a margin.
        let citizenBounds: KommunBounds?
        let loaded: Date
    }

    private let lock = NSLock()
    private var entries: [UUID: Entry] = [:]
    /// Kommuner by slug, for the public pages and Open311. Only slugs that exist are kept, so
    /// made-up slugs cannot grow the cache.
    private var kommuner: [String: (kommun: Kommun, loaded: Date)] = [:]
    /// Surveys by kommun and code, for their public form. Only surveys that exist are kept.
    private var surveys: [String: (survey: Survey, loaded: Date)] = [:]
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 5) { self.lifetime = lifetime }

    /// Drops the kommun's entry after its areas change here, so this process answers with the
    /// change at once (another process still within `lifetime`).
    func forget(_ kommun: KommunScope) {
        _ = lock.withLock { entries.removeValue(forKey: kommun.kommunID) }
    }

    func lookups(for kommun: KommunScope, now: Date = Date()) async throws -> Entry {
        let kommunID = kommun.kommunID
        if let entry = lock.withLock({ entries[kommunID] }), now.timeIntervalSince(entry.loaded) < lifetime { return entry }
        let areas = try await AreaStore(kommun).all()
        let categories = try await CategoryStore(kommun).all()
        let settings = try await CitizenSettingsStore(kommun).settings()
        let entry = Entry(
            areas: areas, categories: categories, lookup: CategoryLookup(categories), citizenSettings: settings,
            citizenBounds: settings.bounds ?? KommunBounds.around(areas.compactMap(\.shape)), loaded: now)
        lock.withLock { entries[kommunID] = entry }
        return entry
    }

    /// A survey of the kommun by its code: its form is read once per answer, and decoding its
    /// questions cost more than storing the answer. A changed window applies `lifetime` seconds later.
    func survey(code: String, in kommun: KommunScope, now: Date = Date()) async throws -> Survey? {
        let key = "\(kommun.kommunID) \(code)"
        if let cached = lock.withLock({ surveys[key] }), now.timeIntervalSince(cached.loaded) < lifetime { return cached.survey }
        guard let survey = try await SurveyStore(kommun).find(code: code) else { return nil }
        lock.withLock { surveys[key] = (survey, now) }
        return survey
    }

    func kommun(slug: String, database: TryggDatabase, now: Date = Date()) async throws -> Kommun? {
        if let cached = lock.withLock({ kommuner[slug] }), now.timeIntervalSince(cached.loaded) < lifetime { return cached.kommun }
        guard slug.count <= 60, let kommun = try await KommunStore(database).find(slug: slug) else { return nil }
        lock.withLock { kommuner[slug] = (kommun, now) }
        return kommun
    }
}
