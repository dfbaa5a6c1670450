import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The samordnare's side of the follow-up: open a round, watch progress, send answers back,
/// remind, close, and the report to kommunfullmäktige.
struct FollowUpRoutes {
    let deps: AppDependencies

    /// A round's addresses, from the route table.
    struct RoundPaths {
        let overview: String
        let mine: String
        let report: String
        let reportDocx: String
        let close: String
        let sendBack: String
        let assessment: String
        let remind: String

        init(_ id: UUID) {
            remind = SiteRoutes.followUpRemind.path(id)
            overview = SiteRoutes.followUpRound.path(id)
            mine = SiteRoutes.followUpMine.path(id)
            report = SiteRoutes.followUpReport.path(id)
            reportDocx = SiteRoutes.followUpReportDocx.path(id)
            close = SiteRoutes.followUpClose.path(id)
            sendBack = SiteRoutes.followUpSendBack.path(id)
            assessment = SiteRoutes.followUpAssessment.path(id)
        }
    }

    struct RoundLink {
        let id: String
        let paths: RoundPaths
        let year: Int
        let deadline: String
        let state: String
        let isOpen: Bool
    }

    struct ListView {
        let rounds: [RoundLink]
        let canManage: Bool
        let canAnswer: Bool
        let canReport: Bool
        let plans: [SelectOption]
    }

    struct ProgressRow {
        let organisation: String
        /// The round's measures with only this organisation's answers.
        let href: String
        let expected: Int
        let answered: Int
        let returned: Int
        let complete: Bool
    }

    struct MissingRow {
        let organisation: String
        let reference: String
        let text: String
    }

    struct AnswerRow {
        let reference: String
        let measureID: String
        let text: String
        let status: String
        let answers: [AnswerEntry]
    }

    struct AnswerEntry {
        let organisation: String
        let organisationID: String
        let status: String
        let description: String
        let returned: Bool
        let returnComment: String
        let answered: Bool
    }

