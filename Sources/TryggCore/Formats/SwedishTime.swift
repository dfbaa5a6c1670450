import Foundation

/// Every date and time a person reads, in Swedish local time (Europe/Stockholm), in one place:
/// pages, reports and exports all call these, so "2024-03-27 21:40" and "27 mars 2024" look the
/// same everywhere. Built on `StockholmCalendar` (no DateFormatter per call).
public enum SwedishTime {
    public static let zone = StockholmCalendar.zone

    public static let months = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]

    /// "21:40"
    public static func clock(_ date: Date) -> String { StockholmCalendar.local(date).clockText }

    /// "2024-03-27"
    public static func date(_ date: Date) -> String { StockholmCalendar.local(date).dateText }

    /// "2024-03-27 21:40", for pages.
    public static func minute(_ date: Date) -> String {
        let local = StockholmCalendar.local(date)
        return local.dateText + " " + local.clockText
    }

    /// "2024-03-27 21:40:05", where the second matters (the audit log, change history).
    public static func dateTime(_ date: Date) -> String {
        minute(date) + ":" + Int(date.timeIntervalSince1970).floorMod(60).padded(2)
    }

    /// "27 mars 2024", for headings.
    public static func longDate(_ date: Date) -> String {
        let local = StockholmCalendar.local(date)
        return "\(local.day) \(months[local.month - 1]) \(local.year)"
    }

    /// "torsdag 2022-04-14" for a `yyyy-MM-dd` date (the text itself when it is none): for
    /// lists of coming days, where the weekday is what a reader plans by.
    public static func weekdayDate(_ text: String) -> String {
        guard let start = startOfDay(text) else { return text }
        return Weekdays.names[StockholmCalendar.local(start.addingTimeInterval(3600)).weekday - 1] + " " + text
    }

    /// "mar" for a month key (202403) or a month number.
    public static func shortMonth(_ key: Int) -> String { String(months[(key % 100) - 1].prefix(3)) }

    /// A `yyyy-MM-dd` date from a form, as the start of that day in Swedish time; nil when it is none.
    public static func startOfDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard StockholmCalendar.isDate(text), parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        return StockholmCalendar.startOfDay(year: year, month: month, day: day)
    }
}
