import Foundation

/// Closed-loop load: `connections` threads, each sending requests back to back on its own
/// keep-alive connection for `seconds`. Reports throughput and latency percentiles.
struct LoadResult {
    let requests: Int
    let errors: Int
    let seconds: Double
    let latencies: [Double]

    var perSecond: Double { Double(requests) / seconds }

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    var summary: String {
        String(
            format: "%8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d errors)",
            perSecond, percentile(0.5) * 1000, percentile(0.99) * 1000, requests, errors)
    }
}

/// Collects what the load threads measured.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var latencies: [Double] = []
    private(set) var errors = 0

    func add(_ latencies: [Double], errors: Int) {
        lock.lock()
        self.latencies.append(contentsOf: latencies)
        self.errors += errors
        lock.unlock()
    }
}

/// `clientAddresses` makes each request come from its own `X-Forwarded-For` address (the server
/// runs with `--trust-proxy`), as many residents behind one proxy would.
func runLoad(
    port: Int, path: String, method: String = "GET", headers: [String: String], body: String? = nil, connections: Int,
    seconds: Double, clientAddresses: Bool = false
) -> LoadResult {
    let tally = Tally()
    let group = DispatchGroup()
    let deadline = Date().addingTimeInterval(seconds)
    let started = Date()
    for thread in 0..<connections {
        group.enter()
        Thread.detachNewThread {
            var local: [Double] = []
            var localErrors = 0
            var connection = try? HTTPConnection(port: port)
            var sent = 0
            while Date() < deadline {
                let t0 = DispatchTime.now().uptimeNanoseconds
                var requestHeaders = headers
                if clientAddresses {
                    sent += 1
                    requestHeaders["X-Forwarded-For"] = "10.\(thread).\(sent / 250 % 250).\(sent % 250)"
                }
                do {
                    guard let c = connection else { throw HTTPConnection.Failure.connect }
                    let reply = try c.request(method, path, headers: requestHeaders, body: body)
                    // 303: a form answered with Post/Redirect/Get.
                    if reply.status == 200 || reply.status == 201 || reply.status == 303 {
                        local.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
                    } else {
                        localErrors += 1
                    }
                } catch {
                    localErrors += 1
                    connection = try? HTTPConnection(port: port)
                }
            }
            tally.add(local, errors: localErrors)
            group.leave()
        }
    }
    group.wait()
    return LoadResult(
        requests: tally.latencies.count, errors: tally.errors, seconds: Date().timeIntervalSince(started),
        latencies: tally.latencies)
}

/// Two loads measured in alternating one-second slices, `seconds` each in all. These machines
/// share their cores, and their speed drifts by a factor of two within a minute; back-to-back
/// runs of five seconds each made the ratio of the two depend on when each ran. Alternating
/// exposes both to the same drift, so their ratio is what the code does.
func runAlternating(seconds: Double, _ first: (Double) -> LoadResult, _ second: (Double) -> LoadResult) -> (LoadResult, LoadResult) {
    var firstSlices: [LoadResult] = [], secondSlices: [LoadResult] = []
    for _ in 0..<max(1, Int(seconds.rounded())) {
        firstSlices.append(first(1))
        secondSlices.append(second(1))
    }
    return (LoadResult(merging: firstSlices), LoadResult(merging: secondSlices))
}

extension LoadResult {
    init(merging parts: [LoadResult]) {
        self.init(
            requests: parts.map(\.requests).reduce(0, +), errors: parts.map(\.errors).reduce(0, +),
            seconds: parts.map(\.seconds).reduce(0, +), latencies: parts.flatMap(\.latencies))
    }
}
