import Foundation

/// A process's resident memory (RSS), from Linux's /proc; nil elsewhere or for a process that
/// is gone. `/metrics` reports its own, TryggBench the server's and the importer's.
public enum ResidentMemory {
    /// Bytes; `pid` nil: this process.
    public static func bytes(pid: Int32? = nil) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid.map(String.init) ?? "self")/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return nil }
        return kilobytes * 1024
    }
}
