import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The kartläggning's table of reported crimes per area for a year, from the police's extract
/// and SCB's population, with the forms that import both. Roles that may not edit the lägesbild
/// see small counts hidden, as everything shared with partners.
struct CrimeFiguresPage {
    let deps: AppDependencies

    struct Row {
        let area: String
        let code: Int
        let name: String
        let count: String
        let previous: String
        let change: String
        let average: String
        let rate: String
        let share: String
        let firstOfArea: Bool
        let population: String
    }

    struct View {
        let years: [SelectOption]
        let bases: [SelectOption]
        let levels: [SelectOption]
        let hasData: Bool
        let basisText: String
        let populationText: String
        let hiddenText: String?
        let rows: [Row]
        let unknown: [Row]
        let totals: [Row]
        let csvHref: String
        let jsonHref: String
        let canImport: Bool
        let importAction: String
        let populationAction: String
        let imports: [ImportRow]
        let columns: String
        /// Every covered year per area, for one code or all.
        var trend: CrimeTrendSection?
        /// The selection, for the trend's form to keep.
        var year = ""
        var basis = ""
        var level = ""
        let selfAction = SiteRoutes.crimeFigures.path
        let sourcesHref = SiteRoutes.sources.path
        let comparisonHref = SiteRoutes.regionalComparison.path
        let documentsHref = SiteRoutes.lagesbildDocuments.path
        // Mustache reads stored properties only.
        var hasUnknown = false
        var hasImports = false
    }

    struct ImportRow {
        let file: String
        let period: String
        let rows: String
        let at: String
    }

    /// The year, date basis and level a request asks for (`ar`, `datum`, `niva`), within what is stored.
    struct Selection {
        let year: Int
        let basis: CrimeDateBasis
        let level: CrimeStore.AreaLevel
        let years: [Int]
        /// The extracts' span, read once for the year list (a part of a year is named so), the
        /// table and the trend.
        let coverage: CrimeCoverage?

        var query: [(String, String)] { [("ar", "\(year)"), ("datum", basis.rawValue), ("niva", level.rawValue)] }
    }

    func selection(_ request: Request, kommun: KommunScope) async throws -> Selection {
        let query = request.uri.queryParameters
        let basis = query["datum"].flatMap { CrimeDateBasis(rawValue: String($0)) } ?? .brott
        let level = query["niva"].flatMap { CrimeStore.AreaLevel(rawValue: String($0)) } ?? .omraden
        let store = CrimeStore(kommun)
        let years = try await store.years(basis: basis)
        let coverage = try await store.coverage()
        let partial = coverage?.partialYears(years) ?? []
        // The latest whole year: an extract that ends in March should not open on a quarter.
        var year = years.last { !partial.contains($0) } ?? years.last ?? Int(SwedishTime.date(TryggClock.now).prefix(4))!
        if let asked = query["ar"] {
            guard let value = Int(String(asked)), (1900...2199).contains(value) else { throw HTTPError(.badRequest, message: "Året måste vara ett årtal.") }
            year = value
        }
        return Selection(year: year, basis: basis, level: level, years: years, coverage: coverage)
    }

