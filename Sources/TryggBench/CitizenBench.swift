import Foundation
import TryggCore
import TryggStore

/// Issue 5: Open311 POST against /health at 50 connections, and a flood from one address while
/// other residents and the staff pages are served.
func benchmarkCitizen(binary: String, databasePath: String, seconds: Double) async throws {
    let database = try TryggDatabase(location: .sqliteFile(path: databasePath))
    let linkoping = try await KommunStore(database).require(slug: "linkoping")
    let key = try await Open311KeyStore(KommunScope(database, kommunID: linkoping.id)).create(label: "mätning", by: .commandLine(kommunID: linkoping.id))
    await database.shutdown()

    // Limits as in production except the per-key hourly cap, which this load would exceed in seconds.
    let server = try ServerProcess(
        binary: binary, database: databasePath, port: 18_300,
        options: ["--trust-proxy", "--open311-reports-per-hour", "100000000"])
    defer { server.stop() }
    guard server.waitUntilHealthy(since: Date()) != nil else {
        print("Servern svarade inte på /health")
        return
    }
    let connections = 50
    print("Medborgartips och Open311: \(connections) anslutningar, \(Int(seconds)) s per väg, varje förfrågan från en egen adress")
    let body =
        "jurisdiction_id=linkoping&api_key=\(key)&service_code=otrygg-plats&lat=58.4318&long=15.579"
        + "&description=M%C3%B6rk+g%C3%A5ngv%C3%A4g+utan+belysning&attribute%5Btid_pa_dygnet%5D=kvall"
    let form = ["Content-Type": "application/x-www-form-urlencoded"]
    _ = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: 1)
    func healthLoad(_ clients: Int) -> (Double) -> LoadResult {
        { slice in runLoad(port: server.port, path: "/health", headers: [:], connections: clients, seconds: slice, clientAddresses: true) }
    }
    func postLoad(_ clients: Int) -> (Double) -> LoadResult {
        { slice in
            runLoad(
                port: server.port, path: "/open311/v2/requests.json", method: "POST", headers: form, body: body,
                connections: clients, seconds: slice, clientAddresses: true)
        }
    }
    let (health, posts) = runAlternating(seconds: seconds, healthLoad(connections), postLoad(connections))
    // Fewer clients than intake slots: what the intake itself sustains without shedding.
    let (healthSlots, postsSlots) = runAlternating(seconds: seconds, healthLoad(8), postLoad(8))
    print("GET /health                      " + health.summary)
    print("POST /open311/v2/requests.json   " + posts.summary + " (fel = 503 när 32 skrivplatser och 128 platser i kö är upptagna)")
    print(String(format: "Open311 POST / health vid 50 anslutningar: %.2f", posts.perSecond / health.perSecond))
    print("  8 anslutningar: GET /health    " + healthSlots.summary)
    print("  8 anslutningar: POST Open311   " + postsSlots.summary)
    print(String(format: "Open311 POST / health vid 8 anslutningar: %.2f", postsSlots.perSecond / healthSlots.perSecond))

    // A flood: 40 connections from one address against the public pages, while 4 other
    // residents and a staff member's login page are measured at the same time.
    let flooder = ["X-Forwarded-For": "203.0.113.9"]
    let port = server.port
    async let flood = Task.detached {
        runLoad(port: port, path: "/k/linkoping/tipsa", headers: flooder, connections: 40, seconds: seconds)
    }.value
    async let residents = Task.detached {
        runLoad(port: port, path: "/k/linkoping/tipsa", headers: [:], connections: 4, seconds: seconds, clientAddresses: true)
    }.value
    async let staff = Task.detached {
        runLoad(port: port, path: "/login", headers: ["X-Forwarded-For": "198.51.100.7"], connections: 2, seconds: seconds)
    }.value
    let (flooded, others, login) = await (flood, residents, staff)
    print("Flod från en adress (40 anslutningar): \(flooded.requests) svar 200, \(flooded.errors) avvisade (429) på \(Int(seconds)) s")
    print("  andra invånare samtidigt (4 anslutningar) " + others.summary)
    print("  personalens inloggningssida (2 anslutn.)   " + login.summary)
    print(String(format: "RSS under last: %.1f MB", server.residentMB ?? .nan))
}
