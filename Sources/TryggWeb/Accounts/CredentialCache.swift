import Foundation
import TryggStore

/// Credentials (API tokens, Open311 keys) that the database confirmed within the last
/// `lifetime` seconds, keyed by the SHA-256 of the secret so that no secret is kept in memory.
///
/// Why: an integration posts hundreds of events a second with one token, and looking the token
/// up for each request was a database round trip and most of the intake's cost. Only confirmed
/// credentials are kept, so a new one works at once and a wrong one is checked every time. The
/// app empties the cache itself when it disables a user or revokes a key; a change made elsewhere
/// (the CLI, a second app process) takes effect within `lifetime`.
final class CredentialCache<Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        let value: Value
        let validUntil: Date
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    let lifetime: TimeInterval
    /// Many distinct valid credentials are rare; the bound keeps memory flat whatever happens.
    let capacity: Int

    init(lifetime: TimeInterval = 2, capacity: Int = 5_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached value for `secret`, else what `load` finds. `load` returns the value and when the
    /// credential itself expires (nil: never), or nil when the database does not accept it.
    func value(
        for secret: String, now: Date = Date(),
        load: (_ secretHash: String) async throws -> (value: Value, expires: Date?)?
    ) async throws -> Value? {
        let hash = SessionStore.hash(secret)
        if let hit = cached(hash, now: now) { return hit }
        guard let found = try await load(hash) else { return nil }
        let fresh = now.addingTimeInterval(lifetime)
        let validUntil = found.expires.map { min($0, fresh) } ?? fresh
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = Entry(value: found.value, validUntil: validUntil)
        }
        return found.value
    }

    /// Forgets everything, after a change that may withdraw a credential.
    func removeAll() {
        lock.withLock { entries.removeAll() }
    }

    private func cached(_ hash: String, now: Date) -> Value? {
        lock.withLock {
            guard let entry = entries[hash] else { return nil }
            guard entry.validUntil > now else {
                entries[hash] = nil
                return nil
            }
            return entry.value
        }
    }
}
