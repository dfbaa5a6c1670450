import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The förvaltning's side: the measures my organisation is responsible for, and my answers.
struct FollowUpAnswerRoutes {
    let deps: AppDependencies

    struct StatusOption {
        let value: String
        let label: String
        let definition: String
        let checked: Bool
        let id: String
    }

    struct MeasureForm {
        let measureID: String
        let action: String
        let reference: String
        let text: String
        let responsible: String
        let options: [StatusOption]
        let description: String
        let answered: Bool
        let returned: Bool
        let returnComment: String
        let answeredBy: String
        /// The answer given the year before (for the measure this one was copied from), shown beside the field.
        let lastYear: String?
        /// The status as one word for the overview list.
        let statusText: String
        /// What Trygg itself knows of the measure's year (the LOS figures for the LOS measure).
        let fromTrygg: String?
        /// The answer's text field: the stored answer, or what a refused save sent.
        let field: EditedTextField
        /// The answer a refusal sent back: its form opens (and takes the focus, so the page
        /// scrolls to it); when the round has closed meanwhile, the text is shown to copy.
        let refused: Bool
        /// Why, beside the form as well as at the top: the page opens scrolled to the answer.
        let refusal: String
    }

    /// What a refused answer sent, for the measure it was for.
    struct Typed {
        let measureID: UUID
        let form: FollowUpAnswerForm
        var conflict: EditConflict?
    }

