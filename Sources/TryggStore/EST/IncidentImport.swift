import FluentKit
import Foundation
import NIOCore
import SQLKit
import TryggCore

/// Importing events: all rows or, on any problem, none. The rows are stored in the order of
/// their time, and prepared (checked, their organisation and area resolved, encoded for SQLite)
/// in chunks on the other cores while the database stores the chunk before, all inside one
/// transaction that a problem rolls back. Done one after the other, checking a million rows and
/// storing them each took a core for seconds.
extension IncidentStore {
    public enum ImportProgress: Sendable, Equatable {
        case stored(Int, of: Int)
        /// Storing is done; the search indexes dropped for a large import are being built again.
        case indexing
    }

    /// Checks the rows of an incidents CSV (ARCHITECTURE.md) and stores them.
    @discardableResult
    public func importCSV(
        _ table: CSVTable, fileName: String, by actor: Actor, now: Date = TryggClock.now,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> Int {
        let categories = try await CategoryStore(db: db, kommunID: kommunID).all()
        let resolver = try await RowResolver(kommunID: kommunID, source: .imported, now: now, db: db)
        let checker = try IncidentCSV.Checker(header: table.header, categories: categories, areaNames: resolver.areas.map(\.name), now: now)
        let order = checker.timeOrder(table.rows)
        return try await store(count: table.rows.count, kommunID: kommunID, fileName: fileName, by: actor, progress: progress) { range in
            let checked = checker.check(order[range].lazy.map { table.rows[$0] })
            let resolved = resolver.records(checked.rows[...], firstIndex: range.lowerBound)
            return (resolved.records, checked.problems + resolved.problems)
        }
    }

    /// Stores rows already checked (the demo's generated year, tests).
    @discardableResult
    public func importRows(
        _ rows: [IncidentCSV.Row], fileName: String, source: IncidentSource = .imported, by actor: Actor,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> Int {
        let resolver = try await RowResolver(kommunID: kommunID, source: source, now: TryggClock.now, db: db)
        let rows = rows.sorted { $0.incident.occurredAt < $1.incident.occurredAt }
        return try await store(count: rows.count, kommunID: kommunID, fileName: fileName, by: actor, progress: progress) { range in
            resolver.records(rows[range], firstIndex: range.lowerBound)
        }
    }

    typealias PreparedChunk = (records: [Incident], problems: [ImportProblem])

    /// A chunk ready to be stored: as JSON batches on SQLite, as COPY text on PostgreSQL. A
    /// chunk with problems carries only those, as nothing more will be stored.
    struct ReadyChunk: Sendable {
        var count = 0
        var problems: [ImportProblem] = []
        var json: [EncodedBatch] = []
        var copyText = ByteBuffer()
    }

    /// The chunks of an import in order, each started two ahead of the one being stored, and
    /// the problems they found.
    actor ChunkFeed {
        private let ranges: [Range<Int>]
        private let start: @Sendable (Range<Int>) -> Task<ReadyChunk, Never>
        private var waiting: [Task<ReadyChunk, Never>]
        private var next: Int
        private(set) var problems: [ImportProblem] = []
        /// Rows of the chunks handed out for storing so far.
        private(set) var stored = 0

        init(ranges: [Range<Int>], start: @escaping @Sendable (Range<Int>) -> Task<ReadyChunk, Never>) {
            self.ranges = ranges
            self.start = start
            waiting = ranges.prefix(2).map(start)
            next = waiting.count
        }

        /// The next chunk to store; nil when all are stored or a problem stopped the storing.
        /// After the first problem the rest is still checked, so that the error list is
        /// complete (up to its limit).
        func nextToStore() async -> ReadyChunk? {
            while !waiting.isEmpty {
                let prepared = await waiting.removeFirst().value
                if next < ranges.count {
                    waiting.append(start(ranges[next]))
                    next += 1
                }
                problems += prepared.problems
                if problems.count >= IncidentCSV.maxProblems {
                    waiting.forEach { $0.cancel() }
                    waiting = []
                    return nil
                }
                if problems.isEmpty {
                    stored += prepared.count
                    return prepared
                }
            }
            return nil
        }
    }

    /// The pipeline: two chunks are prepared ahead of the one being stored. On PostgreSQL the
    /// chunks go through one COPY, so the server never waits for the next statement.
    private func store(
        count: Int, kommunID: UUID, fileName: String, by actor: Actor, progress: (@Sendable (ImportProgress) -> Void)?,
        prepare: @escaping @Sendable (Range<Int>) -> PreparedChunk
    ) async throws -> Int {
        let chunk = 20_000, batch = 2_000
        let ranges = stride(from: 0, to: count, by: chunk).map { $0..<min($0 + chunk, count) }
        let sqlite = sql.dialect.name == "sqlite"
        @Sendable func start(_ range: Range<Int>) -> Task<ReadyChunk, Never> {
            Task.detached {
                let prepared = prepare(range)
                guard prepared.problems.isEmpty else { return ReadyChunk(problems: prepared.problems) }
                guard sqlite else { return ReadyChunk(count: prepared.records.count, copyText: Self.copyText(prepared.records)) }
                let json = stride(from: 0, to: prepared.records.count, by: batch).map {
                    Self.encode(prepared.records[$0..<min($0 + batch, prepared.records.count)])
                }
                return ReadyChunk(count: prepared.records.count, json: json)
            }
        }
        /// Within the transaction: the chunks as they are ready, then the indexes and the audit entry.
        @Sendable func storeChunks(db: any Database, rebuild: Bool) async throws -> Int {
            let sql = db as! any SQLDatabase
            if rebuild { try await Self.dropIndexes(on: sql) }
            let feed = ChunkFeed(ranges: ranges, start: start)
            if sqlite {
                while let ready = await feed.nextToStore() {
                    for encoded in ready.json { try await Self.insertJSON(encoded, on: sql) }
                    progress?(.stored(await feed.stored, of: count))
                }
            } else {
                try await PostgresCopy.copy(into: "incidents", columns: Self.columns, on: db) { rows in
                    while let ready = await feed.nextToStore() {
                        try await rows.write(ready.copyText)
                        progress?(.stored(await feed.stored, of: count))
                    }
                }
            }
            let problems = await feed.problems
            guard problems.isEmpty else {
                throw ImportFailure(Array(problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }.prefix(IncidentCSV.maxProblems)))
            }
            let stored = await feed.stored
            if rebuild {
                progress?(.indexing)
                try await Self.rebuildIndexes(on: sql)
            }
            try await AuditLog.record(
                actor, action: "importerade händelser", objectType: "händelser", objectID: fileName,
                detail: "\(stored) händelser", kommunID: kommunID, on: db)
            return stored
        }
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let large = try await Self.isBulk(count, on: sql)
            if large && !sqlite {
                return try await PostgresCopy.suspendingForeignKeys(of: "incidents", on: sql) {
                    try await storeChunks(db: db, rebuild: true)
                }
            }
            return try await storeChunks(db: db, rebuild: large)
        }
    }

