import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// A meeting: its time and agenda, the follow-up of earlier decisions, new decisions, the
/// attendance and minutes, approval (justering) and corrections, and the printable minutes.
struct MeetingRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.meeting) { _, context in
            let (meeting, forum) = try await ForumGate.meeting(context)
            return try await page(meeting, forum: forum, context: context)
        }
        routes.staff(SiteRoutes.meetingSave) { _, context in
            let typed = try context.decodeForm(MeetingForm.self)
            return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
                let (meeting, forum) = try await writable(context)
                return try await EditedRecord.save(typed, over: MeetingForm(shown: meeting)) { error, status, conflict in
                    try await page(meeting, forum: forum, context: context, meetingForm: typed, meetingConflict: conflict, error: error, status: status)
                } _: { form in
                    let (start, end) = try Meeting.check(date: form.date, from: form.from, to: form.to, place: form.place, agenda: form.agenda)
                        .mapError { FormRefusal(message: $0.text) }.get()
                    if let problem = PersonalDataGuard.message(for: form.agenda, field: "Dagordningen") { throw FormRefusal(message: problem) }
                    var changed = meeting
                    changed.startsAt = start
                    changed.endsAt = end
                    changed.place = form.place
                    changed.agenda = form.agenda
                    changed.cancelled = form.cancelled == "ja"
                    try await MeetingStore(context.kommun).save(changed, by: context.actor)
                    try await notices(context).meetingPlanned(changed, forum: forum, changed: true)
                    return Response.seeOther(
                        SiteRoutes.meeting.path(meeting.id), notice: EditedRecord.notice("Mötet är sparat.", typed: typed, merged: form), context: context)
                }
            }
        }
        routes.staff(SiteRoutes.meetingMinutes) { _, context in
            let (meeting, forum) = try await writable(context)
            let form = try context.decodeForm(MinutesForm.self)
            if let problem = PersonalDataGuard.message(for: form.text, field: "Protokollet")
                ?? PersonalDataGuard.message(for: form.present + "\n" + form.absent, field: "Närvarolistan")
            {
                return try await page(meeting, forum: forum, context: context, minutesForm: form, error: problem, status: .badRequest)
            }
            guard form.text.count <= 50_000, form.present.count + form.absent.count <= 10_000 else {
                return try await page(
                    meeting, forum: forum, context: context, minutesForm: form, error: "Protokollet får vara högst 50 000 tecken och närvarolistan 10 000.",
                    status: .badRequest)
            }
            var changed = meeting
            changed.attendance = Meeting.Attendee.parse(form.present, present: true) + Meeting.Attendee.parse(form.absent, present: false)
            var notice = "Protokollet är sparat som utkast."
            return try await saving(meeting, forum: forum, context: context, minutesForm: form, notice: notice) {
                let store = MeetingStore(context.kommun)
                try await store.saveMinutes(meetingID: meeting.id, text: form.text, seen: form.seen, by: context.actor)
                let saved = try await store.minutes(meetingID: meeting.id).last?.text ?? ""
                notice = EditedTextField.notice(notice, typed: [("Protokoll", form.text)], stored: [saved])
                if changed.attendance != meeting.attendance { try await store.save(changed, by: context.actor) }
            }
        }
        routes.staff(SiteRoutes.meetingApprove) { _, context in
            let (meeting, forum) = try await ForumGate.meeting(context)
            return try await saving(meeting, forum: forum, context: context, notice: "Protokollet är justerat och låst.") {
                try await MeetingStore(context.kommun).approve(meetingID: meeting.id, by: context.actor)
                try await notices(context).minutesApproved(meeting, forum: forum)
            }
        }
        routes.staff(SiteRoutes.meetingCorrect) { _, context in
            let (meeting, forum) = try await ForumGate.meeting(context)
            guard ForumGate.access(context).writes(forum) else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(CorrectionForm.self)
            return try await saving(meeting, forum: forum, context: context, notice: "En rättelse är påbörjad: ändra och justera protokollet på nytt.") {
                try await MeetingStore(context.kommun).correct(meetingID: meeting.id, reason: form.reason, by: context.actor)
            }
        }
        routes.staff(SiteRoutes.meetingDecisionAdd) { _, context in
            let (meeting, forum) = try await writable(context)
            let form = try context.decodeForm(DecisionForm.self)
            if let problem = PersonalDataGuard.message(for: form.text, field: "Beslutet") {
                return try await page(meeting, forum: forum, context: context, decisionForm: form, error: problem, status: .badRequest)
            }
            return try await saving(meeting, forum: forum, context: context, decisionForm: form, notice: "Beslutet är antecknat.") {
                try await DecisionStore(context.kommun).add(
                    to: meeting, text: form.text, responsibleID: UUID(uuidString: form.responsible), dueOn: form.dueOn, links: form.links, by: context.actor)
            }
        }
        routes.staff(SiteRoutes.decisionFollow) { _, context in
            let store = DecisionStore(context.kommun)
            guard let decision = try await store.find(id: try context.parameters.require("id", as: UUID.self)),
                let meeting = try await MeetingStore(context.kommun).find(id: decision.meetingID),
                let forum = try? await ForumGate.visible(meeting.forumID, context: context)
            else { throw HTTPError(.notFound, message: "Beslutet finns inte.") }
            // The forum's secretary and the samordnare, and whoever answers for the decision.
            guard ForumGate.access(context).writes(forum) || context.user.organisation.id == decision.responsibleID else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(DecisionFollowForm.self)
            // Back to the meeting the follow-up was made at (a later one of the same forum), else the deciding one.
            var target = meeting.id
            if let back = UUID(uuidString: form.back), let later = try await MeetingStore(context.kommun).find(id: back), later.forumID == forum.id {
                target = later.id
            }
            // A refusal shows the meeting again with what was typed in this decision's form.
            func refused(_ problem: String) async throws -> Response {
                let shown = try await MeetingStore(context.kommun).find(id: target) ?? meeting
                return try await page(shown, forum: forum, context: context, followForm: (decision.id, form), error: problem, status: .badRequest)
            }
            guard let status = Decision.Status(rawValue: form.status) else { return try await refused("Välj en status för beslutet.") }
            if let problem = PersonalDataGuard.message(for: form.note, field: "Kommentaren") { return try await refused(problem) }
            do {
                try await store.follow(id: decision.id, status: status, note: form.note, by: context.actor)
            } catch let error as StoreError {
                return try await refused(error.description)
            }
            return Response.seeOther(
                SiteRoutes.meeting.path(target), notice: "Beslut § \(decision.number) är uppföljt: \(status.displayName).", context: context)
        }
        routes.staff(SiteRoutes.meetingReport) { _, context in
            let report = try await report(context)
            return deps.renderer.html(.reportMeeting, ["page": MeetingReportView(report)])
        }
        routes.staff(SiteRoutes.meetingReportDocx) { _, context in
            let report = try await report(context)
            return .download(try report.docx(), contentType: Response.docxType, filename: "protokoll-\(report.meeting.day).docx")
        }
    }

    func report(_ context: StaffContext) async throws -> MeetingReport {
        let (meeting, _) = try await ForumGate.meeting(context)
        guard let report = try await MeetingReport.load(meetingID: meeting.id, kommun: context.user.kommun, database: deps.database) else {
            throw HTTPError(.notFound, message: "Mötet finns inte.")
        }
        try await AuditLog.record(
            context.actor, action: "läste protokoll", objectType: "möte", objectID: meeting.id.uuidString, detail: report.title,
            kommunID: context.kommunID, on: deps.database.db)
        return report
    }

    /// The meeting when the user writes its forum's meetings (secretary or samordnare), else 403.
    func writable(_ context: StaffContext) async throws -> (Meeting, Forum) {
        let (meeting, forum) = try await ForumGate.meeting(context)
        guard ForumGate.access(context).writes(forum) else { throw HTTPError(.forbidden) }
        return (meeting, forum)
    }

    func notices(_ context: StaffContext) -> Notices {
        Notices(database: deps.database, kommun: context.user.kommun, baseURL: deps.configuration.mail.publicURL)
    }

    /// Runs a change; on success back to the meeting with a notice, on a refusal the page again with the error.
    func saving(
        _ meeting: Meeting, forum: Forum, context: StaffContext, minutesForm: MinutesForm? = nil,
        decisionForm: DecisionForm? = nil, notice: @autoclosure () -> String, _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
        } catch let error as StoreError {
            return try await page(
                meeting, forum: forum, context: context, minutesForm: minutesForm, decisionForm: decisionForm,
                error: error.description, status: .badRequest)
        } catch let conflict as EditConflict {
            return try await page(
                meeting, forum: forum, context: context, minutesForm: minutesForm, error: conflict.description, conflict: conflict, status: .conflict)
        }
        return Response.seeOther(SiteRoutes.meeting.path(meeting.id), notice: notice(), context: context)
    }

    func page(
        _ meeting: Meeting, forum: Forum, context: StaffContext, meetingForm: MeetingForm? = nil, minutesForm: MinutesForm? = nil,
        decisionForm: DecisionForm? = nil, meetingConflict: RecordConflict<MeetingForm>? = nil,
        followForm: (decisionID: UUID, form: DecisionFollowForm)? = nil, error: String? = nil, conflict: EditConflict? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let report = try await MeetingReport.load(meetingID: meeting.id, kommun: context.user.kommun, database: deps.database) else {
            throw HTTPError(.notFound, message: "Mötet finns inte.")
        }
        let view = try await MeetingPageView.make(
            report, context: context, meetingForm: meetingForm, minutesForm: minutesForm, decisionForm: decisionForm, conflict: conflict,
            meetingConflict: meetingConflict, followForm: followForm)
        return deps.renderer.page(.meeting, title: report.title, context: context, content: view, error: error, status: status)
    }
}
