import Foundation
import TryggCore

/// The real `trygg` binary, started as a separate process so that its start-up time and memory
/// are measured as an operator would see them.
final class ServerProcess {
    let process = Process()
    let port: Int

    /// `database` nil: the one in DATABASE_URL (PostgreSQL).
    init(binary: String, database: String?, port: Int, options: [String] = []) throws {
        self.port = port
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve"] + (database.map { ["--database", $0] } ?? []) + ["--port", String(port)] + options
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Polls `/health` until it answers 200; returns the seconds since `start`.
    func waitUntilHealthy(since start: Date, timeout: Double = 30) -> Double? {
        while Date().timeIntervalSince(start) < timeout {
            if let connection = try? HTTPConnection(port: port), let reply = try? connection.request("GET", "/health"),
                reply.status == 200
            {
                return Date().timeIntervalSince(start)
            }
            usleep(2_000)
        }
        return nil
    }

    /// Resident set size in MB, from /proc.
    var residentMB: Double? { Self.residentMB(pid: process.processIdentifier) }

    static func residentMB(pid: Int32) -> Double? { ResidentMemory.bytes(pid: pid).map { $0 / 1_048_576 } }

    /// CPU time the server has used so far (user + system), from /proc.
    var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let afterName = stat.range(of: ") ")
        else { return nil }
        // Fields after the command name start at field 3; utime and stime are fields 14 and 15.
        let fields = stat[afterName.upperBound...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
