import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Every decision of the forums the user sees, in one list: what the samordnare brings to
/// Trygghetsrådet and what an organisation answers for, across forums. A decision is followed up
/// on its meeting's page (or a later meeting of the same forum); this list only finds it. EST
/// insatser are followed up on the EST pages and stay there.
struct DecisionRegisterRoutes {
    let deps: AppDependencies

    /// Which decisions the list shows (`visa=`).
    enum Show: String, CaseIterable {
        case open = "oppna"
        case overdue = "forsenade"
        case closed = "avslutade"
        case all = "alla"

        var label: String {
            switch self {
            case .open: "Öppna"
            case .overdue: "Försenade"
            case .closed: "Klara och avbrutna"
            case .all: "Alla"
            }
        }

        func includes(_ decision: Decision, today: String) -> Bool {
            switch self {
            case .open: decision.status.isOpen
            case .overdue: decision.isOverdue(today: today)
            case .closed: !decision.status.isOpen
            case .all: true
            }
        }
    }

    struct Row {
        let number: String
        let text: String
        let meeting: String
        let meetingHref: String
        let responsible: String
        let dueOn: String
        let status: String
        let overdue: Bool
        let note: String
    }

    struct View {
        let rows: [Row]
        let hasRows: Bool
        let summary: String
        let action = SiteRoutes.decisions.path
        let organisations: [SelectOption]
        let shows: [SelectOption]
        let mineHref: String
        let mine: String
        let forumsHref = SiteRoutes.forums.path
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.decisions) { request, context in
            let query = request.uri.queryParameters
            let show = query.get("visa").flatMap(Show.init(rawValue:)) ?? .open
            let responsible = query.get("ansvarig").flatMap(UUID.init(uuidString:))
            let today = StockholmCalendar.local(TryggClock.now).dateText
            let forums = try await ForumStore(context.kommun).all().filter(ForumGate.access(context).sees)
            let forumNames = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
            let meetings = try await MeetingStore(context.kommun).meetings(forumIDs: forums.map(\.id)).map(\.meeting)
            let meetingByID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
            let organisations = try await OrganisationStore(context.kommun).organisations()
            let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.abbreviation.isEmpty ? $0.name : $0.abbreviation) })
            let decisions = try await DecisionStore(context.kommun).decisions(meetingIDs: meetings.map(\.id))
                .filter { show.includes($0, today: today) && (responsible == nil || $0.responsibleID == responsible) }
                // Open before closed; within each, the earliest due date first, so what is late leads.
                .sorted { ($0.status.isOpen ? 0 : 1, $0.dueOn, $0.number) < ($1.status.isOpen ? 0 : 1, $1.dueOn, $1.number) }
            let rows = decisions.compactMap { decision -> Row? in
                guard let meeting = meetingByID[decision.meetingID] else { return nil }
                return Row(
                    number: "§ \(decision.number)", text: decision.text, meeting: "\(forumNames[meeting.forumID] ?? "") \(meeting.day)",
                    meetingHref: SiteRoutes.meeting.path(meeting.id), responsible: names[decision.responsibleID] ?? "", dueOn: decision.dueOn,
                    status: decision.status.displayName, overdue: decision.isOverdue(today: today), note: decision.statusNote)
            }
            let late = rows.filter(\.overdue).count
            let summary =
                SwedishGrammar.count(rows.count, "beslut", "beslut") + (show == .open && late > 0 ? ", varav \(late) försenade" : "") + "."
            let own = context.user.organisation
            let view = View(
                rows: rows, hasRows: !rows.isEmpty, summary: summary,
                organisations: [SelectOption(value: "", label: "Alla organisationer", selected: responsible == nil)]
                    + organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == responsible) },
                shows: Show.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == show) },
                mineHref: SiteRoutes.decisions.path(query: [("ansvarig", own.id.uuidString)]), mine: own.abbreviation.isEmpty ? own.name : own.abbreviation)
            return deps.renderer.page(.decisions, title: "Beslut att följa upp", context: context, content: view)
        }
    }
}
