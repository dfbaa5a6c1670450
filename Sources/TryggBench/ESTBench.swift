import Foundation
import TryggCore
import TryggStore
import TryggWeb
import TryggDemo

/// EST at scale (issue 4): one kommun with 1,000,000 events over a year. Measures the CSV import
/// through the real `trygg import incidents`, the weekly lägesbild aggregate against the same SQL
/// in the `sqlite3` shell on the same file, the intake API against /health, and the server's RSS.
func benchmarkEST(binary: String, directory: URL, events: Int, seconds: Double, connections: Int) async throws {
    let databasePath = directory.appendingPathComponent("est.sqlite").path
    let database = try TryggDatabase(location: .sqliteFile(path: databasePath))
    try await database.migrate()
    try await DemoSeed.seedIfEmpty(database, followUp: false, est: false)
    let kommun = try await KommunStore(database).require(slug: "linkoping")
    await database.shutdown()

    // 1. A CSV of `events` rows over the 52 weeks up to last week, in and around the four areas.
    let csvPath = directory.appendingPathComponent("events.csv").path
    let lastWeek = ISOWeek.containing(Date()).adding(-1)
    let generated = writeEventsCSV(path: csvPath, events: events, until: lastWeek.end)
    print(String(format: "EST: %d händelser i CSV (%.0f MB)", events, Double(generated) / 1_048_576))
    let started = Date()
    let importer = Process()
    importer.executableURL = URL(fileURLWithPath: binary)
    importer.arguments = ["import", "incidents", "--database", databasePath, "--kommun", "linkoping", csvPath]
    importer.standardError = FileHandle.nullDevice
    try importer.run()
    var peakImportRSS = 0.0
    while importer.isRunning {
        peakImportRSS = max(peakImportRSS, ServerProcess.residentMB(pid: importer.processIdentifier) ?? 0)
        usleep(100_000)
    }
    let importSeconds = Date().timeIntervalSince(started)
    guard importer.terminationStatus == 0 else {
        print("Importen misslyckades")
        return
    }
    print(
        String(
            format: "Import av %d rader med trygg import incidents: %.1f s = %.0f rader/s (mål ≥ 50 000), topp-RSS %.0f MB",
            events, importSeconds, Double(events) / importSeconds, peakImportRSS))
    try await benchmarkIncidentImportOnPostgres(binary: binary, csvPath: csvPath, events: events)

    // 2. The weekly lägesbild aggregate, in-process through the store, and the same SQL in sqlite3.
    let reopened = try TryggDatabase(location: .sqliteFile(path: databasePath))
    let store = IncidentStore(KommunScope(reopened, kommunID: kommun.id))
    let areas = try await AreaStore(KommunScope(reopened, kommunID: kommun.id)).all()
    let categories = try await CategoryStore(KommunScope(reopened, kommunID: kommun.id)).all()
    var aggregate: [Double] = [], full: [Double] = []
    var weekTotal = 0
    for round in 0..<21 {
        let t0 = Date()
        let counts = try await store.weekCounts(weeks: lastWeek.adding(-4)...lastWeek)
        let summary = WeekSummary.summarise(week: lastWeek, counts: counts, areas: areas.map { ($0.id, $0.name) }, categories: categories)
        if round > 0 { aggregate.append(Date().timeIntervalSince(t0) * 1000) }
        weekTotal = summary.last?.total ?? 0
    }
    for _ in 0..<5 {
        let t0 = Date()
        _ = try await WeekReport.load(kommun: kommun, week: lastWeek, database: reopened)
        full.append(Date().timeIntervalSince(t0) * 1000)
    }
    await reopened.shutdown()
    let sql =
        "SELECT area_id, category_id, iso_week, COUNT(*) FROM incidents WHERE kommun_id = '\(kommun.id.uuidString)' "
        + "AND iso_week >= \(lastWeek.adding(-4).key) AND iso_week <= \(lastWeek.key) GROUP BY area_id, category_id, iso_week;"
    let shell = sqliteShellTimes(databasePath: databasePath, sql: sql, rounds: 20)
    let median = aggregate.sorted()[aggregate.count / 2]
    print(
        String(
            format: "Veckans lägesbild %@ (%d händelser i veckan), aggregat via Trygg: median %.1f ms, max %.1f ms (mål < 100 ms)",
            lastWeek.description, weekTotal, median, aggregate.max() ?? .nan))
    if let shellMedian = shell.sorted().dropFirst(shell.count / 2).first {
        print(String(format: "  samma SQL i sqlite3-skalet: median %.1f ms; Trygg / sqlite3 = %.2f (mål ≤ 1,5)", shellMedian, median / shellMedian))
    } else {
        print("  sqlite3-skalet finns inte; installera paketet sqlite3 för jämförelsen")
    }
    print(String(format: "  hela lägesbilden (aggregat, heta platser, profil, karta, lista): median %.0f ms", full.sorted()[2]))

    // 3–4. The server on that file: intake against /health, then the pages; the same on
    // PostgreSQL when DATABASE_URL is set (the events imported there above).
    let server = try ServerProcess(binary: binary, database: databasePath, port: 18_190)
    try await benchmarkESTServer(
        server, database: .sqliteFile(path: databasePath), events: events, lastWeek: lastWeek, seconds: seconds, connections: connections)
    server.stop()
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        print("PostgreSQL:")
        let onPostgres = try ServerProcess(binary: binary, database: nil, port: 18_191)
        try await benchmarkESTServer(
            onPostgres, database: .postgres(url: url), events: events, lastWeek: lastWeek, seconds: seconds, connections: connections)
        onPostgres.stop()
    }
}

