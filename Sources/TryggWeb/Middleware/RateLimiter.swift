import Foundation
import TryggCore

/// A fixed-window counter per key (client address). In memory on purpose: it protects one process
/// from a flood; the per-account lockout, which must hold across processes, lives in the database.
actor RateLimiter {
    private let limit: Int
    private let window: TimeInterval
    private var counts: [String: (windowStart: TimeInterval, count: Int)] = [:]
    private var lastPrune: TimeInterval = 0
    /// Beyond this many addresses in one window, expired entries are dropped (at most once a
    /// second, so a flood from many addresses does not make every request scan the table), and
    /// if the table is still full, unknown addresses are refused until it empties.
    static let maxKeys = 100_000

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one attempt; false when the key is over its limit in the current window. The time
    /// is the caller's `TryggClock`, so a test at a fixed instant stays in one window however slow
    /// the machine is.
    func allow(_ key: String, now: TimeInterval = TryggClock.now.timeIntervalSince1970) -> Bool {
        if counts.count >= Self.maxKeys, now - lastPrune >= 1 {
            counts = counts.filter { now - $0.value.windowStart < window }
            lastPrune = now
        }
        guard counts[key] != nil || counts.count < Self.maxKeys else { return false }
        var entry = counts[key] ?? (now, 0)
        if now - entry.windowStart >= window { entry = (now, 0) }
        entry.count += 1
        counts[key] = entry
        return entry.count <= limit
    }

    /// Gives back one counted attempt, for attempts that turned out legitimate: a kommun's staff
    /// often share one public address, and twenty colleagues logging in at eight must not lock
    /// out the twenty-first.
    func refund(_ key: String) {
        guard var entry = counts[key], entry.count > 0 else { return }
        entry.count -= 1
        counts[key] = entry
    }
}
