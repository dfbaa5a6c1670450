import Foundation

/// Calendar arithmetic in Europe/Stockholm. Events are stored in UTC; every week, weekday, hour
/// and month a person sees is Swedish local time, so "Monday 00:30" is Monday even when it is
/// Sunday evening in UTC, and the hour skipped when clocks go forward does not exist.
public enum StockholmCalendar {
    public static let zone = TimeZone(identifier: "Europe/Stockholm")!

    /// The local calendar position of an instant, computed with integer arithmetic (this runs
    /// once per imported row, a million times in a large import).
    public struct LocalTime: Sendable, Equatable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        /// 1 = Monday … 7 = Sunday (ISO 8601).
        public var weekday: Int
        public var week: ISOWeek

        /// `yyyymm`, the key of a month in trend views.
        public var monthKey: Int { year * 100 + month }
        /// `yyyy-MM-dd`, as date inputs and files write it.
        public var dateText: String { year.padded(4) + "-" + month.padded(2) + "-" + day.padded(2) }
        /// `HH:mm`.
        public var clockText: String { hour.padded(2) + ":" + minute.padded(2) }
    }

    public static func local(_ date: Date) -> LocalTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let localSeconds = seconds + zone.secondsFromGMT(for: date)
        let days = localSeconds.floorDiv(86_400)
        let secondOfDay = localSeconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let weekday = (days + 3).floorMod(7) + 1
        return LocalTime(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: (secondOfDay % 3600) / 60,
            weekday: weekday, week: ISOWeek.of(year: year, month: month, day: day, weekday: weekday))
    }

    /// W3C date-time in Swedish local time with its offset ("2026-03-29T03:15:00+02:00"), as Open311 wants.
    public static func w3c(_ date: Date) -> String {
        let local = local(date)
        let offset = zone.secondsFromGMT(for: date)
        let second = Int(date.timeIntervalSince1970.rounded(.down)).floorMod(60)
        return local.dateText + "T" + local.clockText + ":" + second.padded(2)
            + (offset < 0 ? "-" : "+") + (abs(offset) / 3600).padded(2) + ":" + (abs(offset) % 3600 / 60).padded(2)
    }

    /// Why a local time cannot be turned into an instant.
    public enum LocalTimeProblem: Error, Equatable {
        case nonexistent
        case invalid
    }

    /// The instant of a Swedish wall-clock time. In the spring the hour 02:00–02:59 is skipped
    /// (an error); in the autumn 02:00–02:59 happens twice and the first (summer time) is meant.
    public static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) throws(LocalTimeProblem) -> Date {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
            (0...59).contains(minute), (0...59).contains(second)
        else { throw .invalid }
        let local = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        // Sweden is UTC+1 in winter and UTC+2 in summer: try the summer offset first (the earlier instant).
        for offset in [7200, 3600] {
            let candidate = Date(timeIntervalSince1970: TimeInterval(local - offset))
            if zone.secondsFromGMT(for: candidate) == offset { return candidate }
        }
        throw .nonexistent
    }

    /// Midnight starting a local date.
    public static func startOfDay(year: Int, month: Int, day: Int) -> Date {
        // Swedish clocks change at 02:00/03:00, never at midnight, so midnight always exists.
        (try? instant(year: year, month: month, day: day, hour: 0, minute: 0)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Whether a form's `yyyy-MM-dd` names a real calendar date.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// An ISO 8601 week ("2024-W13"): Monday to Sunday, week 1 holds the year's first Thursday, so
/// 2024-12-30 belongs to 2025-W01.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard (1...Self.weeksIn(year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    /// Accepts "2024-W13", "2024W13" and "2024-13".
    public init?(parsing text: String) {
        let cleaned = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "W", with: "-")
            .replacingOccurrences(of: "--", with: "-")
        let parts = cleaned.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let week = Int(parts[1]), parts[1].count <= 2 else { return nil }
        self.init(year: year, week: week)
    }

    /// `yyyyww`, the stored key; keys of consecutive weeks sort in time order.
    public var key: Int { year * 100 + week }

    public init?(key: Int) { self.init(year: key / 100, week: key % 100) }

    public var description: String { year.padded(4) + "-W" + week.padded(2) }

    /// "vecka 13, 2024" as a Swedish heading says it.
    public var swedishName: String { "vecka \(week) \(year)" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.key < rhs.key }

    public static func containing(_ date: Date) -> ISOWeek { StockholmCalendar.local(date).week }

    /// Monday's date of this week (local).
    public var monday: (year: Int, month: Int, day: Int) {
        let jan4 = StockholmCalendar.days(fromCivil: year, 1, 4)
        let jan4Weekday = (jan4 + 3).floorMod(7) + 1
        return StockholmCalendar.civil(fromDays: jan4 - (jan4Weekday - 1) + (week - 1) * 7)
    }

    /// Monday 00:00 Swedish time, as an instant.
    public var start: Date {
        let monday = monday
        return StockholmCalendar.startOfDay(year: monday.year, month: monday.month, day: monday.day)
    }

    /// The next Monday 00:00: the week is `start ..< end` (167, 168 or 169 hours long).
    public var end: Date { adding(1).start }

    public func adding(_ weeks: Int) -> ISOWeek {
        let monday = monday
        let days = StockholmCalendar.days(fromCivil: monday.year, monday.month, monday.day) + weeks * 7
        let (y, m, d) = StockholmCalendar.civil(fromDays: days)
        return Self.of(year: y, month: m, day: d, weekday: 1)
    }

    static func of(year: Int, month: Int, day: Int, weekday: Int) -> ISOWeek {
        let ordinal = StockholmCalendar.days(fromCivil: year, month, day) - StockholmCalendar.days(fromCivil: year, 1, 1) + 1
        let week = (ordinal - weekday + 10) / 7
        if week < 1 { return ISOWeek(unchecked: year - 1, weeksIn(year - 1)) }
        if week > weeksIn(year) { return ISOWeek(unchecked: year + 1, 1) }
        return ISOWeek(unchecked: year, week)
    }

    private init(unchecked year: Int, _ week: Int) {
        self.year = year
        self.week = week
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday.
    public static func weeksIn(_ year: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y.floorDiv(4) - y.floorDiv(100) + y.floorDiv(400)).floorMod(7) }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }
}

extension Int {
    func floorDiv(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    func floorMod(_ divisor: Int) -> Int { self - floorDiv(divisor) * divisor }
}

extension Int {
    /// Zero-padded to `width` digits. Times are formatted for every event in lists and API
    /// answers, and `String(format:)` was a measurable share of an API request.
    public func padded(_ width: Int) -> String {
        let digits = String(Swift.abs(self))
        let body = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return self < 0 ? "-" + body : body
    }
}
