import Foundation

/// An iCalendar feed (RFC 5545) that Outlook, Google and Apple calendars subscribe to: CRLF line
/// ends, lines folded at 75 octets without splitting a character, TEXT values escaped, times in UTC.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        /// Stable across versions of the feed, so a moved meeting moves in the subscriber's calendar.
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var location: String
        public var description: String
        public var url: String?
        public var cancelled: Bool
        /// `yyyy-MM-dd` for an event that takes the whole day (a LOS day): written as a DATE,
        /// so the calendar shows it at the top of the day in every time zone.
        public var day: String?

        public init(
            uid: String, start: Date, end: Date, summary: String, location: String, description: String, url: String?, cancelled: Bool,
            day: String? = nil
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.url = url
            self.cancelled = cancelled
            self.day = day
        }
    }

    public static func feed(name: String, events: [Event], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Trygg//Samverkan//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + text(name), "X-WR-TIMEZONE:Europe/Stockholm", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H",
        ]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + text(event.uid), "DTSTAMP:" + utc(now)]
            if let day = event.day, let (start, end) = wholeDay(day) {
                // DTEND of a DATE is the day after (§3.6.1).
                lines += ["DTSTART;VALUE=DATE:" + start, "DTEND;VALUE=DATE:" + end]
            } else {
                lines += ["DTSTART:" + utc(event.start), "DTEND:" + utc(event.end)]
            }
            lines.append("SUMMARY:" + text(event.summary))
            if !event.location.isEmpty { lines.append("LOCATION:" + text(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + text(event.description)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped;
    /// other control characters cannot be represented and are dropped.
    public static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `2026-03-15` as `20260315` and the day after, `20260316`; nil when not a date.
    static func wholeDay(_ day: String) -> (String, String)? {
        guard let start = SwedishTime.startOfDay(day) else { return nil }
        // 36 hours on is the next day whatever a change to or from summer time does.
        let next = StockholmCalendar.local(start.addingTimeInterval(36 * 3600)).dateText
        return (day.replacingOccurrences(of: "-", with: ""), next.replacingOccurrences(of: "-", with: ""))
    }

    /// `20260315T083000Z`.
    public static func utc(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return (c.year ?? 0).padded(4) + (c.month ?? 0).padded(2) + (c.day ?? 0).padded(2) + "T" + (c.hour ?? 0).padded(2) + (c.minute ?? 0).padded(2)
            + (c.second ?? 0).padded(2) + "Z"
    }

    /// Content lines longer than 75 octets continue on lines that begin with one space (§3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }
}
