import Foundation

/// A fixed-window counter per key (client address). In memory on purpose: it protects one process
/// from a flood; the per-account lockout, which must hold across processes, lives in the database.
actor RateLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var counts: [String: (windowStart: TimeInterval, count: Int)] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one attempt; false when the key is over its limit in the current window.
    func allow(_ key: String, now: TimeInterval = Date().timeIntervalSince1970) -> Bool {
        if counts.count > 10_000 { counts = counts.filter { now - $0.value.windowStart < window } }
        var entry = counts[key] ?? (now, 0)
        if now - entry.windowStart >= window { entry = (now, 0) }
        entry.count += 1
        counts[key] = entry
        return entry.count <= limit
    }
}
