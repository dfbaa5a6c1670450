import Foundation

/// When an organisation that has not answered the follow-up is reminded: once when the deadline
/// comes within `daysBefore` days, once more in the last two days, and once the day after it
/// passed. Each stage is sent at most once (the outbox keys it), so the job may run every hour.
public struct ReminderSchedule: Sendable, Equatable {
    public enum Stage: String, Sendable, Equatable, CaseIterable {
        case first = "första"
        case last = "sista"
        case overdue = "försenad"
    }

    /// Days before the deadline the first reminder goes out.
    public var daysBefore: Int

    public init(daysBefore: Int = 14) { self.daysBefore = max(3, daysBefore) }

    /// The stage due on `today` (both `yyyy-MM-dd`, Swedish dates), nil when none is.
    public func stage(deadline: String, today: String) -> Stage? {
        guard let days = Self.days(from: today, to: deadline) else { return nil }
        switch days {
        case 3...daysBefore: return .first
        case 0...2: return .last
        case -7 ... -1: return .overdue
        default: return nil
        }
    }

    /// Whole days from one `yyyy-MM-dd` to another; nil when either is not a date.
    public static func days(from start: String, to end: String) -> Int? {
        guard let from = dayNumber(start), let to = dayNumber(end) else { return nil }
        return to - from
    }

    /// Days since 1970-01-01 of a civil date (no time zone is involved: both ends are dates).
    static func dayNumber(_ text: String) -> Int? {
        guard StockholmCalendar.isDate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Howard Hinnant's days_from_civil.
        let year = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (parts[1] + (parts[1] > 2 ? -3 : 9)) + 2) / 5 + parts[2] - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
