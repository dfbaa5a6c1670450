import Foundation
import TryggCore

/// The lägesbild as a printable HTML document (the page's print version and the CLI's file).
extension LagesbildReport {
    struct CrimeLine {
        let crime: String
        let count: String
        let rate: String
    }

    struct LegendLine {
        let colour: String
        let label: String
    }

    struct SourceLine {
        let name: String
        let owner: String
        let period: String
        let used: String
    }

    struct MeasureLine {
        let reference: String
        let text: String
    }

    struct ProblemLine {
        let title: String
        let area: String
        let reasons: String
        let details: [String]
        let measures: [MeasureLine]
        let hasMeasures: Bool
        let noMeasureReason: String
    }

    struct HTMLView {
        let title: String
        let subtitle: String
        let kommun: String
        let decision: String
        let createdOn: String
        let mapping: [String]
        let crimeYear: Int
        let crimePartialNote: String?
        let crimes: [CrimeLine]
        let showsCrimes: Bool
        let map: String?
        let mapTitle: String
        let legend: [LegendLine]
        let areas: [LagesbildFigures.AreaLine]
        let comparison: String?
        let comparisonCaption: String
        let trend: String?
        let trendCaption: String
        let otherInformation: [String]
        let sources: [SourceLine]
        let ownData: [LagesbildOwnData.Line]
        let period: String
        let analysis: [String]
        let problems: [ProblemLine]
        let criminalInfluence: [String]
        let influence: [InfluenceLine]
        let hasInfluence: Bool
        let policeAssessment: [String]
        let stylesheet: String?
        let inlineStyle: String?
    }

    struct InfluenceLine {
        let area: String
        let year: String
        let stage: String
        let assessedBy: String
    }

    func htmlView(stylesheet: String?, inlineStyle: String?) -> HTMLView {
        HTMLView(
            title: title, subtitle: subtitle, kommun: kommun.name, decision: decisionLine, createdOn: createdOn,
            mapping: paragraphs(document.text.mapping), crimeYear: crimeYear, crimePartialNote: crimePartialNote,
            crimes: crimeRows().map { CrimeLine(crime: $0[0], count: $0[1], rate: $0[2]) }, showsCrimes: shows(.crimeTable),
            map: shows(.areaMap) ? figures.map?.svg() : nil, mapTitle: figures.map?.title ?? "",
            legend: shows(.areaMap) ? (figures.map?.legend.map { LegendLine(colour: $0.colour, label: $0.label) } ?? []) : [],
            areas: shows(.areaMap) && figures.map != nil ? figures.areas : [],
            comparison: shows(.comparison) ? figures.comparisonChart?.svg() : nil, comparisonCaption: figures.comparisonCaption,
            trend: shows(.trend) ? figures.trendChart?.svg() : nil, trendCaption: figures.trendCaption,
            otherInformation: paragraphs(document.text.otherInformation),
            sources: sources.map {
                SourceLine(name: $0.name, owner: $0.owner, period: $0.period, used: $0.included ? "Ja" : "Nej: \($0.reason)")
            },
            ownData: ownData.lines, period: "\(document.periodFrom) – \(document.periodTo)", analysis: paragraphs(document.text.analysis),
            problems: document.problems.map { problem in
                let measures = measureLines(problem).map { MeasureLine(reference: $0.reference, text: $0.text) }
                return ProblemLine(
                    title: problem.title, area: problem.area, reasons: problem.reasons.map(\.label).joined(separator: ", "),
                    details: [("Brottsutsatta", problem.victims), ("Gärningspersoner", problem.offenders), ("Platsen", problem.place)]
                        .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" },
                    measures: measures, hasMeasures: !measures.isEmpty, noMeasureReason: problem.noMeasureReason)
            },
            criminalInfluence: paragraphs(document.text.criminalInfluence),
            influence: influence.map { InfluenceLine(area: $0[0], year: $0[1], stage: $0[2], assessedBy: $0[3]) }, hasInfluence: !influence.isEmpty,
            policeAssessment: paragraphs(document.text.policeAssessment),
            stylesheet: stylesheet, inlineStyle: inlineStyle)
    }

    /// A self-contained file: the stylesheet is inlined so it prints the same when opened from disk.
    public func standaloneHTML(renderer: Renderer) throws -> String {
        renderer.render(.reportLagesbild, htmlView(stylesheet: nil, inlineStyle: StaticFiles.text("report.css")))
    }
}