/// Writes the CSV with a seeded generator; returns its size in bytes.
func writeEventsCSV(path: String, events: Int, until: Date) -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    var random = SplitMix64(seed: 42)
    let areas = DemoAreas.all.filter { $0.kommunSlug == "linkoping" }
    let categories = IncidentCategory.defaults.map(\.name)
    let span = 52.0 * 7 * 86_400
    var buffer = IncidentCSV.columns.joined(separator: ",") + "\n"
    var written = 0
    for index in 0..<events {
        let at = until.addingTimeInterval(-random.unit() * span)
        let area = areas[index % (areas.count + 1) == areas.count ? 0 : index % (areas.count + 1)]
        let outside = index % 10 == 9
        let lat = area.centre.latitude + (random.unit() - 0.5) * (outside ? 0.2 : 0.008)
        let lon = area.centre.longitude + (random.unit() - 0.5) * (outside ? 0.3 : 0.02)
        buffer +=
            IncidentTime.format(at) + "," + categories[Int(random.next() % UInt64(categories.count))]
            + String(format: ",%.5f,%.5f,,Syntetisk händelse för mätning,MOS\n", lat, lon)
        if buffer.utf8.count > 1 << 20 {
            written += buffer.utf8.count
            handle.write(Data(buffer.utf8))
            buffer = ""
        }
    }
    written += buffer.utf8.count
    handle.write(Data(buffer.utf8))
    return written
}

/// Runs the SQL `rounds` times in the sqlite3 shell with `.timer on` and returns the real times in ms.
func sqliteShellTimes(databasePath: String, sql: String, rounds: Int) -> [Double] {
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return [] }
    shell.arguments = [databasePath]
    let input = Pipe(), output = Pipe()
    shell.standardInput = input
    shell.standardOutput = output
    shell.standardError = output
    do { try shell.run() } catch { return [] }
    // The first run warms the page cache, as the in-process measurement's first (dropped) round does.
    input.fileHandleForWriting.write(Data((sql + "\n.timer on\n" + String(repeating: sql + "\n", count: rounds) + ".quit\n").utf8))
    try? input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    shell.waitUntilExit()
    return text.split(separator: "\n").compactMap { line -> Double? in
        guard line.hasPrefix("Run Time: real ") else { return nil }
        return Double(line.dropFirst("Run Time: real ".count).split(separator: " ").first ?? "").map { $0 * 1000 }
    }
}

/// The same import into PostgreSQL (the server `DATABASE_URL` names, its default schema), when
/// one is given: the regional installation's store.
func benchmarkIncidentImportOnPostgres(binary: String, csvPath: String, events: Int) async throws {
    guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return }
    let database = try TryggDatabase(location: .postgres(url: url))
    try await database.migrate()
    try await DemoSeed.seedIfEmpty(database, followUp: false, est: false)
    await database.shutdown()
    // The SQLite import just before left hundreds of MB to write back; measured without that.
    sync()
    let started = Date()
    let importer = Process()
    importer.executableURL = URL(fileURLWithPath: binary)
    importer.arguments = ["import", "incidents", "--kommun", "linkoping", csvPath]
    // Its progress lines say where the time went (reading, storing, indexes).
    let progress = Pipe()
    importer.standardError = progress
    try importer.run()
    let lines = String(decoding: progress.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
    importer.waitUntilExit()
    let seconds = Date().timeIntervalSince(started)
    guard importer.terminationStatus == 0 else { return print("PostgreSQL: importen misslyckades") }
    print(
        String(
            format: "PostgreSQL: import av %d rader med trygg import incidents: %.1f s = %.0f rader/s (mål ≥ 100 000)", events, seconds,
            Double(events) / seconds))
    for line in lines where !line.contains("sparat ") { print("  \(line.trimmingCharacters(in: .whitespaces))") }
}
