import Foundation
import TryggCore
import TryggStore

/// The server with EST at scale on `database` (SQLite or PostgreSQL, `events` already imported):
/// the intake API against /health in the same run, RSS while serving, and the pages the EST
/// group opens.
func benchmarkESTServer(
    _ server: ServerProcess, database: DatabaseLocation, events: Int, lastWeek: ISOWeek, seconds: Double, connections: Int
) async throws {
    // 3. The intake API against /health in the same run, and RSS while serving.
    guard server.waitUntilHealthy(since: Date()) != nil else {
        print("Servern startade inte")
        return
    }
    let direct = try TryggDatabase(location: database)
    // The areas as this database has them (their ids differ between the two).
    let kommun = try await KommunStore(direct).require(slug: "linkoping")
    let areas = try await AreaStore(KommunScope(direct, kommunID: kommun.id)).all()
    if case .postgres = database {
        // As after autovacuum has been by: right after a bulk load the first reads set every
        // row's hint bits and autovacuum works beside the load, which measured twice the steady time.
        try await direct.sql.raw("VACUUM ANALYZE incidents").run()
    }
    let userID = try await APITokenStore(direct).userID(email: "rapportor@linkoping.demo")!
    let token = try await APITokenStore(direct).create(userID: userID, label: "bench", by: .commandLine())
    await direct.shutdown()
    print(String(format: "Server med %d händelser: RSS efter start %.1f MB", events, server.residentMB ?? .nan))
    let body =
        #"{"category":"Nedskräpning","occurred_at":"2024-03-27 21:40","latitude":58.4318,"longitude":15.579,"place":"Torget","description":"Skräp vid entrén"}"#
    let headers = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
    _ = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: 1)
    // Few clients (an integration or two) and many (a whole organisation's reporters at once):
    // with few, each request waits for its batch's commit; with many, batches fill up.
    for clients in [connections, 4 * connections] {
        // The server's own CPU time per request shows whether a route costs more work or more waiting.
        var healthCPU = 0.0, intakeCPU = 0.0
        func measured(_ total: inout Double, _ run: () -> LoadResult) -> LoadResult {
            let before = server.cpuSeconds ?? 0
            defer { total += (server.cpuSeconds ?? 0) - before }
            return run()
        }
        let (health, intake) = runAlternating(
            seconds: seconds,
            { slice in
                measured(&healthCPU) { runLoad(port: server.port, path: "/health", headers: [:], connections: clients, seconds: slice) }
            },
            { slice in
                measured(&intakeCPU) {
                    runLoad(port: server.port, path: "/api/v1/incidents", method: "POST", headers: headers, body: body, connections: clients, seconds: slice)
                }
            })
        print("\(clients) anslutningar:")
        print(
            "  GET /health               " + health.summary
                + String(format: ", server-CPU %.0f µs/förfrågan", healthCPU / Double(max(health.requests, 1)) * 1e6))
        print(
            "  POST /api/v1/incidents    " + intake.summary
                + String(format: ", server-CPU %.0f µs/förfrågan", intakeCPU / Double(max(intake.requests, 1)) * 1e6))
        print(String(format: "  Intag / health: %.2f (mål ≥ 0,5)", intake.perSecond / health.perSecond))
    }
    print(String(format: "RSS under last: %.1f MB (mål < 200 MB)", server.residentMB ?? .nan))

    // 4. The week's page as the EST group opens it: lägesbild, map, list, rendered to HTML.
    if let samordnare = try HTTPConnection.logIn(port: server.port, email: "samordnare@linkoping.demo") {
        let page = runLoad(port: server.port, path: "/est/vecka/\(lastWeek.description)", headers: samordnare, connections: 1, seconds: seconds)
        print("Veckans sida /est/vecka/\(lastWeek.description) över HTTP, 1 anslutning: " + page.summary)
        // The same page as a browser asks for it, gzip-compressed: what a phone has to download.
        let gzip = samordnare.merging(["Accept-Encoding": "gzip"]) { $1 }
        let packed = runLoad(port: server.port, path: "/est/vecka/\(lastWeek.description)", headers: gzip, connections: 1, seconds: seconds)
        let probe = try HTTPConnection(port: server.port)
        let plainBytes = try probe.request("GET", "/est/vecka/\(lastWeek.description)", headers: samordnare).headers["content-length"] ?? "?"
        let packedBytes = try probe.request("GET", "/est/vecka/\(lastWeek.description)", headers: gzip).headers["content-length"] ?? "?"
        print("  gzip-komprimerad (\(packedBytes) byte i stället för \(plainBytes)): " + packed.summary)
        // The area's picture: crimes, the year's events against the year before, what is done.
        if let area = areas.first {
            let areaPage = runLoad(port: server.port, path: "/omraden/\(area.id)", headers: samordnare, connections: 1, seconds: seconds)
            print("Områdets sida /omraden/… (\(area.name)) över HTTP, 1 anslutning: " + areaPage.summary)
        }
        // Words in the place or description: a scan of the kommun's events, the year's for the search.
        let search = runLoad(port: server.port, path: "/sok?q=torget", headers: samordnare, connections: 1, seconds: seconds)
        print("Sökningen /sok?q=torget (årets händelser m.m.), 1 anslutning: " + search.summary)
        let eventSearch = runLoad(port: server.port, path: "/est/handelser?q=torget", headers: samordnare, connections: 1, seconds: seconds)
        print("Händelselistan /est/handelser?q=torget (alla datum), 1 anslutning: " + eventSearch.summary)
    } else {
        print("Inloggningen som samordnare misslyckades")
    }
}
