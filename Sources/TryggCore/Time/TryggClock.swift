import Foundation

/// What time it is for Trygg's own work: the current week, a tip's retention, a round's
/// deadline, when something was decided or changed. The system clock in production; a fixed
/// instant in the web tests, so that "this week", the demo year and every stored time are the
/// same on every run (`TryggClock.$current.withValue(.fixed(…))`). It is a task-local value: the
/// server's request tasks and the write queues started inside it see the same clock.
///
/// Security timers do not use it: sessions, lockouts, one-time codes, API tokens, rate limits and
/// caches run on the real clock, because their purpose is about real elapsed time.
public struct TryggClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public static let system = TryggClock { Date() }

    /// Always the same instant.
    public static func fixed(_ instant: Date) -> TryggClock { TryggClock { instant } }

    @TaskLocal public static var current: TryggClock = .system

    /// Now, by the clock of the current task.
    public static var now: Date { current.read() }
}
