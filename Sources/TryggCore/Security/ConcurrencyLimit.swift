import Foundation

/// Counts work in progress: at most `limit` at once, at most `maxWaiting` more waiting in turn
/// for a place, and the rest refused at once. The public intake counts reports being written
/// with it; test runs count open PostgreSQL test databases (`TestDatabaseSlots`). For the
/// intake, refusing everything beyond `limit` made a busy minute worse: the refused clients
/// asked again at once, and answering them took the CPU the writes needed (measured at 50
/// clients: three times the stored reports with the queue, and no refusals).
public actor ConcurrencyLimit {
    private let limit: Int
    private let maxWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int, maxWaiting: Int) {
        self.limit = limit
        self.maxWaiting = maxWaiting
    }

    /// True when the caller may write (after waiting its turn if need be); false when full.
    public func enter() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count < maxWaiting else { return false }
        // The place is handed over by `leave`, so `running` stays as it is.
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Whether a new report would be refused now.
    public var isQueueFull: Bool { running >= limit && waiting.count >= maxWaiting }

    public func leave() {
        if waiting.isEmpty {
            running = max(0, running - 1)
        } else {
            waiting.removeFirst().resume()
        }
    }
}
