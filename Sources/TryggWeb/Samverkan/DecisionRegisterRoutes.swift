import Foundation
import Hummingbird
import TryggCore
import TryggReports
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
        let excelHref: String
        let forumsHref = SiteRoutes.forums.path
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.decisions) { request, context in
            let organisations = try await OrganisationStore(context.kommun).organisations()
            let (filter, rows) = try await Self.rows(request, context: context, organisations: organisations)
            let late = rows.filter(\.overdue).count
            let summary =
                SwedishGrammar.count(rows.count, "beslut", "beslut") + (filter.show == .open && late > 0 ? ", varav \(late) försenade" : "") + "."
            let own = context.user.organisation
            let view = View(
                rows: rows, hasRows: !rows.isEmpty, summary: summary,
                organisations: [SelectOption(value: "", label: "Alla organisationer", selected: filter.responsible == nil)]
                    + organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == filter.responsible) },
                shows: Show.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.show) },
                mineHref: SiteRoutes.decisions.path(query: [("ansvarig", own.id.uuidString)]), mine: own.abbreviation,
                excelHref: SiteRoutes.decisionsXlsx.path(query: filter.query))
            return deps.renderer.page(.decisions, title: "Beslut att följa upp", context: context, content: view)
        }
        // The same list as a spreadsheet, for the papers of the next Trygghetsrådet.
        routes.staff(SiteRoutes.decisionsXlsx) { request, context in
            let organisations = try await OrganisationStore(context.kommun).organisations()
            let (_, rows) = try await Self.rows(request, context: context, organisations: organisations)
            let header = ["Nr", "Beslut", "Möte", "Ansvarig", "Klart senast", "Status", "Försenat", "Senaste uppföljning"]
            let workbook = try XlsxWriter.workbook(
                sheetName: "Beslut", header: header,
                rows: rows.map { row in
                    [
                        .text(row.number), .text(row.text), .text(row.meeting), .text(row.responsible), .text(row.dueOn), .text(row.status),
                        .text(row.overdue ? "Ja" : "Nej"), .text(row.note),
                    ]
                })
            let today = StockholmCalendar.local(TryggClock.now).dateText
            return Response.download(workbook, contentType: Response.xlsxType, filename: "beslut-\(today).xlsx")
        }
    }

    /// The list's choice, read from `ansvarig=` and `visa=`.
    struct Filter {
        let show: Show
        let responsible: UUID?

        var query: [(String, String)] { (responsible.map { [("ansvarig", $0.uuidString)] } ?? []) + [("visa", show.rawValue)] }
    }

    /// The decisions of the meetings of every forum the user sees, as the filter chooses them:
    /// open before closed, the earliest due date first within each, so what is late leads.
    static func rows(_ request: Request, context: StaffContext, organisations: [Organisation]) async throws -> (Filter, [Row]) {
        let query = request.uri.queryParameters
        let filter = Filter(
            show: query.get("visa").flatMap(Show.init(rawValue:)) ?? .open, responsible: query.get("ansvarig").flatMap(UUID.init(uuidString:)))
        let today = StockholmCalendar.local(TryggClock.now).dateText
        let forums = try await ForumStore(context.kommun).all().filter(ForumGate.access(context).sees)
        let forumNames = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
        let meetings = try await MeetingStore(context.kommun).meetings(forumIDs: forums.map(\.id)).map(\.meeting)
        let meetingByID = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.shortLabel) })
        let decisions = try await DecisionStore(context.kommun).decisions(meetingIDs: meetings.map(\.id))
            .filter { filter.show.includes($0, today: today) && (filter.responsible == nil || $0.responsibleID == filter.responsible) }
            .sorted { ($0.status.isOpen ? 0 : 1, $0.dueOn, $0.number) < ($1.status.isOpen ? 0 : 1, $1.dueOn, $1.number) }
        let rows = decisions.compactMap { decision -> Row? in
            guard let meeting = meetingByID[decision.meetingID] else { return nil }
            return Row(
                number: "§ \(decision.number)", text: decision.text, meeting: "\(forumNames[meeting.forumID] ?? "") \(meeting.day)",
                meetingHref: SiteRoutes.meeting.path(meeting.id), responsible: names[decision.responsibleID] ?? "", dueOn: decision.dueOn,
                status: decision.status.displayName, overdue: decision.isOverdue(today: today), note: decision.statusNote)
        }
        return (filter, rows)
    }
}
