import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// Weighting a survey's results to the population: from a CSV file, from the population Trygg
/// already holds (SCB per DeSO, gender and age), or removed again.
struct SurveyWeightRoutes {
    let deps: AppDependencies
    var surveys: SurveyRoutes { SurveyRoutes(deps: deps) }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.surveyWeights) { _, context in try await importWeights(try await surveys.survey(context), context: context) }
        routes.staff(SiteRoutes.surveyWeightsFromPopulation) { _, context in
            try await weightsFromPopulation(try await surveys.survey(context), context: context)
        }
        routes.staff(SiteRoutes.surveyWeightsRemove) { _, context in
            let survey = try await surveys.survey(context)
            _ = try context.requireUser(allowedTo: .editSurveys)
            try await SurveyStore(context.kommun).saveWeights(nil, survey: survey, by: context.actor)
            return Response.seeOther(SiteRoutes.survey.path(survey.id), notice: "Viktningen är borttagen: resultaten visas oviktade.", context: context)
        }
    }

    /// The population per area × kön × ålder the shares are weighted to, from a CSV file.
    func importWeights(_ survey: Survey, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        guard let file = context.files["file"], !file.data.isEmpty else {
            return try await surveys.page(
                survey, context: context, error: UploadedFile.absence(of: context.files["file"], choose: "Välj en CSV-fil med befolkningen."),
                status: .badRequest)
        }
        do {
            switch SurveyWeights.read(try CSVReader.read(file.data), for: survey, source: file.filename) {
            case .failure(let failure):
                return try await surveys.page(survey, context: context, error: failure.description, status: .badRequest)
            case .success(let weights):
                try await SurveyStore(context.kommun).saveWeights(weights, survey: survey, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.survey.path(survey.id),
                    notice: "Resultaten kan nu viktas efter befolkningen (\(SwedishNumber.integer(weights.total)) personer).",
                    context: context)
            }
        } catch let problem as CSVReader.Problem {
            return try await surveys.page(survey, context: context, error: "Ingenting sparades. \(problem.description)", status: .badRequest)
        }
    }

    /// Weights from the population Trygg already holds (SCB per DeSO, by gender and age), the
    /// survey's areas made of the kommun's areas' DeSO codes.
    func weightsFromPopulation(_ survey: Survey, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        let population = PopulationStore(context.kommun)
        let surveyYear = Int(survey.opensOn.prefix(4)) ?? StockholmCalendar.local(TryggClock.now).year
        let year = try await population.detailedYear(near: surveyYear) ?? surveyYear
        let areas = Dictionary(try await AreaStore(context.kommun).all().map { ($0.name, Set($0.desoCodes)) }) { first, _ in first }
        switch SurveyWeights.fromPopulation(try await population.cells(year: year), areas: areas, for: survey, year: year) {
        case .failure(let failure):
            return try await surveys.page(survey, context: context, error: failure.problems.map(\.message).joined(separator: " "), status: .badRequest)
        case .success(let weights):
            try await SurveyStore(context.kommun).saveWeights(weights, survey: survey, by: context.actor)
            return Response.seeOther(
                SiteRoutes.survey.path(survey.id),
                notice: "Resultaten kan nu viktas efter befolkningen \(year) (\(SwedishNumber.integer(weights.total)) personer 16 år eller äldre).",
                context: context)
        }
    }
}
