import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The kartläggning's comparison over time: the kommun beside its län, police region and the
/// whole country from Brå's statistics (SOL), as an index chart and the counts behind it, with
/// the import of Brå's result page or CSV.
struct RegionalComparisonPage {
    let deps: AppDependencies

    struct SeriesRow {
        let name: String
        let cells: [String]
    }

    struct View {
        let hasData: Bool
        let chart: String?
        let years: [String]
        let rows: [SeriesRow]
        let notes: [String]
        let crimeTypes: [SelectOption]
        let basisText: String
        let canImport: Bool
        let importAction: String
        let selfAction = SiteRoutes.regionalComparison.path
        let crimeFiguresHref = SiteRoutes.crimeFigures.path
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.regionalComparison) { request, context in try await page(request, context: context) }
        routes.staff(SiteRoutes.regionalImport) { request, context in
            _ = try context.requireUser(allowedTo: .editLagesbild)
            do {
                guard let file = context.files["file"], !file.data.isEmpty else {
                    throw ImportFailure([
                        ImportProblem(
                            line: nil, column: nil,
                            message: UploadedFile.absence(of: context.files["file"], choose: "Välj Brås resultatsida (HTML) eller en CSV-fil."))
                    ])
                }
                let figures = try RegionalStatistics.read(file.data)
                try await RegionalStatisticsStore(context.kommun).importFigures(figures, fileName: file.filename, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.regionalComparison.path, notice: RegionalStatistics.importedSentence(figures), context: context)
            } catch let failure as ImportFailure {
                return try await page(request, context: context, error: failure.description, status: .badRequest)
            }
        }
    }

    func page(_ request: Request, context: StaffContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readCrimeStatistics)
        let store = RegionalStatisticsStore(context.kommun)
        let asked = request.uri.queryParameters["brottstyp"].map(String.init)
        let comparison = try await store.comparison(kommunName: user.kommun.name, kommunCode: user.kommun.code, crimeType: asked)
        let view = View(
            hasData: comparison != nil, chart: comparison.map { Self.chart($0).svg() }, years: comparison?.years.map(String.init) ?? [],
            rows: comparison.map(Self.rows) ?? [], notes: comparison?.notes ?? [],
            crimeTypes: (comparison?.crimeTypes ?? []).map { SelectOption(value: $0, label: $0, selected: $0 == comparison?.crimeType) },
            basisText: Self.basisText(comparison, kommun: user.kommun), canImport: user.role.allows(.editLagesbild),
            importAction: SiteRoutes.regionalImport.path)
        return deps.renderer.page(
            .lagesbildComparison, title: "Kartläggning: jämförelse med län och riket", context: context, content: view, error: error, status: status)
    }

    static func chart(_ comparison: RegionalComparison) -> LineChart {
        LineChart(
            title: "\(comparison.crimeType), index (första året med uppgift = 100)", categories: comparison.years.map(String.init),
            series: comparison.series.map { line in
                LineChart.Series(name: line.name, values: line.points.map(\.index), hollow: line.points.map(\.preliminary))
            }, valueLabel: "Index", fromZero: false)
    }

    static func rows(_ comparison: RegionalComparison) -> [SeriesRow] {
        comparison.series.map { line in
            SeriesRow(
                name: line.name,
                cells: line.points.map { point in
                    guard let value = point.value else { return "uppgift saknas" }
                    return SwedishNumber.integer(value) + (point.preliminary ? " (prel.)" : "")
                })
        }
    }

    static func basisText(_ comparison: RegionalComparison?, kommun: Kommun) -> String {
        guard let comparison else { return "" }
        let own =
            comparison.series.first?.name == kommun.name
            ? "\(kommun.name): polisens uttag i Trygg, efter inskrivningsdatum som Brå räknar. "
            : "Kommunens egna siffror visas bara för totalt antal brott. "
        return own + "Län och polisregion: Brås statistikdatabas; Brå redovisar län till och med 2014 och polisregioner från 2015."
    }
}
