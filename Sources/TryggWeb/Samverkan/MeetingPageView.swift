import Foundation
import TryggCore
import TryggStore

/// The meeting page: the minutes as they read, and the forms of whoever may write them.
struct MeetingPageView {
    /// A decision with the follow-up form of those who may report on it.
    struct Item {
        let row: MeetingReportView.Row
        let followAction: String?
        let statuses: [SelectOption]
        /// The follow-up form's comment: the latest, or what a refused follow-up sent.
        let note: String
        let insatsHref: String?
        let id: String
    }

    struct DecisionFormView {
        let action: String
        let text: String
        let dueOn: String
        let responsible: [SelectOption]
        let measures: [SelectOption]
        let insatser: [SelectOption]
        let lagesbilder: [SelectOption]
        let walks: [SelectOption]
    }

    let minutes: MeetingReportView
    let meetingID: String
    let forumHref: String
    let printHref: String
    let docxHref: String
    let isEST: Bool
    /// The EST week's page, for those who may open it: the EST group always, others once it is published.
    let weekHref: String?
    let decisions: [Item]
    let followUps: [Item]
    let canWrite: Bool
    let locked: Bool
    /// Writes and is not locked: the forms to change the meeting.
    let editable: Bool
    let canApprove: Bool
    let canCorrect: Bool
    let saveAction: String
    let minutesAction: String
    let approveAction: String
    let correctAction: String
    let meetingForm: MeetingFormView
    let presentText: String
    let absentText: String
    let minutesField: EditedTextField
    let decisionForm: DecisionFormView

    static func make(
        _ report: MeetingReport, context: StaffContext, meetingForm: MeetingForm?, minutesForm: MinutesForm?, decisionForm: DecisionForm?,
        conflict: EditConflict? = nil, meetingConflict: RecordConflict<MeetingForm>? = nil, followForm: (decisionID: UUID, form: DecisionFollowForm)? = nil
    ) async throws -> MeetingPageView {
        let access = ForumGate.access(context)
        let canWrite = access.writes(report.forum)
        let today = StockholmCalendar.local(TryggClock.now).dateText
        let meeting = report.meeting
        func item(_ item: MeetingReport.Item) -> Item {
            let mayFollow = item.decisionID != nil && (canWrite || context.user.organisation.id == item.responsibleID)
            let typed = followForm.flatMap { $0.decisionID == item.decisionID ? $0.form : nil }
            let status = typed.map(\.status) ?? item.status.rawValue
            return Item(
                row: MeetingReportView.row(item, today: today, people: report.people),
                followAction: mayFollow ? item.decisionID.map { SiteRoutes.decisionFollow.path($0) } : nil,
                statuses: Decision.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == status) },
                note: typed?.note ?? item.statusNote,
                insatsHref: item.decisionID == nil && context.user.role.allows(.readAllIncidents)
                    ? item.links.first { $0.kind == .insats }.map { SiteRoutes.insats.path($0.id) } : nil,
                id: item.decisionID?.uuidString ?? item.links.first?.id.uuidString ?? UUID().uuidString)
        }
        let editable = canWrite && !report.isLocked
        let isEST = report.forum.kind == .estGrupp
        var weekHref: String?
        if isEST, try await WeekRoutes.mayOpen(meeting.week, user: context.user, kommun: context.kommun) { weekHref = SiteRoutes.week.path(meeting.week) }
        return MeetingPageView(
            minutes: MeetingReportView(report, today: today), meetingID: meeting.id.uuidString, forumHref: SiteRoutes.forum.path(report.forum.id),
            printHref: SiteRoutes.meetingReport.path(meeting.id), docxHref: SiteRoutes.meetingReportDocx.path(meeting.id),
            isEST: isEST, weekHref: weekHref, decisions: report.decisions.map(item),
            followUps: report.followUps.map(item), canWrite: canWrite, locked: report.isLocked, editable: editable,
            canApprove: access.administers && report.latestMinutes.map { !$0.isApproved } == true,
            canCorrect: canWrite && report.isLocked, saveAction: SiteRoutes.meetingSave.path(meeting.id),
            minutesAction: SiteRoutes.meetingMinutes.path(meeting.id), approveAction: SiteRoutes.meetingApprove.path(meeting.id),
            correctAction: SiteRoutes.meetingCorrect.path(meeting.id),
            meetingForm: MeetingFormView(meeting, typed: meetingForm, conflict: meetingConflict),
            presentText: minutesForm?.present ?? meeting.attendance.filter(\.present).map(\.label).joined(separator: "\n"),
            absentText: minutesForm?.absent ?? meeting.attendance.filter { !$0.present }.map(\.label).joined(separator: "\n"),
            minutesField: EditedTextField(
                name: "protokoll", label: "Protokoll", stored: report.latestMinutes?.text ?? "", rows: 14, maxLength: 50_000,
                typed: minutesForm?.text, typedSeen: minutesForm?.seen, conflictKey: "minutes", conflict: conflict),
            decisionForm: editable ? try await Self.decisionForm(report, form: decisionForm, context: context) : Self.emptyDecisionForm)
    }

    static let emptyDecisionForm = DecisionFormView(action: "", text: "", dueOn: "", responsible: [], measures: [], insatser: [], lagesbilder: [], walks: [])

    /// The choices of a new decision: the kommun's organisations, the measures of the plan in
    /// force, the open EST insatser and the lägesbilder.
    static func decisionForm(_ report: MeetingReport, form: DecisionForm?, context: StaffContext) async throws -> DecisionFormView {
        let none = SelectOption(value: "", label: "Ingen", selected: false)
        let plans = PlanStore(context.kommun)
        var measures: [SelectOption] = []
        if let plan = try await plans.planInForce() {
            measures = try await plans.measures(planID: plan.id).map {
                SelectOption(value: $0.id.uuidString, label: $0.label(), selected: $0.id.uuidString == form?.measure)
            }
        }
        let insatser = try await InsatsStore(context.kommun).all().filter(\.status.isOpen).map {
            SelectOption(value: $0.id.uuidString, label: "\($0.what) (\($0.place), \($0.decidedWeek.swedishName))", selected: $0.id.uuidString == form?.insats)
        }
        let lagesbilder = try await LagesbildStore(context.kommun).all().map {
            SelectOption(
                value: $0.id.uuidString, label: "Version \($0.version) (\($0.periodFrom) – \($0.periodTo))", selected: $0.id.uuidString == form?.lagesbild)
        }
        // Three months is the forums' usual horizon for a decision; the secretary changes it.
        let due = StockholmCalendar.local(report.meeting.startsAt.addingTimeInterval(91 * 86_400)).dateText
        let organisations = try await OrganisationStore(context.kommun).organisations().current
        return DecisionFormView(
            action: SiteRoutes.meetingDecisionAdd.path(report.meeting.id), text: form?.text ?? "", dueOn: form?.dueOn ?? due,
            responsible: [SelectOption(value: "", label: "Välj organisation", selected: form == nil)]
                + organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id.uuidString == form?.responsible) },
            measures: [none] + measures, insatser: [none] + insatser, lagesbilder: [none] + lagesbilder,
            walks: [none]
                + (try await WalkStore(context.kommun).all()).map {
                    SelectOption(value: $0.id.uuidString, label: "\($0.title) (\($0.date))", selected: $0.id.uuidString == form?.walk)
                })
    }
}
