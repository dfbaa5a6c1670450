import Foundation
import TryggCore
import TryggStore
import TryggWeb
import TryggDemo

// Benchmarks for the foundation (issue 2). Run with a release build:
//   swift build -c release && swift run -c release TryggBench
// Prints: start-up of `trygg serve` on an existing database to the first 200 OK, requests/s and
// p99 of an authenticated page against the bare /health route in the same run, and idle RSS.

let arguments = CommandLine.arguments
let seconds = Double(arguments.first { $0.hasPrefix("--seconds=") }?.dropFirst(10) ?? "") ?? 5
let connections = Int(arguments.first { $0.hasPrefix("--connections=") }?.dropFirst(14) ?? "") ?? 8
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("trygg").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("Hittar inte \(binary). Bygg först alla produkter: swift build -c release")
    exit(1)
}

let estEvents = Int(arguments.first { $0.hasPrefix("--events=") }?.dropFirst(9) ?? "") ?? 1_000_000
let onlyEST = arguments.contains("--only-est")
let onlyCitizen = arguments.contains("--only-citizen")
let onlyCrimes = arguments.contains("--only-crimes")
let onlySurveys = arguments.contains("--only-surveys")
let crimeRows = Int(arguments.first { $0.hasPrefix("--crimes=") }?.dropFirst(9) ?? "") ?? 2_000_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trygg-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let databasePath = directory.appendingPathComponent("bench.sqlite").path

if onlyCrimes {
    try await benchmarkCrimes(directory: directory, rows: crimeRows)
    try? FileManager.default.removeItem(at: directory)
    exit(0)
}

if arguments.contains("--only-los") {
    try await benchmarkLOS(directory: directory)
    try? FileManager.default.removeItem(at: directory)
    exit(0)
}

if onlySurveys {
    try await benchmarkSurveys(binary: binary, directory: directory, answers: 100_000, seconds: seconds)
    try? FileManager.default.removeItem(at: directory)
    exit(0)
}

if onlyEST {
    try await benchmarkEST(binary: binary, directory: directory, events: estEvents, seconds: seconds, connections: connections)
    try? FileManager.default.removeItem(at: directory)
    exit(0)
}

// An existing, migrated database with the demo content.
let database = try TryggDatabase(location: .sqliteFile(path: databasePath))
try await database.migrate()
try await DemoSeed.seedIfEmpty(database)
await database.shutdown()

if onlyCitizen {
    try await benchmarkCitizen(binary: binary, databasePath: databasePath, seconds: seconds)
    try? FileManager.default.removeItem(at: directory)
    exit(0)
}

print("Trygg benchmark (release), \(ProcessInfo.processInfo.activeProcessorCount) kärnor")
print(String(repeating: "-", count: 72))

// 1. Start-up: process launch → first 200 OK, five times.
var startTimes: [Double] = []
var server: ServerProcess?
for round in 0..<5 {
    let start = Date()
    let process = try ServerProcess(binary: binary, database: databasePath, port: 18_080 + round)
    guard let elapsed = process.waitUntilHealthy(since: start) else {
        process.stop()
        print("Servern svarade inte på /health inom 30 s")
        exit(1)
    }
    startTimes.append(elapsed)
    if round == 4 { server = process } else { process.stop() }
}
let sortedStarts = startTimes.sorted()
print(
    String(
        format: "Start av serve till första 200 OK: median %.0f ms, max %.0f ms (mål < 2000 ms)",
        sortedStarts[2] * 1000, sortedStarts[4] * 1000))

guard let server else { exit(1) }
try await Task.sleep(for: .seconds(1))
let idle = server.residentMB ?? .nan
print(String(format: "RSS i vila efter start: %.1f MB", idle))

// 2. Log in once to get a session cookie, as a browser would.
guard let cookieHeader = try HTTPConnection.logIn(port: server.port, email: "analytiker@linkoping.demo") else {
    print("Inloggningen misslyckades")
    server.stop()
    exit(1)
}

// 3. Throughput and latency, /health and an authenticated page in the same run.
print("Last: \(connections) anslutningar, \(Int(seconds)) s per väg")
_ = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: 1)  // warm-up
let health = runLoad(port: server.port, path: "/health", headers: [:], connections: connections, seconds: seconds)
print("GET /health              " + health.summary)
let page = runLoad(port: server.port, path: "/omraden", headers: cookieHeader, connections: connections, seconds: seconds)
print("GET /omraden (inloggad)  " + page.summary)
let start = runLoad(port: server.port, path: "/", headers: cookieHeader, connections: connections, seconds: seconds)
print("GET / (inloggad)         " + start.summary)
print(String(format: "Inloggad sida / health: %.2f av genomströmningen", page.perSecond / health.perSecond))
let plan = runLoad(port: server.port, path: "/plan/2023", headers: cookieHeader, connections: connections, seconds: seconds)
print("GET /plan/2023 (123 åtg.) " + plan.summary)
let planSingle = runLoad(port: server.port, path: "/plan/2023", headers: cookieHeader, connections: 1, seconds: seconds)
print("  samma, 1 anslutning     " + planSingle.summary)
print(String(format: "RSS efter last: %.1f MB", server.residentMB ?? .nan))
server.stop()
try benchmarkMetrics(binary: binary, databasePath: databasePath, directory: directory, connections: connections, seconds: seconds)

// 4. The report to kommunfullmäktige for the whole plan.
let report = try await benchmarkFollowUpReport(databasePath: databasePath)
if let median = report.docx.dropFirst(report.docx.count / 2).first, let max = report.docx.last,
    let htmlMedian = report.html.dropFirst(report.html.count / 2).first
{
    print(
        String(
            format: "Uppföljningsrapport 2023 som DOCX (läs + skriv, %d kB): median %.0f ms, max %.0f ms (mål < 500 ms); som HTML: median %.0f ms",
            report.bytes / 1024, median, max, htmlMedian))
}

// 5. Residents' tips and Open311.
print(String(repeating: "-", count: 72))
try await benchmarkCitizen(binary: binary, databasePath: databasePath, seconds: seconds)

// 6. EST with a million events in one kommun.
print(String(repeating: "-", count: 72))
try await benchmarkEST(binary: binary, directory: directory, events: estEvents, seconds: seconds, connections: connections)

// 7. The lägesbild's crime statistics: ten years of a large kommun's extract.
print(String(repeating: "-", count: 72))
try await benchmarkCrimes(directory: directory, rows: crimeRows)

// 8. Surveys: the results table over 100,000 answers, and the public form under load.
print(String(repeating: "-", count: 72))
try await benchmarkSurveys(binary: binary, directory: directory, answers: 100_000, seconds: seconds)
