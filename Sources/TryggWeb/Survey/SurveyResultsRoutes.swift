import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// A survey's results: per question the indicator's share with its 95 % interval, by area and
/// split by kön or ålder; cells with too few answers hidden (and enough others that they cannot
/// be worked out). The same table as CSV and JSON, and the free-text answers for those who may.
struct SurveyResultsRoutes {
    let deps: AppDependencies
    var surveys: SurveyRoutes { SurveyRoutes(deps: deps) }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.surveyResults) { request, context in
            try await page(try await surveys.survey(context), request: request, context: context)
        }
        routes.staff(SiteRoutes.surveyResultsCSV) { request, context in
            let survey = try await surveys.survey(context)
            let results = try await Self.results(survey, request: request, context: context)
            return Response.download(SurveyReportFiles.csv(results), contentType: "text/csv; charset=utf-8", filename: "enkat-\(survey.code).csv")
        }
        routes.staff(SiteRoutes.surveyResultsJSON) { request, context in
            let survey = try await surveys.survey(context)
            let results = try await Self.results(survey, request: request, context: context)
            return Response.download(try SurveyReportFiles.json(results), contentType: "application/json; charset=utf-8", filename: "enkat-\(survey.code).json")
        }
        routes.staff(SiteRoutes.surveyResultsXlsx) { request, context in
            let survey = try await surveys.survey(context)
            let results = try await Self.results(survey, request: request, context: context)
            return Response.download(try SurveyReportFiles.xlsx(results), contentType: Response.xlsxType, filename: "enkat-\(survey.code).xlsx")
        }
        routes.staff(SiteRoutes.surveyResultsDocx) { request, context in
            let survey = try await surveys.survey(context)
            let results = try await Self.results(survey, request: request, context: context)
            return Response.download(
                try SurveyReportFiles.docx(results, kommun: context.user.kommun.name), contentType: Response.docxType, filename: "enkat-\(survey.code).docx")
        }
        routes.staff(SiteRoutes.surveyTexts) { _, context in
            _ = try context.requireUser(allowedTo: .editSurveys)
            let survey = try await surveys.survey(context)
            let texts = try await SurveyStore(context.kommun).texts(survey, by: context.actor)
            let groups = survey.questions.filter { $0.kind == .text }.map { question in
                TextGroup(question: question.text, texts: texts.filter { $0.question == question.code }.map(\.text))
            }
            return deps.renderer.page(
                .surveyTexts, title: "Fritextsvar – \(survey.title)", context: context,
                content: TextsView(groups: groups, backHref: SiteRoutes.survey.path(survey.id)))
        }
    }

    /// The results as the request asks for them: weighted (`?viktat=ja`) when the survey has a population.
    static func results(_ survey: Survey, request: Request, context: StaffContext) async throws -> SurveyResults {
        let store = SurveyStore(context.kommun)
        let weights = wantsWeights(request) ? try await store.weights(survey) : nil
        return try await store.results(survey, weights: weights)
    }

    static func wantsWeights(_ request: Request) -> Bool { request.uri.queryParameters["viktat"] == "ja" }

    struct TextGroup {
        let question: String
        let texts: [String]
        var hasTexts: Bool { !texts.isEmpty }
    }

    struct TextsView {
        let groups: [TextGroup]
        let backHref: String
    }

    struct Cell {
        let text: String
        let detail: String
        let hidden: Bool
    }

    struct Row {
        let label: String
        let cells: [Cell]
        let isTotal: Bool
    }

    struct Summary {
        let question: String
        let href: String
        let all: Cell
        let women: Cell
        let men: Cell
    }

    struct Distribution {
        let option: String
        let count: String
        let share: String
    }

    /// The chosen question in this and earlier surveys with the same questions (same bank version).
    struct TrendRow {
        let year: Int
        let title: String
        let all: Cell
        let women: Cell
        let men: Cell
    }

    struct IndexRow {
        let label: String
        let values: [String]
    }

    struct View {
        let weightings: [SelectOption]
        let canWeight: Bool
        let weighting: String?
        let placesMap: String?
        let placesMapJSON: String?
        let placesCount: String?
        let indexLabel = ProblemIndex.label
        let indexRows: [IndexRow]
        let hasIndex: Bool
        let indicatorForm: SurveyIndicatorRoutes.FormView?
        let trend: [TrendRow]
        let hasTrend: Bool
        let respondents: String
        let hasAnswers: Bool
        let minimum: Int
        let action: String
        let questions: [SelectOption]
        let splits: [SelectOption]
        let question: String
        let indicator: String
        let columns: [String]
        let rows: [Row]
        let distribution: [Distribution]
        let hasDistribution: Bool
        let summary: [Summary]
        let csvHref: String
        let jsonHref: String
        let xlsxHref: String
        let docxHref: String
        let backHref: String
    }

    static func cell(_ cell: SurveyResults.Cell?) -> Cell {
        guard let cell, let share = cell.share, let interval = cell.interval, let n = cell.n else {
            return Cell(text: "–", detail: "för få svar", hidden: true)
        }
        return Cell(
            text: SwedishNumber.percent(share),
            detail: "\(SwedishNumber.percent(interval.lowerBound))–\(SwedishNumber.percent(interval.upperBound)), n = \(SwedishNumber.integer(n))",
            hidden: false)
    }

    func page(_ survey: Survey, request: Request, context: StaffContext) async throws -> Response {
        let store = SurveyStore(context.kommun)
        // Read once: the page offers weighting whenever the survey has a population.
        let weights = try await store.weights(survey)
        let minimum = try await store.minimum()
        let results = try await store.results(survey, weights: Self.wantsWeights(request) ? weights : nil, minimum: minimum)
        let query = request.uri.queryParameters
        let canWeight = weights != nil
        let download: [(String, String)] = results.weighting == nil ? [] : [("viktat", "ja")]
        let chosen = results.questions.first { $0.question.code == query["fraga"].map(String.init) } ?? results.questions.first
        let byAge = query["dela"] == "alder"
        let splits = byAge ? SurveyBackground.ageBands : SurveyBackground.genders
        let columnCodes = splits.map(\.code) + [SurveyBackground.all]
        var rows: [Row] = []
        if let chosen {
            for area in survey.areas + [SurveyBackground.all] {
                rows.append(
                    Row(
                        label: area == SurveyBackground.all ? "Alla områden" : area,
                        cells: columnCodes.map { code in
                            Self.cell(byAge ? chosen.cell(area: area, ageBand: code) : chosen.cell(area: area, gender: code))
                        }, isTotal: area == SurveyBackground.all))
            }
        }
        let distribution: [Distribution] =
            chosen?.distribution.map { counts in
                let total = max(1, results.respondents)
                return counts.map {
                    Distribution(option: $0.option.text, count: SwedishNumber.integer($0.count), share: SwedishNumber.percent(Double($0.count) / Double(total)))
                }
            } ?? []
        let trend = try await trend(of: chosen?.question.code, in: survey, results: results, context: context)
        let indicatorForm =
            context.user.role.allows(.editPlan) && chosen != nil
            ? try await SurveyIndicatorRoutes.form(for: survey, question: chosen!.question.code, scope: context.kommun) : nil
        let indexRows =
            results.problemIndex == nil
            ? []
            : (survey.areas + [SurveyBackground.all]).map { area in
                IndexRow(
                    label: area == SurveyBackground.all ? "Alla områden" : area,
                    values: ["kvinna", "man", SurveyBackground.all].map { gender in
                        results.indexCell(area: area, gender: gender)?.value.map { SwedishNumber.decimal($0, places: 1) } ?? "–"
                    })
            }
        var placesMap: String?, placesMapJSON: String?, placesCount: String?
        if survey.questions.contains(where: { $0.kind == .place }) {
            let places = try await SurveyStore(context.kommun).places(survey)
            let areas = try await deps.referenceCache.lookups(for: context.kommun).areas
            placesCount = SwedishNumber.integer(places.count)
            placesMap = AreaMapSVG.render(
                areas, dots: places.map { AreaMapSVG.Dot(point: $0, title: "Otrygg plats") },
                label: "Karta med \(SwedishGrammar.count(places.count, "plats", "platser")) som svarande känner sig otrygga på")
            if deps.configuration.map.leafletAvailable, !places.isEmpty {
                placesMapJSON = try InteractiveMapData(
                    areas: areas, points: places.map { InteractiveMapData.Point(lat: $0.latitude, lon: $0.longitude, title: "Otrygg plats") },
                    settings: deps.configuration.map, pointsLabel: "Otrygga platser", pointUnit: ["markering", "markeringar"]
                ).scriptJSON()
            }
        }
        let weighting = results.weighting.map { weighting in
            "Viktade efter befolkningen (\(weighting.source)). Designeffekt \(SwedishNumber.decimal(weighting.designEffect, places: 2)): "
                + "resultaten är lika säkra som \(SwedishNumber.integer(weighting.effective(results.respondents))) oviktade svar."
                + (weighting.unrepresented.isEmpty
                    ? ""
                    : " Ingen svarande står för \(weighting.unrepresented.prefix(5).joined(separator: "; "))\(weighting.unrepresented.count > 5 ? " med flera" : "").")
        }
        let view = View(
            weightings: [
                SelectOption(value: "nej", label: "Oviktade", selected: results.weighting == nil),
                SelectOption(value: "ja", label: "Viktade efter befolkningen", selected: results.weighting != nil),
            ], canWeight: canWeight, weighting: weighting,
            placesMap: placesMap, placesMapJSON: placesMapJSON, placesCount: placesCount, indexRows: indexRows, hasIndex: !indexRows.isEmpty,
            indicatorForm: indicatorForm, trend: trend, hasTrend: trend.count > 1,
            respondents: SwedishNumber.integer(results.respondents), hasAnswers: results.respondents > 0,
            minimum: results.minimum,
            action: SiteRoutes.surveyResults.path(survey.id),
            questions: results.questions.map {
                SelectOption(value: $0.question.code, label: $0.question.text, selected: $0.question.code == chosen?.question.code)
            },
            splits: [
                SelectOption(value: "kon", label: "Kön", selected: !byAge), SelectOption(value: "alder", label: "Ålder", selected: byAge),
            ], question: chosen?.question.text ?? "",
            indicator: chosen.map { question in
                question.question.options.filter { question.question.indicator.contains($0.code) }.map(\.text).joined(separator: ", ")
            } ?? "",
            columns: splits.map(\.text) + ["Alla"], rows: rows, distribution: distribution, hasDistribution: !distribution.isEmpty,
            summary: results.questions.map { question in
                Summary(
                    question: question.question.text, href: SiteRoutes.surveyResults.path(survey.id, query: [("fraga", question.question.code)] + download),
                    all: Self.cell(question.cell()), women: Self.cell(question.cell(gender: "kvinna")), men: Self.cell(question.cell(gender: "man")))
            }, csvHref: SiteRoutes.surveyResultsCSV.path(survey.id, query: download),
            jsonHref: SiteRoutes.surveyResultsJSON.path(survey.id, query: download),
            xlsxHref: SiteRoutes.surveyResultsXlsx.path(survey.id, query: download),
            docxHref: SiteRoutes.surveyResultsDocx.path(survey.id, query: download),
            backHref: SiteRoutes.survey.path(survey.id))
        return deps.renderer.page(.surveyResults, title: "Resultat – \(survey.title)", context: context, content: view)
    }

    /// Up to five earlier surveys of the kommun that asked the question from the same bank version.
    func trend(of code: String?, in survey: Survey, results: SurveyResults, context: StaffContext) async throws -> [TrendRow] {
        guard let code else { return [] }
        let store = SurveyStore(context.kommun)
        let earlier = try await store.all().map(\.survey)
            .filter { $0.id != survey.id && $0.questionnaire == survey.questionnaire && $0.opensOn < survey.opensOn }.prefix(5)
        var rows: [TrendRow] = []
        for other in earlier.reversed() {
            guard let question = try await store.results(other, minimum: results.minimum).questions.first(where: { $0.question.code == code }) else {
                continue
            }
            rows.append(
                TrendRow(
                    year: other.year, title: other.title, all: Self.cell(question.cell()), women: Self.cell(question.cell(gender: "kvinna")),
                    men: Self.cell(question.cell(gender: "man"))))
        }
        if let question = results.questions.first(where: { $0.question.code == code }) {
            rows.append(
                TrendRow(
                    year: survey.year, title: survey.title, all: Self.cell(question.cell()), women: Self.cell(question.cell(gender: "kvinna")),
                    men: Self.cell(question.cell(gender: "man"))))
        }
        return rows
    }
}
