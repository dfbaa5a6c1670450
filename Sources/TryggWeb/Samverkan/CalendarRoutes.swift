import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The meetings of the forums a user sits in: a month view, and an iCalendar feed at a secret
/// address that Outlook subscribes to.
struct CalendarRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.calendar) { request, context in try await month(request, context: context) }
        routes.staff(SiteRoutes.calendarFeedRenew) { _, context in
            let token = try await CalendarFeedStore(deps.database).renew(for: context.user, by: context.actor)
            deps.oneTimeNotes.put(token, for: context.sessionID)
            return Response.seeOther(
                SiteRoutes.calendar.path, notice: "En ny kalenderadress är skapad; en tidigare adress slutar gälla.", context: context)
        }
        routes.feed(SiteRoutes.calendarFeed) { _, context in
            let token = try context.parameters.require("token")
            guard let user = try await CalendarFeedStore(deps.database).user(token: token) else {
                throw HTTPError(.notFound, message: "Kalendern finns inte.")
            }
            let now = TryggClock.now
            let scope = KommunScope(deps.database, kommunID: user.kommun.id)
            let access = ForumAccess(user: user)
            let forums = try await ForumStore(scope).all().filter(access.sees)
            let names = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
            // Half a year back and a year ahead: what a calendar shows without growing forever.
            let meetings = try await MeetingStore(scope).meetings(
                forumIDs: forums.map(\.id), from: now.addingTimeInterval(-183 * 86_400), to: now.addingTimeInterval(400 * 86_400))
            let base = deps.configuration.mail.publicURL.trimmingCharacters(in: ["/"])
            let losDays = try await InspectionCalendar.days(
                for: user, scope: scope, from: StockholmCalendar.local(now.addingTimeInterval(-183 * 86_400)).dateText,
                to: StockholmCalendar.local(now.addingTimeInterval(400 * 86_400)).dateText)
            var events = meetings.map { summary in
                let meeting = summary.meeting
                let url = base + SiteRoutes.meeting.path(meeting.id)
                return ICalendar.Event(
                    uid: "\(meeting.id.uuidString.lowercased())@trygg", start: meeting.startsAt, end: meeting.endsAt,
                    summary: (meeting.cancelled ? "INSTÄLLT: " : "") + (names[meeting.forumID] ?? "Möte"), location: meeting.place,
                    description: meeting.agenda + "\n\n" + url, url: url, cancelled: meeting.cancelled)
            }
            events += losDays.map { InspectionCalendar.event($0, baseURL: base) }
            var headers = HTTPFields()
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.cacheControl] = "private, max-age=900"
            let body = ICalendar.feed(name: "Trygg: möten, \(user.kommun.name)", events: events, now: now)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }

    struct Day {
        let label: String
        let inMonth: Bool
        let today: Bool
        let meetings: [Entry]
    }

    struct Entry {
        let href: String
        let text: String
        let cancelled: Bool
    }

    struct Week {
        let number: Int
        let days: [Day]
    }

    /// On a phone the month is read as a list of the days that have something, not a grid.
    struct AgendaDay {
        let label: String
        let today: Bool
        let meetings: [Entry]
    }

    struct MonthView {
        let title: String
        let weeks: [Week]
        let agenda: [AgendaDay]
        let previousHref: String
        let nextHref: String
        let renewAction = SiteRoutes.calendarFeedRenew.path
        let feedURL: String?
        let hasFeed: Bool
        let count: Int
        /// LOS and ROS days of the month, for those who may see LOS.
        let losDays: String?
    }

    func month(_ request: Request, context: StaffContext) async throws -> Response {
        let now = TryggClock.now
        let local = StockholmCalendar.local(now)
        var year = local.year, month = local.month
        if let text = request.uri.queryParameters.get("manad"), text.count == 7, let y = Int(text.prefix(4)), let m = Int(text.suffix(2)),
            (2000...2100).contains(y), (1...12).contains(m), text.dropFirst(4).first == "-"
        {
            year = y
            month = m
        }
        let first = StockholmCalendar.startOfDay(year: year, month: month, day: 1)
        let next = month == 12 ? (year + 1, 1) : (year, month + 1)
        let previous = month == 1 ? (year - 1, 12) : (year, month - 1)
        let end = StockholmCalendar.startOfDay(year: next.0, month: next.1, day: 1)
        let access = ForumGate.access(context)
        let forums = try await ForumStore(context.kommun).all().filter(access.sees)
        let names = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
        let meetings = try await MeetingStore(context.kommun).meetings(
            forumIDs: forums.map(\.id), from: first.addingTimeInterval(-7 * 86_400), to: end.addingTimeInterval(7 * 86_400))
        var byDay: [String: [Entry]] = [:]
        for summary in meetings {
            byDay[summary.meeting.day, default: []].append(
                Entry(
                    href: SiteRoutes.meeting.path(summary.meeting.id),
                    text: "\(SwedishTime.clock(summary.meeting.startsAt)) \(names[summary.meeting.forumID] ?? "")", cancelled: summary.meeting.cancelled))
        }
        let losDays = try await InspectionCalendar.days(
            for: context.user, scope: context.kommun, from: StockholmCalendar.local(first.addingTimeInterval(-7 * 86_400)).dateText,
            to: StockholmCalendar.local(end.addingTimeInterval(7 * 86_400)).dateText)
        for inspection in losDays {
            byDay[inspection.date, default: []].append(
                Entry(href: SiteRoutes.inspection.path(inspection.id), text: InspectionCalendar.label(inspection), cancelled: inspection.status == .cancelled))
        }
        let monthPrefix = "\(year.padded(4))-\(month.padded(2))-"
        let losInMonth = losDays.count { $0.date.hasPrefix(monthPrefix) }
        // Weeks from the Monday on or before the 1st to the Sunday on or after the last day.
        var weeks: [Week] = []
        var agenda: [AgendaDay] = []
        var week = ISOWeek.containing(first)
        while week.start < end {
            let monday = week.start
            let days = (0..<7).map { offset -> Day in
                let day = StockholmCalendar.local(monday.addingTimeInterval(Double(offset) * 86_400 + 7200))
                let entries = byDay[day.dateText] ?? []
                if day.month == month, !entries.isEmpty {
                    agenda.append(
                        AgendaDay(
                            label: "\(Weekdays.names[offset]) \(day.day) \(SwedishTime.months[month - 1])", today: day.dateText == local.dateText,
                            meetings: entries))
                }
                return Day(label: "\(day.day)", inMonth: day.month == month, today: day.dateText == local.dateText, meetings: entries)
            }
            weeks.append(Week(number: week.week, days: days))
            week = week.adding(1)
        }
        let token = deps.oneTimeNotes.take(for: context.sessionID)
        let base = deps.configuration.mail.publicURL.trimmingCharacters(in: ["/"])
        let view = MonthView(
            title: "\(SwedishTime.months[month - 1]) \(year)", weeks: weeks, agenda: agenda,
            previousHref: SiteRoutes.calendar.path(query: [("manad", "\(previous.0)-\(previous.1.padded(2))")]),
            nextHref: SiteRoutes.calendar.path(query: [("manad", "\(next.0)-\(next.1.padded(2))")]),
            feedURL: token.map { base + SiteRoutes.calendarFeed.path($0) }, hasFeed: try await CalendarFeedStore(deps.database).exists(for: context.user.id),
            count: meetings.filter { $0.meeting.startsAt >= first && $0.meeting.startsAt < end }.count,
            losDays: losInMonth == 0 ? nil : losInMonth == 1 ? "en LOS- eller ROS-dag" : "\(losInMonth) LOS- och ROS-dagar")
        return deps.renderer.page(.calendar, title: "Möteskalender", context: context, content: view)
    }

}