    struct MineView {
        let id: String
        let year: Int
        let deadline: String
        let isOpen: Bool
        let organisation: String
        let answered: Int
        let total: Int
        let measures: [MeasureForm]
        let maxLength: Int
        /// The overview's filter: all, unanswered, sent back — with counts.
        let filters: [FilterLink]
        let hasMeasures: Bool
        let hasShown: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.followUpMine) { request, context in
            try await mine(context: context, show: request.uri.queryParameters["visa"].flatMap { Show(rawValue: String($0)) } ?? .alla)
        }
        routes.staff(SiteRoutes.followUpAnswer) { _, context in
            let user = try context.requireUser(allowedTo: .answerFollowUp)
            let id = try context.parameters.require("id", as: UUID.self)
            let measureID = try context.parameters.require("measure", as: UUID.self)
            guard try await FollowUpStore(context.kommun).round(id: id) != nil else { throw HTTPError(.notFound) }
            let form = try context.decodeForm(FollowUpAnswerForm.self)
            var typed = Typed(measureID: measureID, form: form)
            guard let status = FollowUpStatus(text: form.status) else {
                return try await mine(context: context, error: "Välj status: Pågående, Påbörjad eller Ej påbörjad.", typed: typed, status: .badRequest)
            }
            do {
                try await FollowUpStore(context.kommun).submit(
                    roundID: id, measureID: measureID, organisationID: user.organisation.id, status: status,
                    description: form.description, seen: form.seen, by: context.actor)
            } catch StoreError.notFound(let what) {
                // Another organisation's measure looks the same as a measure that does not exist.
                throw HTTPError(.notFound, message: "\(what) finns inte.")
            } catch let error as StoreError {
                return try await mine(context: context, error: error.description, typed: typed, status: .badRequest)
            } catch let conflict as EditConflict {
                typed.conflict = conflict
                return try await mine(context: context, error: conflict.description, typed: typed, status: .conflict)
            }
            let saved = try await FollowUpStore(context.kommun).answers(roundID: id).first {
                $0.measureID == measureID && $0.organisationID == user.organisation.id
            }
            let notice = EditedTextField.notice(
                "Svaret för åtgärden är sparat.", typed: [("Beskrivning av utveckling", form.description)], stored: [saved?.description ?? form.description])
            // Back to the answered measure, not the top of a long page.
            return Response.seeOther(SiteRoutes.followUpMine.path(id) + "#m-\(measureID)", notice: notice, context: context)
        }
    }

    struct FilterLink {
        let label: String
        let href: String
        let current: Bool
    }

    /// The overview's filter (`visa`): which of the organisation's measures the page shows.
    enum Show: String, CaseIterable {
        case alla, obesvarade, aterskickade

        var label: String {
            switch self {
            case .alla: "Alla"
            case .obesvarade: "Obesvarade"
            case .aterskickade: "Återskickade"
            }
        }

        /// The same selection as the samordnare's list of the round, under the officer's names.
        var answers: AnswerFilter {
            switch self {
            case .alla: .all
            case .obesvarade: .unanswered
            case .aterskickade: .returned
            }
        }
    }

    private func mine(
        context: StaffContext, show: Show = .alla, notice: String? = nil, error: String? = nil, typed: Typed? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .answerFollowUp)
        let id = try context.parameters.require("id", as: UUID.self)
        let store = FollowUpStore(context.kommun)
        guard let round = try await store.round(id: id) else { throw HTTPError(.notFound) }
        let measures = try await PlanStore(context.kommun).measures(
            planID: round.planID,
            filter: MeasureFilter(responsibleOrganisation: user.organisation.id))
        let answers = Dictionary(
            try await store.answers(roundID: id)
                .filter { $0.organisationID == user.organisation.id }.map { ($0.measureID, $0) }, uniquingKeysWith: { a, _ in a })
        // Last year's answers: those of the measures these were copied from.
        let lineage = try await PlanStore(context.kommun).lineage()
        let ancestors = Dictionary(uniqueKeysWithValues: measures.map { ($0.id, Array(ProblemTrace.ancestry(of: $0.id, in: lineage).dropFirst())) })
        let earlier = try await store.answers(measureIDs: Array(Set(ancestors.values.joined()))).filter { $0.year < round.year }
        func lastYear(_ measure: Measure) -> String? {
            let chain = ancestors[measure.id] ?? []
            return earlier.first { chain.contains($0.answer.measureID) }.map { "\($0.year): \($0.answer.status.rawValue). \($0.answer.description)" }
        }
        let losSummary =
            measures.contains { InspectionStatistics.concerns($0.row.measure) }
            ? try await InspectedObjectStore(context.kommun).statistics(year: round.year).summary : nil
        let people = try await PeopleNames.load(context.kommun)
        let forms = measures.map { measure in
            let answer = answers[measure.id]
            let sent = typed?.measureID == measure.id ? typed : nil
            return MeasureForm(
                measureID: measure.id.uuidString, action: SiteRoutes.followUpAnswer.path(id, measure.id), reference: measure.reference,
                text: measure.row.measure,
                responsible: measure.row.responsible.joined(separator: ", "),
                options: FollowUpStatus.allCases.enumerated().map { index, option in
                    StatusOption(
                        value: option.rawValue, label: option.rawValue, definition: option.definition,
                        checked: sent.map { $0.form.status == option.rawValue } ?? (answer?.status == option),
                        id: "s\(measure.id.uuidString.prefix(8))-\(index)")
                },
                description: answer?.description ?? "", answered: answer?.state == .submitted, returned: answer?.state == .returned,
                returnComment: answer?.returnComment ?? "",
                answeredBy: answer.map { "\(Actor.byline(people.name($0.answeredBy))), \(SwedishTime.minute($0.updatedAt))" } ?? "",
                lastYear: lastYear(measure),
                statusText: answer.map { $0.state == .returned ? "Återskickad" : $0.status.rawValue } ?? "Ej besvarad",
                fromTrygg: InspectionStatistics.concerns(measure.row.measure) ? losSummary : nil,
                field: EditedTextField(
                    name: "description", id: "d-\(measure.id.uuidString)", label: "Beskrivning av utveckling", stored: answer?.description ?? "",
                    rows: 4, maxLength: FollowUpRules.maxDescriptionLength, typed: sent?.form.description, typedSeen: sent?.form.seen,
                    conflictKey: "description", conflict: sent?.conflict,
                    hint: "Vad har hänt? Vilka förutsättningar finns eller saknas för att genomföra åtgärden?", required: true,
                    autofocus: sent != nil, alsoDescribedBy: sent != nil ? "fel-\(measure.id.uuidString)" : nil),
                refused: sent != nil, refusal: sent != nil ? error ?? "" : "")
        }
        let shown = zip(measures, forms).filter { show.answers.matches(answers[$0.0.id]) }.map(\.1)
        let view = MineView(
            id: id.uuidString, year: round.year, deadline: round.deadline, isOpen: round.state == .open,
            organisation: "\(user.organisation.abbreviation) – \(user.organisation.name)",
            answered: forms.filter(\.answered).count, total: forms.count, measures: shown,
            maxLength: FollowUpRules.maxDescriptionLength,
            filters: Show.allCases.map { option in
                let count = measures.filter { option.answers.matches(answers[$0.id]) }.count
                return FilterLink(
                    label: "\(option.label) (\(count))", href: SiteRoutes.followUpMine.path(id, query: [("visa", option.rawValue)]),
                    current: option == show)
            }, hasMeasures: !forms.isEmpty, hasShown: !shown.isEmpty)
        return deps.renderer.page(
            .followupMine, title: "Uppföljning \(round.year): \(SwedishGrammar.possessive(user.organisation.abbreviation, "åtgärder"))",
            context: context, content: view, notice: notice, error: error, status: status)
    }
}

/// A förvaltning's answer for one measure: its status and what was done, as written.
struct FollowUpAnswerForm: Decodable {
    @FormText var status: String
    @FormRaw var description: String
    /// The fingerprint of the answer the page showed (see `ConcurrentEdit`).
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case status, description, seen = "sett_description" }
}
