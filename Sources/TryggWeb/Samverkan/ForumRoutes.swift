import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The kommun's forums: the list with what is coming up, a new forum, a forum's page with its
/// members, meetings and open decisions, and planning a meeting.
struct ForumRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.forums) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.forumCreate) { _, context in
            let form = try context.decodeForm(ForumForm.self)
            do {
                let forum = try await ForumStore(context.kommun).create(form.forum(id: UUID()), by: context.actor)
                return Response.seeOther(SiteRoutes.forum.path(forum.id), notice: "Forumet ”\(forum.name)” är skapat.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, form: form.forum(id: UUID()), error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.forum) { _, context in try await page(try await ForumGate.forum(context), context: context) }
        routes.staff(SiteRoutes.forumSave) { _, context in
            let typed = try context.decodeForm(ForumForm.self)
            return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
                let stored = try await ForumGate.forum(context)
                return try await EditedRecord.save(typed, over: ForumForm(shown: stored)) { error, status, conflict in
                    try await page(stored, context: context, form: typed, conflict: conflict, error: error, status: status)
                } _: { merged in
                    try await ForumStore(context.kommun).save(merged.forum(id: stored.id), by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.forum.path(stored.id), notice: EditedRecord.notice("Forumet är sparat.", typed: typed, merged: merged), context: context)
                }
            }
        }
        routes.staff(SiteRoutes.meetingCreate) { _, context in
            let forum = try await ForumGate.forum(context)
            guard ForumGate.access(context).writes(forum) else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(MeetingForm.self)
            switch Meeting.check(date: form.date, from: form.from, to: form.to, place: form.place, agenda: form.agenda) {
            case .failure(let problems):
                return try await page(forum, context: context, meetingForm: form, error: problems.text, status: .badRequest)
            case .success(let (start, end)):
                if let problem = PersonalDataGuard.message(for: form.agenda, field: "Dagordningen") {
                    return try await page(forum, context: context, meetingForm: form, error: problem, status: .badRequest)
                }
                let meeting = try await MeetingStore(context.kommun).create(
                    Meeting(id: UUID(), forumID: forum.id, startsAt: start, endsAt: end, place: form.place, agenda: form.agenda), in: forum,
                    by: context.actor)
                try await Notices(database: deps.database, kommun: context.user.kommun, baseURL: deps.configuration.mail.publicURL)
                    .meetingPlanned(meeting, forum: forum)
                return Response.seeOther(SiteRoutes.meeting.path(meeting.id), notice: "Mötet den \(meeting.day) är planerat.", context: context)
            }
        }
    }

    struct ListRow {
        let name: String
        let href: String
        let kind: String
        let area: String
        let next: String
        let openDecisions: Int
    }

    struct ListView {
        let rows: [ListRow]
        let hasRows: Bool
        let canCreate: Bool
        let calendarHref = SiteRoutes.calendar.path
        let decisionsHref = SiteRoutes.decisions.path
        let promisesHref = SiteRoutes.promises.path
        let walksHref = SiteRoutes.walks.path
        let form: ForumFormView
    }

    func list(context: StaffContext, form: Forum? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let access = ForumGate.access(context)
        let forums = try await ForumStore(context.kommun).all().filter(access.sees)
        let now = TryggClock.now
        let meetings = try await MeetingStore(context.kommun).meetings(forumIDs: forums.map(\.id))
        let open = try await DecisionStore(context.kommun).open()
        let meetingForum = Dictionary(uniqueKeysWithValues: meetings.map { ($0.meeting.id, $0.meeting.forumID) })
        let areas = Dictionary(uniqueKeysWithValues: try await AreaStore(context.kommun).all().map { ($0.id, $0.name) })
        let rows = forums.map { forum in
            let next = meetings.first { $0.meeting.forumID == forum.id && $0.meeting.endsAt >= now && !$0.meeting.cancelled }
            return ListRow(
                name: forum.name, href: SiteRoutes.forum.path(forum.id), kind: forum.kind.displayName, area: forum.areaID.flatMap { areas[$0] } ?? "",
                next: next.map { SwedishTime.minute($0.meeting.startsAt) } ?? "Inget planerat",
                openDecisions: open.filter { meetingForum[$0.meetingID] == forum.id }.count)
        }
        let view = ListView(
            rows: rows, hasRows: !rows.isEmpty, canCreate: access.administers,
            form: try await ForumFormView.make(form ?? Forum(id: UUID(), name: "", kind: .omradesgrupp), action: SiteRoutes.forumCreate.path, context: context))
        return deps.renderer.page(.forums, title: "Samverkan", context: context, content: view, error: error, status: status)
    }

