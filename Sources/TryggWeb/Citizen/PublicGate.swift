import Foundation
import Hummingbird
import TryggCore

/// Limits for the pages anyone can reach without logging in (`/k/…`, `/open311/…`).
public struct PublicLimits: Sendable {
    /// Requests per client address per minute, pages and API alike.
    public var requestsPerMinute: Int
    /// Reports per client address per hour through the web form.
    public var reportsPerHour: Int
    /// Reports per Open311 API key per hour (an app sends for many residents from one address).
    public var open311ReportsPerHour: Int
    /// Reports written at the same time. Up to four times as many wait for a place (a burst is
    /// served a little later); beyond that the public intake answers 503 at once, so a flood
    /// queues in nobody's database connection and staff pages keep their share.
    public var concurrentReports: Int

    public init(requestsPerMinute: Int = 300, reportsPerHour: Int = 20, open311ReportsPerHour: Int = 1_000, concurrentReports: Int = 32) {
        self.requestsPerMinute = requestsPerMinute
        self.reportsPerHour = reportsPerHour
        self.open311ReportsPerHour = open311ReportsPerHour
        self.concurrentReports = concurrentReports
    }
}

/// The shared state of the public limits: one instance per process.
struct PublicGate: Sendable {
    let limits: PublicLimits
    let requests: RateLimiter
    let webReports: RateLimiter
    let open311Reports: RateLimiter
    let writing: ConcurrencyLimit

    init(limits: PublicLimits) {
        self.limits = limits
        requests = RateLimiter(limit: limits.requestsPerMinute, window: 60)
        webReports = RateLimiter(limit: limits.reportsPerHour, window: 3600)
        open311Reports = RateLimiter(limit: limits.open311ReportsPerHour, window: 3600)
        writing = ConcurrencyLimit(limit: limits.concurrentReports, maxWaiting: 4 * limits.concurrentReports)
    }

    /// Runs `write` when a slot is free, after waiting in turn if need be; nil when even the
    /// waiting line is full.
    func whileWriting<T: Sendable>(_ write: () async throws -> T) async throws -> T? {
        guard await writing.enter() else { return nil }
        do {
            let result = try await write()
            await writing.leave()
            return result
        } catch {
            await writing.leave()
            throw error
        }
    }
}

/// Applies the per-address request limit to the public paths before any database work.
struct PublicRateLimitMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext
    let gate: PublicGate
    /// How the zone answers a refusal: an error page, or Open311's error document.
    let answer: Answer

    enum Answer { case page, open311 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard await gate.requests.allow(context.clientAddress) else {
            let message = "För många förfrågningar från din adress. Vänta en minut och försök igen."
            if answer == .open311 {
                return Open311Response.errors([(429, message)], status: .tooManyRequests, format: Open311Format(path: request.uri.path))
            }
            throw HTTPError(.tooManyRequests, message: message)
        }
        return try await next(request, context)
    }
}
