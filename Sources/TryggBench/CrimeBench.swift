import Foundation
import TryggCore
import TryggStore
import TryggWeb

/// The lägesbild's crime statistics at the scale of a large kommun (issue 13): ten years of the
/// police's DeSO extract, 2,000,000 rows over 150 DeSO and 40 crime codes. Measures reading and
/// checking the file, storing it (the code `trygg import crimes` runs), importing it again (every
/// Id already stored), and the year's table over every DeSO and over the kommun's areas — on
/// SQLite and, when DATABASE_URL names one, on PostgreSQL.
func benchmarkCrimes(directory: URL, rows: Int) async throws {
    let csvPath = directory.appendingPathComponent("crimes.csv").path
    let deso = (1...150).map { String(format: "0580C%04d", $0) }
    let bytes = writeCrimeExtract(path: csvPath, rows: rows, deso: deso)
    print(String(format: "Brottsstatistik: %d rader i polisens format (%.0f MB), 150 DeSO, 40 brottskoder, 2015–2024", rows, Double(bytes) / 1_048_576))
    var locations: [(String, DatabaseLocation)] = [("SQLite", .sqliteFile(path: directory.appendingPathComponent("crimes.sqlite").path))]
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
        locations.append(("PostgreSQL", DatabaseLocation.isolatedForTest()))
    }
    for (name, location) in locations {
        let database = try TryggDatabase(location: location)
        try await database.migrate()
        let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
        let actor = Actor.commandLine(kommunID: kommun.id)
        let regions = stride(from: 0, to: deso.count, by: 5).map { ("Område \($0 / 5 + 1)", Array(deso[$0..<min($0 + 5, deso.count)])) }
        _ = try await AreaStore(KommunScope(database, kommunID: kommun.id)).importDesoRegions(
            regions.map { (name: $0.0, deso: $0.1) }, source: "bench", by: actor)
        let population = PopulationTable.Result(
            counts: deso.flatMap { code in (2015...2024).map { PopulationCount(deso: code, year: $0, count: 1_500 + Int(code.suffix(4))! * 7 % 500) } },
            skippedRows: 0, years: Array(2015...2024), desoCount: deso.count)
        try await PopulationStore(KommunScope(database, kommunID: kommun.id)).importCounts(population, fileName: "bench", by: actor)

        let started = Date()
        let table = try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: csvPath)))
        let read = Date().timeIntervalSince(started)
        let extract = try CrimeExtract.read(table, kommun: kommun, knownDeso: Set(deso))
        let parsed = Date().timeIntervalSince(started)
        let summary = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).importExtract(extract, fileName: "crimes.csv", by: actor)
        let total = Date().timeIntervalSince(started)
        let rss = ServerProcess.residentMB(pid: getpid()) ?? .nan
        print(
            String(
                format: "%@: import %d rader på %.1f s = %.0f rader/s (läsa CSV %.1f s, kontrollera %.1f s, spara %.1f s; mål ≥ 100 000 rader/s), RSS %.0f MB",
                name, summary.rows, total, Double(summary.rows) / total, read, parsed - read, total - parsed, rss))
        let againStarted = Date()
        let again = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).importExtract(extract, fileName: "crimes.csv", by: actor)
        let againSeconds = Date().timeIntervalSince(againStarted)
        print(
            String(
                format: "%@: samma uttag igen (%d nya) sparat på %.1f s = %.0f rader/s", name, again.newRows, againSeconds, Double(again.rows) / againSeconds))
        for level in CrimeStore.AreaLevel.allCases {
            var times: [Double] = []
            for _ in 0..<7 {
                let start = Date()
                _ = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).figures(year: 2023, basis: .brott, level: level)
                times.append(Date().timeIntervalSince(start) * 1000)
            }
            times.sort()
            print(
                String(
                    format: "%@: årets tabell 2023 per %@: median %.0f ms, max %.0f ms (mål < 50 ms)", name,
                    level == .deso ? "DeSO (150)" : "område (30)", times[3], times[6]))
        }
        try await printYearTableParts(
            name: name, store: CrimeStore(KommunScope(database, kommunID: kommun.id)), scope: KommunScope(database, kommunID: kommun.id))
        try await benchmarkLagesbildDocument(name: name, database: database, kommun: kommun)
        try await database.dropTestSchema()
        await database.shutdown()
    }
}

