import Foundation

/// /health again with monitoring on (`--metrics-token-file`): what counting and timing every
/// answer costs against `without` (the same route without it, earlier in the run), and a scrape.
func benchmarkMetrics(binary: String, databasePath: String, directory: URL, without: LoadResult, connections: Int, seconds: Double) throws {
    let token = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "")
    let tokenFile = directory.appendingPathComponent("metrics.token")
    try Data(token.utf8).write(to: tokenFile)
    let server = try ServerProcess(binary: binary, database: databasePath, port: 18_095, options: ["--metrics-token-file", tokenFile.path])
    defer { server.stop() }
    guard server.waitUntilHealthy(since: Date()) != nil else {
        print("Servern med /metrics svarade inte på /health inom 30 s")
        return
    }
    _ = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: 1)  // warm-up
    let counted = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: seconds)
    print("GET /health, /metrics på " + counted.summary + String(format: " (%.2f av utan)", counted.perSecond / without.perSecond))
    let scrape = runLoad(port: server.port, path: "/metrics", headers: ["Authorization": "Bearer \(token)"], connections: 1, seconds: 1)
    print("  GET /metrics, 1 anslutning " + scrape.summary)
}