    /// Turns checked rows into events: organisation by abbreviation or name, area by name or from the point.
    struct RowResolver: Sendable {
        let kommunID: UUID
        let source: IncidentSource
        let now: Date
        let areas: [Area]
        let organisations: [String: UUID]

        init(kommunID: UUID, source: IncidentSource, now: Date, db: any Database) async throws {
            self.kommunID = kommunID
            self.source = source
            self.now = now
            areas = try await AreaStore(db: db, kommunID: kommunID).all()
            var byName: [String: UUID] = [:]
            for organisation in try await OrganisationStore(db: db, kommunID: kommunID).organisations() {
                // As written and lowercased: most files write them as the kommun does.
                for key in [organisation.abbreviation, organisation.name] {
                    byName[key] = organisation.id
                    byName[key.lowercased()] = organisation.id
                }
            }
            organisations = byName
        }

        /// `firstIndex` is the first row's place in the import: keys are one millisecond apart
        /// in that order, so the rows of an import get increasing keys.
        func records(_ rows: ArraySlice<IncidentCSV.Row>, firstIndex: Int) -> PreparedChunk {
            var problems: [ImportProblem] = []
            var records: [Incident] = []
            records.reserveCapacity(rows.count)
            var system = SystemRandomNumberGenerator()
            var random = SplitMix64(seed: system.next())
            func resolve(_ row: borrowing IncidentCSV.Row, offset: Int) {
                var organisationID: UUID?
                if !row.organisation.isEmpty {
                    organisationID = organisations[row.organisation] ?? organisations[row.organisation.lowercased()]
                    if organisationID == nil {
                        problems.append(
                            ImportProblem(
                                line: row.line, column: "reporter_organisation",
                                message: "organisationen ”\(row.organisation.prefix(60))” finns inte i kommunen."))
                    }
                }
                let areaID: UUID?
                do { areaID = try IncidentStore.areaID(for: row.incident, in: areas) } catch {
                    problems.append(ImportProblem(line: row.line, column: "area", message: "\(error)"))
                    return
                }
                let key = TimeOrderedUUID.make(now: now.addingTimeInterval(Double(firstIndex + offset) / 1000), using: &random)
                records.append(
                    Incident(
                        id: key, kommunID: kommunID, categoryID: row.incident.category.id, subcategory: row.incident.subcategory,
                        occurredAt: row.incident.occurredAt, endedAt: nil, precision: .exact, point: row.incident.point,
                        areaID: areaID, place: row.incident.place, description: row.incident.description,
                        organisationID: organisationID, reporterID: nil, source: source, createdAt: now, updatedAt: now))
            }
            // Borrowed from the buffer: iterating the rows copied each one, retaining all its texts.
            rows.withUnsafeBufferPointer { buffer in
                for offset in buffer.indices { resolve(buffer[offset], offset: offset) }
            }
            return (records, problems)
        }
    }
}