/// The decided lägesbild as Word over the same data: loading it (its problems, sources, measures
/// and the year's crime table) and writing the file, as the download button and `trygg report
/// lagesbild --format docx` do.
func benchmarkLagesbildDocument(name: String, database: TryggDatabase, kommun: Kommun) async throws {
    let scope = KommunScope(database, kommunID: kommun.id)
    let actor = Actor.commandLine(kommunID: kommun.id)
    let store = LagesbildStore(scope)
    let draft = try await store.createDraft(periodFrom: "2022-01-01", periodTo: "2023-12-31", by: actor)
    let text = String(repeating: "Skadegörelsen ökar kvällstid kring torget och tunneln. ", count: 60)
    try await store.saveTexts(
        .init(mapping: text, otherInformation: text, analysis: text, criminalInfluence: text), periodFrom: "2022-01-01",
        periodTo: "2023-12-31", of: draft.id, by: actor)
    for index in 1...12 {
        try await store.saveProblem(
            PrioritisedProblem(
                id: UUID(), title: "Problem \(index)", area: "Område \(index)", reasons: [.okar, .vanligast], victims: text, offenders: text,
                place: text, noMeasureReason: "Ny åtgärd beslutas i nästa plan."), in: draft.id, by: actor)
    }
    try await store.decide(
        draft.id, decision: .init(decidedBy: "Trygghetsrådet", decidedOn: "2024-03-14", diarienummer: "KS 2024-212", nextDue: "2026-03-14"), by: actor)
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<10 {
        let start = Date()
        guard let document = try await store.find(version: nil) else { return }
        bytes = try await LagesbildReport.load(document, kommun: kommun, database: database).docx().count
        times.append(Date().timeIntervalSince(start) * 1000)
    }
    times.sort()
    print(String(format: "%@: lägesbilden som DOCX (läs + skriv, %d kB): median %.0f ms, max %.0f ms (mål < 1 s)", name, bytes / 1024, times[5], times[9]))
}

/// Rows in the police's format: 200,000 a year, crime codes weighted so that a few are common,
/// one in twelve without a DeSO. Returns the file's size.
func writeCrimeExtract(path: String, rows: Int, deso: [String]) -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    defer { try? handle.close() }
    var random = SplitMix64(seed: 13)
    let codes = (0..<40).map { 1200 + $0 * 13 }
    var buffer = "Id,Brottskod,Brottskod.klartext,Inskrivningsdatum,Brottsdatum,Kommun,Län,DeSO.område,Antal\n"
    var written = 0
    for index in 0..<rows {
        let year = 2015 + index * 10 / rows
        let month = 1 + Int(random.unit() * 12), day = 1 + Int(random.unit() * 28)
        let code = codes[Int(random.unit() * random.unit() * Double(codes.count))]
        let area = random.unit() < 1.0 / 12 ? "" : deso[Int(random.unit() * Double(deso.count))]
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        buffer += "\(index + 1),\(code),\"Brott med kod \(code), bench\",\(date),\(date),Linköping,Östergötlands Län,\(area),1\n"
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            written += buffer.utf8.count
            buffer = ""
        }
    }
    handle.write(Data(buffer.utf8))
    return written + buffer.utf8.count
}

/// Where the year's table spends its time: each read alone (median of seven), so a slow one shows.
func printYearTableParts(name: String, store: CrimeStore, scope: KommunScope) async throws {
    func median(_ work: () async throws -> Void) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<7 {
            let start = Date()
            try await work()
            times.append(Date().timeIntervalSince(start) * 1000)
        }
        return times.sorted()[3]
    }
    let counts = try await median { _ = try await store.counts(years: 2020...2023, basis: .brott) }
    let population = try await median { _ = try await PopulationStore(scope).totals() }
    let areas = try await median { _ = try await AreaStore(scope).all() }
    let names = try await median { _ = try await store.codeNames() }
    print(
        String(
            format: "%@: delarna: brotten fyra år %.1f ms, befolkningen %.1f ms, områdena %.1f ms, brottskoderna %.1f ms", name, counts, population, areas,
            names))
}
