import Foundation
import TryggCore
import TryggReports
import TryggStore

/// The lägesbild as a document to print, send and archive: HTML (the page and the CLI), Word and
/// JSON. What goes out is shared beyond the kommun's analysts, so the crime counts in it hide
/// small numbers (1–4). The kartläggning holds the tables, map and chart the author chose; in
/// Word the map is a picture and the chart a native chart, which Word and LibreOffice both draw.
public struct LagesbildReport: Sendable {
    public let kommun: Kommun
    public let document: LagesbildDocument
    public let sources: [SourceEntry]
    /// The plan's measures the problems name, by id.
    public let measures: [UUID: Measure]
    /// The kommun's reported crimes per code in the last year of the period (by brottsdatum).
    public let crimeYear: Int
    /// When the extracts cover only a part of `crimeYear`, the sentence saying so.
    let crimePartialNote: String?
    public let crimeTotals: [CrimeFigures.Row]
    /// The map and the comparison chart, when the author put them in.
    let figures: LagesbildFigures
    /// EST events, insatser and published tips over the period.
    let ownData: LagesbildOwnData
    /// The yearly assessments of kriminell påverkan per district within the period (section 5).
    let influence: [[String]]
    public let createdOn: String

    public static func load(_ document: LagesbildDocument, kommun: Kommun, database: TryggDatabase) async throws -> LagesbildReport {
        let scope = KommunScope(database, kommunID: kommun.id)
        let measures = try await PlanStore(scope).measures(ids: Set(document.problems.flatMap(\.measureIDs)))
        let lastYear = Int(document.periodTo.prefix(4)) ?? StockholmCalendar.local(TryggClock.now).year
        let firstYear = min(Int(document.periodFrom.prefix(4)) ?? lastYear, lastYear)
        // The period's latest year the extracts cover whole: a lägesbild for 2023 – March 2024
        // should not show a quarter as its year.
        let coverage = try await CrimeStore(scope).coverage()
        let year = coverage.flatMap { coverage in (firstYear...lastYear).reversed().first(where: coverage.isComplete) } ?? lastYear
        // Read once: the map sums the areas' counts before small ones are hidden, the table shows them hidden.
        let all = try await CrimeStore(scope).figures(year: year, basis: .brott, level: .omraden, coverage: coverage)
        let figures = all.hidingSmallCounts()
        return LagesbildReport(
            kommun: kommun, document: document, sources: try await SourceStore(scope).all(), measures: measures, crimeYear: year,
            crimePartialNote: all.coverage?.partialNote(year),
            crimeTotals: figures.totals.filter { $0.count != 0 }.sorted { ($0.count ?? 0) > ($1.count ?? 0) }.prefix(15).map { $0 },
            figures: try await LagesbildFigures.load(all, kommun: kommun, scope: scope),
            ownData: try await LagesbildOwnData.load(from: document.periodFrom, to: document.periodTo, scope: scope),
            influence: try await influenceRows(document, scope: scope), createdOn: SwedishTime.date(TryggClock.now))
    }

    /// Område, år, bedömd påverkan, bedömd av: the period's years, the latest first.
    static func influenceRows(_ document: LagesbildDocument, scope: KommunScope) async throws -> [[String]] {
        let years = (Int(document.periodFrom.prefix(4)) ?? 0)...(Int(document.periodTo.prefix(4)) ?? 0)
        let names = Dictionary(try await AreaStore(scope).all().map { ($0.id, $0.name) }) { first, _ in first }
        return try await InfluenceStore(scope).all().filter { years.contains($0.year) }.map {
            [names[$0.areaID] ?? "Område", "\($0.year)", $0.stageLabel, "\($0.assessors), \($0.assessedOn)"]
        }
    }

    var title: String { "Lägesbild \(kommun.name)" }
    var subtitle: String { "Brottslighet och trygghet \(document.periodFrom) – \(document.periodTo), version \(document.version)" }

    var decisionLine: String {
        guard let decision = document.decision else { return "Utkast, inte beslutad." }
        return "Beslutad av \(decision.decidedBy) \(decision.decidedOn)" + (decision.diarienummer.isEmpty ? "" : " (\(decision.diarienummer))")
            + ". Nästa lägesbild senast \(decision.nextDue)."
    }

    func measureLines(_ problem: PrioritisedProblem) -> [(reference: String, text: String)] {
        problem.measureIDs.compactMap { measures[$0] }.map { ($0.reference, $0.row.measure) }
    }

    func crimeRows() -> [[String]] {
        crimeTotals.map {
            [
                "\($0.code) \($0.name)", $0.count.map(SwedishNumber.integer) ?? "1–4",
                $0.ratePer1000.map { SwedishNumber.decimal($0, places: 1) } ?? "–",
            ]
        }
    }