    struct MeetingRow {
        let href: String
        let when: String
        let place: String
        let status: String
    }

    struct PageView {
        let name: String
        let kind: String
        let area: String
        let convener: String
        let mandate: String
        let members: [String]
        let meetings: [MeetingRow]
        let hasMeetings: Bool
        let followUps: [MeetingReportView.Row]
        let canWrite: Bool
        let canAdminister: Bool
        let meetingAction: String
        let meetingForm: MeetingFormView
        let form: ForumFormView
        let isEST: Bool
        let estHref = SiteRoutes.est.path
    }

    func page(
        _ forum: Forum, context: StaffContext, form: ForumForm? = nil, conflict: RecordConflict<ForumForm>? = nil, meetingForm: MeetingForm? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let access = ForumGate.access(context)
        let summaries = try await MeetingStore(context.kommun).meetings(forumIDs: [forum.id])
        let users = Dictionary(uniqueKeysWithValues: try await UserStore(context.kommun).accounts().map { ($0.id, $0) })
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.kommun).organisations().map { ($0.id, $0) })
        let areas = try await AreaStore(context.kommun).all()
        let now = TryggClock.now
        let today = StockholmCalendar.local(now).dateText
        // The follow-up list of the forum's latest meeting shows what is still open.
        var followUps: [MeetingReportView.Row] = []
        if let latest = summaries.last,
            let report = try await MeetingReport.load(meetingID: latest.meeting.id, kommun: context.user.kommun, database: deps.database)
        {
            followUps = (report.followUps + report.decisions.filter(\.status.isOpen)).map { MeetingReportView.row($0, today: today, people: report.people) }
        }
        let view = PageView(
            name: forum.name, kind: forum.kind.displayName,
            area: forum.areaID.flatMap { id in areas.first { $0.id == id }?.name } ?? "",
            convener: forum.convenerID.flatMap { organisations[$0]?.name } ?? "", mandate: forum.mandate,
            members: forum.members.compactMap { member in
                if let id = member.userID, let user = users[id] {
                    return "\(user.name), \(user.organisation.abbreviation)\(member.secretary ? " (sekreterare)" : "")"
                }
                return member.organisationID.flatMap { organisations[$0] }.map { "\($0.name) (hela organisationen)" }
            },
            meetings: summaries.reversed().map {
                MeetingRow(
                    href: SiteRoutes.meeting.path($0.meeting.id),
                    when: "\(SwedishTime.minute($0.meeting.startsAt))–\(SwedishTime.clock($0.meeting.endsAt))", place: $0.meeting.place,
                    status: $0.status(now: now).displayName)
            }, hasMeetings: !summaries.isEmpty, followUps: followUps, canWrite: access.writes(forum), canAdminister: access.administers,
            meetingAction: SiteRoutes.meetingCreate.path(forum.id), meetingForm: MeetingFormView(meetingForm, now: now),
            form: try await ForumFormView.make(
                form?.forum(id: forum.id) ?? forum, action: SiteRoutes.forumSave.path(forum.id), context: context,
                edited: (stored: forum, typed: form, conflict: conflict)),
            isEST: forum.kind == .estGrupp)
        return deps.renderer.page(.forum, title: forum.name, context: context, content: view, error: error, status: status)
    }
}

/// Who may open a forum or meeting: another kommun's, or a forum the user does not sit in, is 404.
enum ForumGate {
    static func access(_ context: StaffContext) -> ForumAccess {
        ForumAccess(user: context.user)
    }

    static func forum(_ context: StaffContext) async throws -> Forum {
        try await visible(try context.parameters.require("id", as: UUID.self), context: context)
    }

    static func visible(_ id: UUID, context: StaffContext) async throws -> Forum {
        guard let forum = try await ForumStore(context.kommun).find(id: id), access(context).sees(forum) else {
            throw HTTPError(.notFound, message: "Forumet finns inte.")
        }
        return forum
    }

    static func meeting(_ context: StaffContext) async throws -> (Meeting, Forum) {
        guard let meeting = try await MeetingStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)),
            let forum = try await ForumStore(context.kommun).find(id: meeting.forumID), access(context).sees(forum)
        else { throw HTTPError(.notFound, message: "Mötet finns inte.") }
        return (meeting, forum)
    }
}
