import FluentKit
import Foundation

/// Group commit: items that arrive while a write is in progress are stored together in the next
/// transaction. Each caller still gets its own result, and an item is acknowledged only after its
/// transaction committed. With SQLite's single writer this turns many small transactions into few
/// larger ones. Used for the intake APIs (EST events, residents' tips).
public actor GroupCommitQueue<Item: Sendable> {
    struct Pending {
        let item: Item
        let continuation: CheckedContinuation<Void, any Error>
    }

    public typealias Writer = @Sendable ([Item], any Database) async throws -> Void

    private let database: TryggDatabase
    private let writeBatch: Writer
    private let writerIsAtomic: Bool
    private var pending: [Pending] = []
    private var writing = false
    /// Upper bound of one transaction, so a flood cannot build one huge statement.
    let maxBatch = 500

    /// `write` stores a batch inside the transaction it is given. A writer that stores a batch in
    /// one statement, atomic by itself, says `atomic: true` and is spared the transaction: BEGIN
    /// and COMMIT are two more round trips to the database for every batch.
    public init(database: TryggDatabase, atomic: Bool = false, write: @escaping Writer) {
        self.database = database
        writerIsAtomic = atomic
        writeBatch = write
    }

    /// Stores the item; returns once its transaction committed.
    public func store(_ item: Item) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(item: item, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            do {
                try await write(batch.map(\.item))
                batch.forEach { $0.continuation.resume() }
            } catch {
                // One bad item must not fail the others: store them one by one.
                for entry in batch {
                    do {
                        try await write([entry.item])
                        entry.continuation.resume()
                    } catch {
                        entry.continuation.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    private func write(_ items: [Item]) async throws {
        let writeBatch = self.writeBatch
        if writerIsAtomic {
            try await writeBatch(items, database.db)
        } else {
            try await database.db.transaction { db in try await writeBatch(items, db) }
        }
    }
}
