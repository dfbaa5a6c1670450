import Foundation

/// What counting and timing every answer costs: /health on a server without monitoring and on
/// one with `--metrics-token-file`, second by second in turn (one after the other differed by a
/// fifth from run to run on these machines), and a scrape.
func benchmarkMetrics(binary: String, databasePath: String, directory: URL, connections: Int, seconds: Double) throws {
    let token = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
    let tokenFile = directory.appendingPathComponent("metrics.token")
    try Data(token.utf8).write(to: tokenFile)
    let plain = try ServerProcess(binary: binary, database: databasePath, port: 18_094)
    let counted = try ServerProcess(binary: binary, database: databasePath, port: 18_095, options: ["--metrics-token-file", tokenFile.path])
    defer {
        plain.stop()
        counted.stop()
    }
    guard plain.waitUntilHealthy(since: Date()) != nil, counted.waitUntilHealthy(since: Date()) != nil else {
        print("Servrarna för /metrics svarade inte på /health inom 30 s")
        return
    }
    for server in [plain, counted] { _ = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: 1) }
    let (without, with) = runAlternating(
        seconds: seconds,
        { runLoad(port: plain.port, path: "/health", headers: [:], connections: connections, seconds: $0) },
        { runLoad(port: counted.port, path: "/health", headers: [:], connections: connections, seconds: $0) })
    print("GET /health utan /metrics   " + without.summary)
    print("GET /health med /metrics    " + with.summary + String(format: " (%.2f av utan)", with.perSecond / without.perSecond))
    let scrape = runLoad(port: counted.port, path: "/metrics", headers: ["Authorization": "Bearer \(token)"], connections: 1, seconds: 1)
    print("  GET /metrics, 1 anslutning " + scrape.summary)
}
