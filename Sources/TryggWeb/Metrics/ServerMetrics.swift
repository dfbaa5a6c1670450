import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import Prometheus
import TryggCore
import TryggStore

/// What `/metrics` tells the kommun's monitoring (Prometheus text format) about this process:
/// every answer counted and timed by its route, and, read when asked, whether the database
/// answers, the outbox (a relay that is down shows as a waiting message growing old) and memory.
///
/// A route is its pattern (`/est/vecka/{week}`), never the address asked for: no ids, search
/// words or kommun names leave the server this way, and every address no route matches is one
/// label, so a scanner cannot make the list grow.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let started = Date()
    static let unmatchedRoute = "(ingen väg)"
    /// Seconds, from a static file to a large import.
    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    // Computed: the package's descriptor is not Sendable, so it cannot be a static constant.
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "trygg", metricName: "http_requests", unitName: "total", helpText: "Svar per väg, metod och status sedan start.")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "trygg", metricName: "http_request_duration", unitName: "seconds", helpText: "Tid från förfrågan till svar per väg och metod.")
    }
    static var databaseUp: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "trygg", metricName: "database", unitName: "up", helpText: "1 när databasen svarar, 0 annars.")
    }
    static var outbox: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "trygg", metricName: "mail_outbox", unitName: "messages",
            helpText: "E-post i utkorgen: waiting väntar på e-postservern, failed gavs upp (de senaste 30 dagarna).")
    }
    static var oldestWaiting: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "trygg", metricName: "mail_outbox_oldest_waiting", unitName: "seconds",
            helpText: "Hur länge det äldsta väntande meddelandet har väntat (0 när inget väntar).")
    }
    static var resident: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "process_resident_memory", unitName: "bytes", helpText: "Processens minne (RSS).")
    }
    static var startTime: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "process_start_time", unitName: "seconds", helpText: "När processen startade (Unix-tid).")
    }

    /// One route's answers with one status: its counter and its timing.
    private struct Series: Hashable {
        let method: HTTPRequest.Method
        let route: String?
        let status: Int
    }
    /// The series met so far, so an answer costs one lookup instead of building the registry's
    /// names and labels again.
    private let series = NIOLockedValueBox<[Series: (Counter, DurationHistogram)]>([:])

    func record(method: HTTPRequest.Method, route: String?, status: HTTPResponse.Status, duration: Duration) {
        let key = Series(method: method, route: route, status: status.code)
        let (counter, histogram) = series.withLockedValue { known in
            if let found = known[key] { return found }
            // Hummingbird names the answer to an address no route matched "NotFound".
            let route = route.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatchedRoute
            let made = (
                registry.makeCounter(descriptor: Self.requests, labels: [("method", method.rawValue), ("route", route), ("status", String(status.code))]),
                registry.makeDurationHistogram(descriptor: Self.duration, labels: [("method", method.rawValue), ("route", route)], buckets: Self.buckets)
            )
            known[key] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    /// The text a scrape gets: the counters so far and the state read now.
    func scrape(database: TryggDatabase) async -> [UInt8] {
        var databaseUp = 1.0
        do { try await database.ping() } catch { databaseUp = 0 }
        registry.makeGauge(descriptor: Self.databaseUp).set(databaseUp)
        if databaseUp == 1, let outbox = try? await OutboxDelivery(database).health() {
            registry.makeGauge(descriptor: Self.outbox, labels: [("state", "waiting")]).set(Double(outbox.waiting))
            registry.makeGauge(descriptor: Self.outbox, labels: [("state", "failed")]).set(Double(outbox.failed))
            registry.makeGauge(descriptor: Self.oldestWaiting).set(outbox.oldestWaiting.map { max(0, TryggClock.now.timeIntervalSince($0)) } ?? 0)
        }
        if let resident = ResidentMemory.bytes() { registry.makeGauge(descriptor: Self.resident).set(resident) }
        registry.makeGauge(descriptor: Self.startTime).set(started.timeIntervalSince1970)
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// Counts and times every answer for `ServerMetrics`. Outermost, so the time includes rendering
/// an error page and compressing, and the status is the one the client got.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method, route: context.endpointPath, status: response.status, duration: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.record(method: request.method, route: context.endpointPath, status: status, duration: .now - start)
            throw error
        }
    }
}