    func figures(_ selection: Selection, context: StaffContext) async throws -> CrimeFigures {
        let user = context.user
        let figures = try await CrimeStore(context.kommun).figures(
            year: selection.year, basis: selection.basis, level: selection.level, coverage: selection.coverage)
        return user.role.allows(.editLagesbild) ? figures : figures.hidingSmallCounts()
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.crimeFigures) { request, context in try await page(request, context: context) }
        routes.staff(SiteRoutes.crimeFiguresCSV) { request, context in
            let user = try context.requireUser(allowedTo: .readCrimeStatistics)
            let selection = try await selection(request, kommun: context.kommun)
            return Response.download(
                CrimeReportFiles.csv(try await figures(selection, context: context)), contentType: "text/csv; charset=utf-8",
                filename: "brott-\(user.kommun.slug)-\(selection.year)-\(selection.basis.rawValue).csv")
        }
        routes.staff(SiteRoutes.crimeFiguresJSON) { request, context in
            let user = try context.requireUser(allowedTo: .readCrimeStatistics)
            let selection = try await selection(request, kommun: context.kommun)
            return Response.download(
                try CrimeReportFiles.json(try await figures(selection, context: context), kommun: user.kommun), contentType: "application/json; charset=utf-8",
                filename: "brott-\(user.kommun.slug)-\(selection.year)-\(selection.basis.rawValue).json")
        }
        CrimeImportRoutes(page: self).register(on: routes)
    }

    /// The table with the import forms; `error` shows a failed import's problems (nothing stored).
    func page(_ request: Request, context: StaffContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readCrimeStatistics)
        let selection = try await selection(request, kommun: context.kommun)
        let figures = try await figures(selection, context: context)
        let imports = try await CrimeStore(context.kommun).imports()
        var view = View(
            years: Set(selection.years + [selection.year]).sorted(by: >).map {
                SelectOption(
                    value: "\($0)", label: selection.coverage?.isComplete($0) == false ? "\($0) (del av året)" : "\($0)", selected: $0 == selection.year)
            },
            bases: CrimeDateBasis.allCases.map {
                SelectOption(value: $0.rawValue, label: $0 == .brott ? "Brottsdatum" : "Inskrivningsdatum", selected: $0 == selection.basis)
            },
            levels: [
                SelectOption(value: "omraden", label: "Kommunens områden", selected: selection.level == .omraden),
                SelectOption(value: "deso", label: "Varje DeSO", selected: selection.level == .deso),
            ],
            hasData: !figures.totals.isEmpty, basisText: Self.basisText(figures),
            populationText: Self.populationText(figures),
            hiddenText: figures.smallCountsHidden
                ? "Antal 1–4 visas inte (”–”), och där bara ett antal i en brottskod skulle döljas döljs även nästa minsta, som i allt som delas med samverkansparter."
                : nil,
            rows: Self.rows(figures.rows), unknown: Self.rows(figures.unknownArea), totals: Self.rows(figures.totals),
            csvHref: SiteRoutes.crimeFiguresCSV.path(query: selection.query), jsonHref: SiteRoutes.crimeFiguresJSON.path(query: selection.query),
            canImport: user.role.allows(.editLagesbild), importAction: SiteRoutes.crimeImport.path, populationAction: SiteRoutes.populationImport.path,
            imports: imports.prefix(10).map {
                ImportRow(
                    file: $0.fileName, period: "\($0.reportedFrom ?? "–") – \($0.reportedTo ?? "–")",
                    rows: "\(SwedishNumber.integer($0.rows)) (\(SwedishNumber.integer($0.newRows)) nya)", at: SwedishTime.minute($0.createdAt))
            },
            columns: CrimeExtract.columns.joined(separator: ", "))
        view.trend = try await CrimeTrendSection.load(
            request, selection: selection, names: try await CrimeStore(context.kommun).codeNames(), kommun: context.kommun,
            hideSmall: !user.role.allows(.editLagesbild))
        (view.year, view.basis, view.level) = ("\(selection.year)", selection.basis.rawValue, selection.level.rawValue)
        view.hasUnknown = !view.unknown.isEmpty
        view.hasImports = !view.imports.isEmpty
        return deps.renderer.page(
            .lagesbildCrimes, title: "Kartläggning: anmälda brott \(selection.year)", context: context, content: view, error: error, status: status)
    }

    /// Which date decides the year, and what the extracts leave out of it or of the years it is
    /// compared with.
    static func basisText(_ figures: CrimeFigures) -> String {
        var text = "Året avgörs av \(figures.basis.label)."
        let unplaced = figures.unknownArea.compactMap(\.count).reduce(0, +), all = figures.totals.compactMap(\.count).reduce(0, +)
        if all > 0, Double(unplaced) / Double(all) > CrimeTrend.placedEnough {
            text +=
                " \(SwedishNumber.integer(unplaced)) av \(SwedishNumber.integer(all)) brott \(figures.year) saknar DeSO och står under okänt område: områdenas antal det året är för låga."
        }
        guard let coverage = figures.coverage else { return text }
        if let note = coverage.partialNote(figures.year) { text += " " + note }
        let earlier = coverage.partialYears((1...3).map { figures.year - $0 }).filter(figures.coveredYears.contains).sorted()
        if !figures.isPartialYear && !earlier.isEmpty {
            text +=
                " \(SwedishGrammar.list(earlier.map(String.init))) täcks bara delvis av uttaget (inskrivningsdatum \(coverage.from) – \(coverage.to)) och ingår inte i jämförelserna."
        }
        return text
    }

    static func populationText(_ figures: CrimeFigures) -> String {
        guard figures.hasPopulation else { return "Ingen befolkning per DeSO är importerad: brott per 1 000 invånare kan inte räknas." }
        guard let year = figures.totals.compactMap(\.populationYear).first else {
            return "Befolkningen finns inte för \(figures.year) eller något år före."
        }
        return year == figures.year
            ? "Brott per 1 000 invånare räknas på befolkningen \(year)."
            : "Brott per 1 000 invånare räknas på befolkningen \(year), närmast tidigare år med uppgift (\(figures.year) saknas)."
    }

    static func rows(_ rows: [CrimeFigures.Row]) -> [Row] {
        rows.enumerated().map { index, row in
            let dash = "–"
            return Row(
                area: row.area, code: row.code, name: row.name, count: row.count.map(SwedishNumber.integer) ?? dash,
                previous: row.previousCount.map(SwedishNumber.integer) ?? dash,
                change: row.change.map { SwedishNumber.percent($0, places: 0, signed: true) } ?? dash,
                average: row.threeYearAverage.map { SwedishNumber.decimal($0) } ?? dash,
                rate: row.ratePer1000.map { SwedishNumber.decimal($0, places: 2) } ?? dash,
                share: row.shareOfKommun.map { SwedishNumber.percent($0) } ?? dash,
                firstOfArea: index == 0 || rows[index - 1].area != row.area,
                population: row.population.map(SwedishNumber.integer) ?? dash)
        }
    }
}