    public func json() throws -> Data {
        try LagesbildFiles.json(document, kommun: kommun, measureNumbers: measures.mapValues(\.reference), sources: sources)
    }

    public func docx() throws -> Data {
        var doc = DocxDocument(title: title)
        doc.paragraph(kommun.name, style: "Subtitle")
        doc.paragraph(title, style: "Title")
        doc.paragraph(subtitle, style: "Subtitle")
        doc.paragraph(decisionLine)
        doc.paragraph("Enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete. Dokumentet skapat \(createdOn).")
        doc.pageBreak()
        doc.heading("1. Kartläggning", level: 1)
        for paragraph in paragraphs(document.text.mapping) { doc.paragraph(paragraph) }
        if shows(.crimeTable) {
            doc.heading("Anmälda brott \(crimeYear) i kommunen", level: 2)
            doc.paragraph("Efter brottsdatum; antal 1–4 visas inte." + (crimePartialNote.map { " " + $0 } ?? ""))
            doc.table(header: ["Brott", "Antal", "Per 1 000 invånare"], rows: crimeRows(), widths: [60, 20, 20])
        }
        if shows(.areaMap), let map = figures.map {
            doc.heading(map.title, level: 2)
            doc.picture(png: try map.png(), description: map.title + ". Siffrorna står i tabellen nedan.", widthCm: 16.5, heightCm: 11)
            doc.paragraph("Teckenförklaring: " + map.legend.map(\.label).joined(separator: "; ") + " (ljusare färg = lägre).")
            doc.table(
                header: ["Nr", "Område", "Antal", "Invånare", "Per 1 000 invånare"],
                rows: figures.areas.map { ["\($0.number)", $0.name, $0.count, $0.population, $0.rate] },
                widths: [8, 40, 17, 17, 18])
        }
        if shows(.trend), let chart = figures.trendChart {
            doc.heading("Utveckling år för år", level: 2)
            doc.chart(chart, description: chart.title)
            doc.paragraph(figures.trendCaption)
        }
        if shows(.comparison), let chart = figures.comparisonChart {
            doc.heading("Jämförelse med län och riket", level: 2)
            doc.chart(chart, description: chart.title)
            doc.paragraph(figures.comparisonCaption)
        }
        doc.heading("2. Annan information", level: 1)
        for paragraph in paragraphs(document.text.otherInformation) { doc.paragraph(paragraph) }
        doc.table(
            header: ["Källa", "Ägare", "Period", "Används"],
            rows: sources.map { [$0.name, $0.owner, $0.period, $0.included ? "Ja" : "Nej: \($0.reason)"] }, widths: [35, 20, 15, 30])
        doc.heading("Kommunens egna uppgifter i Trygg \(document.periodFrom) – \(document.periodTo)", level: 2)
        doc.table(header: ["Uppgifter i Trygg", "Vad", "Antal"], rows: ownData.lines.map { [$0.source, $0.what, $0.count] }, widths: [30, 50, 20])
        doc.heading("3. Analys", level: 1)
        for paragraph in paragraphs(document.text.analysis) { doc.paragraph(paragraph) }
        doc.heading("4. Prioriterade problem", level: 1)
        doc.table(
            header: ["Problem", "Område", "Prioriteras för att", "Åtgärder i planen"],
            rows: document.problems.map { problem in
                [
                    problem.title, problem.area, problem.reasons.map(\.label).joined(separator: ", "),
                    measureLines(problem).map(\.reference).joined(separator: ", ").nonEmpty ?? "Ingen: \(problem.noMeasureReason)",
                ]
            }, widths: [35, 15, 25, 25])
        for problem in document.problems {
            doc.heading(problem.title, level: 2)
            for (label, text) in [("Brottsutsatta", problem.victims), ("Gärningspersoner", problem.offenders), ("Platsen", problem.place)]
            where !text.isEmpty {
                doc.paragraph("\(label): \(text)")
            }
            for line in measureLines(problem) { doc.paragraph("Åtgärd \(line.reference): \(line.text)") }
        }
        doc.heading("5. Kriminell påverkan", level: 1)
        for paragraph in paragraphs(document.text.criminalInfluence) { doc.paragraph(paragraph) }
        if !influence.isEmpty {
            doc.table(header: ["Område", "År", "Bedömd påverkan", "Bedömd av"], rows: influence, widths: [25, 10, 35, 30])
        }
        doc.heading("Polisens bedömning", level: 2)
        for paragraph in paragraphs(document.text.policeAssessment) { doc.paragraph(paragraph) }
        return try doc.data()
    }

    func shows(_ figure: LagesbildDocument.Figure) -> Bool { document.text.figures.contains(figure) }

    /// A text as typed, one paragraph per blank-line-separated block.
    func paragraphs(_ text: String) -> [String] {
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return blocks.isEmpty ? ["–"] : blocks
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
