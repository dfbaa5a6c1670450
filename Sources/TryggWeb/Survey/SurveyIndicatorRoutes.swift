import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Survey results as indicators of the plan's measures: linked from the results page, shown on
/// the measure page year by year (every survey with the same questions), removed there.
struct SurveyIndicatorRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.surveyIndicatorAdd) { _, context in
            let survey = try await SurveyRoutes(deps: deps).survey(context)
            _ = try context.requireUser(allowedTo: .editPlan)
            let form = try context.decodeForm(IndicatorForm.self)
            guard let measureID = UUID(uuidString: form.measure) else {
                return Response.seeOther(SiteRoutes.surveyResults.path(survey.id), error: "Välj åtgärden som ska följas upp.", context: context)
            }
            do {
                try await SurveyIndicatorStore(context.kommun).add(
                    SurveyIndicator(
                        id: UUID(), measureID: measureID, questionnaire: survey.questionnaire, question: form.question, area: form.area,
                        gender: form.gender, ageBand: form.ageBand), survey: survey, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Åtgärden finns inte.")
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.surveyResults.path(survey.id), error: error.description, context: context)
            }
            return Response.seeOther(SiteRoutes.measure.path(measureID), notice: "Enkätresultatet följs nu upp som indikator för åtgärden.", context: context)
        }
        routes.staff(SiteRoutes.measureIndicatorRemove) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let measureID = try context.parameters.require("id", as: UUID.self)
            do {
                try await SurveyIndicatorStore(context.kommun).remove(id: try context.parameters.require("indicator", as: UUID.self), by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Indikatorn finns inte.")
            }
            return Response.seeOther(SiteRoutes.measure.path(measureID), notice: "Indikatorn är borttagen.", context: context)
        }
    }

    struct Line {
        let label: String
        let values: [String]
        let removeAction: String?
    }

    /// A measure's indicators with their value in every survey of the same questions, oldest first.
    static func lines(measureIDs: [UUID], measureID: UUID, canEdit: Bool, scope: KommunScope) async throws -> [Line] {
        let indicators = try await SurveyIndicatorStore(scope).indicators(measureIDs: measureIDs)
        guard !indicators.isEmpty else { return [] }
        let store = SurveyStore(scope)
        let surveys = try await store.all().map(\.survey).sorted { $0.opensOn < $1.opensOn }
        let minimum = try await store.minimum()
        var results: [UUID: SurveyResults] = [:]
        var lines: [Line] = []
        for indicator in indicators {
            var values: [String] = []
            var question: SurveyQuestion?
            for survey in surveys where survey.questionnaire == indicator.questionnaire {
                if results[survey.id] == nil { results[survey.id] = try await store.results(survey, minimum: minimum) }
                guard let result = results[survey.id]?.questions.first(where: { $0.question.code == indicator.question }) else { continue }
                question = result.question
                let cell = SurveyResultsRoutes.cell(result.cell(area: indicator.area, gender: indicator.gender, ageBand: indicator.ageBand))
                values.append("\(survey.year) (\(survey.title)): \(cell.text)\(cell.hidden ? " (för få svar)" : " – \(cell.detail)")")
            }
            guard let question else { continue }
            lines.append(
                Line(
                    label: indicator.label(question), values: values,
                    removeAction: canEdit ? SiteRoutes.measureIndicatorRemove.path(measureID, indicator.id) : nil))
        }
        return lines
    }

    /// The form on the results page: which measure, and the cell of the chosen question.
    struct FormView {
        let action: String
        let question: String
        let measures: [SelectOption]
        let areas: [SelectOption]
        let genders: [SelectOption]
        let ages: [SelectOption]
    }

    static func form(for survey: Survey, question: String, scope: KommunScope) async throws -> FormView? {
        let plans = PlanStore(scope)
        guard let plan = try await plans.planInForce() else { return nil }
        let measures = try await plans.measures(planID: plan.id)
        let all = SelectOption(value: SurveyBackground.all, label: "Alla", selected: true)
        return FormView(
            action: SiteRoutes.surveyIndicatorAdd.path(survey.id), question: question,
            measures: measures.map { SelectOption(value: $0.id.uuidString, label: $0.label(), selected: false) },
            areas: [all] + survey.areas.map { SelectOption(value: $0, label: $0, selected: false) },
            genders: [all] + SurveyBackground.genders.map { SelectOption(value: $0.code, label: $0.text, selected: false) },
            ages: [all] + SurveyBackground.ageBands.map { SelectOption(value: $0.code, label: $0.text, selected: false) })
    }
}

struct IndicatorForm: Decodable {
    @FormText var measure: String
    @FormText var question: String
    @FormText var area: String
    @FormText var gender: String
    @FormText var ageBand: String
    enum CodingKeys: String, CodingKey { case measure = "atgard", question = "fraga", area = "omrade", gender = "kon", ageBand = "alder" }
}
