import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The events a user picked on the event list (week, dates, area, category, words in the place or
/// the description), read from the
/// page's query so the list, its next page and its downloads show the same events.
struct EventSelection {
    var filter = IncidentStore.Filter(limit: 100)
    let week: ISOWeek?
    /// As typed, `YYYY-MM-DD`, so the form shows them again.
    let from: String
    let until: String
    let areaText: String
    /// The words searched for, as typed.
    let text: String
    /// A date that is not one, said in Swedish; the list then shows every date.
    let problem: String?

    init(_ query: Hummingbird.Parameters, user: UserAccount) {
        let week = query["vecka"].flatMap { ISOWeek(parsing: String($0)) }
        self.week = week
        if let week {
            filter.from = week.start
            filter.until = week.end
        }
        from = query["fran"].map(String.init) ?? ""
        until = query["till"].map(String.init) ?? ""
        var problems: [String] = []
        if !from.isEmpty {
            if let start = SwedishTime.startOfDay(from) { filter.from = max(filter.from ?? start, start) } else { problems.append(from) }
        }
        if !until.isEmpty {
            // Till och med: the whole last day counts.
            // 36 hours on is the next day's date also across a change to or from summer time.
            if let day = SwedishTime.startOfDay(until), let end = SwedishTime.startOfDay(SwedishTime.date(day.addingTimeInterval(36 * 3600))) {
                filter.until = min(filter.until ?? end, end)
            } else {
                problems.append(until)
            }
        }
        problem =
            problems.isEmpty
            ? nil : problems.map { "”\($0.prefix(20))”" }.joined(separator: " och ") + " är inget datum (ÅÅÅÅ-MM-DD) och används inte."
        areaText = query["omrade"].map(String.init) ?? ""
        if areaText == "ovriga" { filter.restOfKommun = true } else { filter.areaID = UUID(uuidString: areaText) }
        filter.categoryID = query["kategori"].flatMap { UUID(uuidString: String($0)) }
        text = String((query["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
        filter.text = text
        if !user.role.allows(.readAllIncidents) { filter.reporterID = user.id }
    }

    /// The selection as query parameters, for the next page and the downloads.
    var query: [(String, String)] {
        [
            ("vecka", week?.description ?? ""), ("fran", from), ("till", until), ("omrade", areaText),
            ("kategori", filter.categoryID?.uuidString ?? ""), ("q", text),
        ].filter { !$0.1.isEmpty }
    }
}