    struct RoundView {
        let id: String
        let paths: RoundPaths
        let year: Int
        let deadline: String
        let isOpen: Bool
        let headline: String
        let chart: String
        let progress: [ProgressRow]
        let missing: [MissingRow]
        let missingCount: Int
        let missingOrganisations: String
        let lines: [AnswerRow]
        /// "Alla åtgärder", or the organisation whose answers are shown.
        let linesHeading: String
        /// The organisation filter's id, kept by a send-back so the page comes back the same.
        let filter: String
        let filtered: Bool
        let answerFilters: [SelectOption]
        let assessment: EditedTextField
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.followUp) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.followUpOpen) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let form = try context.decodeForm(RoundOpenForm.self)
            guard let planID = UUID(uuidString: form.plan) else { return try await list(context: context, error: "Välj en plan.") }
            do {
                let round = try await FollowUpStore(context.kommun).open(
                    planID: planID,
                    deadline: form.deadline, by: context.actor)
                await deps.notify(context.user.kommun) { try await $0.roundOpened(round) }
                return Response.seeOther(SiteRoutes.followUpRound.path(round.id))
            } catch let error as StoreError {
                return try await list(context: context, error: error.description)
            }
        }
        routes.staff(SiteRoutes.followUpRound) { request, context in
            let user = try context.requireUser(allowedTo: .answerFollowUp)
            let id = try context.parameters.require("id", as: UUID.self)
            guard try await FollowUpStore(context.kommun).round(id: id) != nil else { throw HTTPError(.notFound) }
            guard user.role.allows(.editPlan) else { return Response.seeOther(SiteRoutes.followUpMine.path(id)) }
            return try await overview(
                context: context, organisation: request.uri.queryParameters["organisation"].flatMap { UUID(uuidString: String($0)) },
                answers: request.uri.queryParameters["svar"].flatMap { AnswerFilter(rawValue: String($0)) } ?? .all)
        }
        routes.staff(SiteRoutes.followUpSendBack) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let id = try context.parameters.require("id", as: UUID.self)
            guard try await FollowUpStore(context.kommun).round(id: id) != nil else { throw HTTPError(.notFound) }
            let form = try context.decodeForm(SendBackForm.self)
            guard let measureID = UUID(uuidString: form.measure), let organisationID = UUID(uuidString: form.organisation)
            else { throw HTTPError(.badRequest) }
            do {
                try await FollowUpStore(context.kommun).returnForCompletion(
                    roundID: id, measureID: measureID, organisationID: organisationID,
                    comment: form.comment, by: context.actor)
                await deps.notify(context.user.kommun) {
                    try await $0.answerReturned(roundID: id, measureID: measureID, organisationID: organisationID, comment: form.comment)
                }
                let back = UUID(uuidString: form.visa).map { SiteRoutes.followUpRound.path(id, query: [("organisation", $0.uuidString)]) + "#atgarder" }
                return Response.seeOther(
                    back ?? SiteRoutes.followUpRound.path(id), notice: "Svaret är skickat tillbaka för komplettering.", context: context)
            } catch let error as StoreError {
                if case .notFound = error { throw HTTPError(.notFound) }
                return try await overview(context: context, error: error.description)
            }
        }
        routes.staff(SiteRoutes.followUpClose) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let id = try context.parameters.require("id", as: UUID.self)
            do {
                try await FollowUpStore(context.kommun).close(roundID: id, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound)
            } catch let error as StoreError {
                return try await overview(context: context, error: error.description)
            }
            return Response.seeOther(SiteRoutes.followUpRound.path(id), notice: "Uppföljningen är stängd. Rapporten kan nu tas fram.", context: context)
        }
        routes.staff(SiteRoutes.followUpRemind) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let id = try context.parameters.require("id", as: UUID.self)
            guard let round = try await FollowUpStore(context.kommun).round(id: id) else { throw HTTPError(.notFound) }
            guard round.state == .open else { return try await overview(context: context, error: "Uppföljningen är stängd.") }
            let queued = try await Notices(database: deps.database, kommun: context.user.kommun, baseURL: deps.configuration.mail.publicURL)
                .remindNow(round, today: StockholmCalendar.local(TryggClock.now).dateText)
            return Response.seeOther(
                SiteRoutes.outbox.path,
                notice: queued == 0
                    ? "Ingen ny påminnelse: de som har svar kvar är redan påminda i dag, eller saknar adress."
                    : "\(SwedishGrammar.count(queued, "påminnelse ligger", "påminnelser ligger")) i utkorgen och skickas inom fem minuter.",
                context: context)
        }
        routes.staff(SiteRoutes.followUpAssessment) { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try context.decodeForm(FollowUpAssessmentForm.self)
            do {
                try await FollowUpStore(context.kommun).saveAssessment(form.text, roundID: id, seen: form.seen, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound)
            } catch let error as StoreError {
                return try await overview(context: context, error: error.description, typed: form)
            } catch let conflict as EditConflict {
                return try await overview(context: context, error: conflict.description, typed: form, conflict: conflict)
            }
            let saved = try await FollowUpStore(context.kommun).round(id: id)?.assessment ?? form.text
            let notice = EditedTextField.notice("Bedömningen är sparad och står i rapporten.", typed: [("Bedömning", form.text)], stored: [saved])
            return Response.seeOther(SiteRoutes.followUpRound.path(id) + "#bedomning", notice: notice, context: context)
        }
        routes.staff(SiteRoutes.followUpReport) { _, context in
            let report = try await report(context: context)
            return deps.renderer.html(.reportFollowup, report.htmlView(stylesheet: StaticFiles.path("report.css"), inlineStyle: nil))
        }
        routes.staff(SiteRoutes.followUpReportDocx) { _, context in
            let report = try await report(context: context)
            return Response.download(try report.docx(), contentType: Response.docxType, filename: "uppfoljning-\(report.round.year).docx")
        }
    }

    private func report(context: StaffContext) async throws -> FollowUpReport {
        let user = try context.requireUser(allowedTo: .readFollowUpReport)
        let id = try context.parameters.require("id", as: UUID.self)
        guard let report = try await FollowUpReport.load(roundID: id, kommun: user.kommun, database: deps.database) else {
            throw HTTPError(.notFound)
        }
        return report
    }

    private func list(context: StaffContext, error: String? = nil) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readPlan)
        let rounds = try await FollowUpStore(context.kommun).rounds().map {
            RoundLink(
                id: $0.id.uuidString, paths: RoundPaths($0.id), year: $0.year, deadline: $0.deadline, state: $0.state.displayName, isOpen: $0.state == .open)
        }
        let plans = try await PlanStore(context.kommun).plans().filter { $0.status == .antagen }.map {
            SelectOption(value: $0.id.uuidString, label: "\($0.year)" + ($0.version > 1 ? " version \($0.version)" : ""), selected: false)
        }
        let view = ListView(
            rounds: rounds, canManage: user.role.allows(.editPlan), canAnswer: user.role.allows(.answerFollowUp),
            canReport: user.role.allows(.readFollowUpReport), plans: plans)
        return deps.renderer.page(
            .followup, title: "Uppföljning", context: context, content: view, error: error,
            status: error == nil ? .ok : .badRequest)
    }

    /// The round for the samordnare; `organisation` narrows "Alla åtgärder" to one organisation's
    /// answers, `answers` to the unanswered, the sent back or one status.
    private func overview(
        context: StaffContext, organisation: UUID? = nil, answers answerFilter: AnswerFilter = .all, error: String? = nil,
        typed: FollowUpAssessmentForm? = nil, conflict: EditConflict? = nil
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .editPlan)
        let id = try context.parameters.require("id", as: UUID.self)
        guard let report = try await FollowUpReport.load(roundID: id, kommun: user.kommun, database: deps.database, withComparison: false) else {
            throw HTTPError(.notFound)
        }
        let summary = report.summary
        let missing = summary.missing
        let shownOrganisation = summary.byOrganisation.first { $0.organisation.id == organisation }?.organisation
        let view = RoundView(
            id: id.uuidString, paths: RoundPaths(id), year: report.round.year, deadline: report.round.deadline,
            isOpen: report.round.state == .open, headline: report.headline,
            chart: FollowUpCharts.bars(report.organisationRows.map { ($0.label, $0.counts) }, title: "Svar per organisation"),
            progress: summary.byOrganisation.map {
                ProgressRow(
                    organisation: $0.organisation.shortLabel,
                    href: SiteRoutes.followUpRound.path(id, query: [("organisation", $0.organisation.id.uuidString)]) + "#atgarder", expected: $0.expected,
                    answered: $0.answered, returned: $0.returned,
                    complete: $0.answered == $0.expected)
            },
            missing: missing.map { MissingRow(organisation: $0.organisation, reference: $0.measure.reference, text: $0.measure.row.measure) },
            missingCount: missing.count,
            missingOrganisations: Array(Set(missing.map(\.organisation))).sorted().joined(separator: ", "),
            lines: summary.lines.compactMap { line in
                let answers = line.answers.filter {
                    (shownOrganisation == nil || $0.organisationID == shownOrganisation?.id) && answerFilter.matches($0.answer)
                }
                guard !answers.isEmpty else { return nil }
                return AnswerRow(
                    reference: line.measure.reference, measureID: line.measure.id.uuidString, text: line.measure.row.measure,
                    status: FollowUpReport.statusName(line.status),
                    answers: answers.map { entry in
                        AnswerEntry(
                            organisation: entry.organisation,
                            organisationID: entry.organisationID.uuidString,
                            status: entry.answer?.status.rawValue ?? "Ej besvarad", description: entry.answer?.description ?? "",
                            returned: entry.answer?.state == .returned, returnComment: entry.answer?.returnComment ?? "",
                            answered: entry.answer?.state == .submitted)
                    })
            },
            linesHeading: shownOrganisation.map { "Åtgärder som \($0.abbreviation) svarar för" } ?? "Alla åtgärder",
            filter: shownOrganisation?.id.uuidString ?? "", filtered: shownOrganisation != nil,
            answerFilters: answerFilter.options,
            assessment: EditedTextField(
                name: "bedomning", id: "bedomning-text", label: "Bedömning av årets arbete i rapporten till kommunfullmäktige (högst 4 000 tecken)",
                stored: report.round.assessment, maxLength: FollowUpRules.maxDescriptionLength, typed: typed?.text, typedSeen: typed?.seen,
                conflictKey: "assessment", conflict: conflict))
        return deps.renderer.page(
            .followupRound, title: "Uppföljning \(report.round.year)", context: context, content: view, error: error,
            status: conflict != nil ? .conflict : error == nil ? .ok : .badRequest)
    }
}

/// The säkerhetschef's assessment of the year, as written.
struct FollowUpAssessmentForm: Decodable {
    @FormRaw var text: String
    /// The fingerprint of the assessment the page showed (see `ConcurrentEdit`).
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case text = "bedomning", seen = "sett_bedomning" }
}

/// A new follow-up round: the plan and the last day to answer.
struct RoundOpenForm: Decodable {
    @FormText var plan: String
    @FormText var deadline: String
}

/// An answer sent back to its förvaltning, with what to complete.
struct SendBackForm: Decodable {
    @FormText var measure: String
    @FormText var organisation: String
    @FormText var comment: String
    /// The organisation filter the page was showing, if any.
    @FormText var visa: String
}
