import Foundation
import TryggCore

/// The report as a printable HTML document (the same file the CLI writes and the page shows).
extension FollowUpReport {
    struct StatusCell {
        let name: String
        let count: Int
        let share: Int
    }

    struct CountLine {
        let label: String
        let cells: [StatusCell]
        let total: Int
    }

    struct Line {
        let reference: String
        let text: String
        let responsible: String
        let status: String
        let answers: [Answer]
    }

    struct Answer {
        let organisation: String
        let text: String
    }

    struct Section {
        let heading: String
        let lines: [Line]
    }

    struct ProblemSection {
        let title: String
        let measures: [ProblemMeasure]
        let hasMeasures: Bool
        let noMeasureReason: String
    }

    struct HTMLView {
        let title: String
        let subtitle: String
        let kommun: String
        let planTitle: String
        let diarienummer: String
        let deadline: String
        let createdOn: String
        let state: String
        let headline: String
        /// The säkerhetschef's own assessment; left out when empty.
        let assessment: String
        let comparison: String?
        let overall: [StatusCell]
        let overallChart: String
        let sectionChart: String
        let organisationChart: String
        let sectionTable: [CountLine]
        let organisationTable: [CountLine]
        let notStarted: [Line]
        let sections: [Section]
        let lagesbildIntro: String?
        let problems: [ProblemSection]
        let stylesheet: String?
        let inlineStyle: String?
    }

    static func cells(_ counts: FollowUpSummary.Counts) -> [StatusCell] {
        statuses.map { StatusCell(name: statusName($0), count: counts[$0], share: counts.share($0)) }
    }

    func line(_ line: FollowUpSummary.MeasureLine) -> Line {
        Line(
            reference: line.measure.reference, text: line.measure.row.measure,
            responsible: line.measure.row.responsible.joined(separator: ", "), status: Self.statusName(line.status),
            answers: answerText(line).map { Answer(organisation: $0.0, text: $0.1) })
    }

    func htmlView(stylesheet: String?, inlineStyle: String?) -> HTMLView {
        let sections = PlanSection.allCases.compactMap { section -> Section? in
            let lines = summary.lines.filter { $0.measure.row.section == section }.map(line)
            return lines.isEmpty ? nil : Section(heading: section.heading, lines: lines)
        }
        return HTMLView(
            title: title, subtitle: subtitle, kommun: kommun.name, planTitle: plan.title, diarienummer: plan.diarienummer,
            deadline: round.deadline, createdOn: createdOn, state: round.state.displayName, headline: headline, assessment: round.assessment,
            comparison: comparison,
            overall: Self.cells(summary.overall),
            overallChart: FollowUpCharts.bars([("Alla åtgärder", summary.overall)], title: "Status för alla åtgärder"),
            sectionChart: FollowUpCharts.bars(
                sectionRows.map { (SwedishGrammar.excerpt($0.label, limit: 34), $0.counts) },
                title: "Status per målområde och arbetssätt"),
            organisationChart: FollowUpCharts.bars(organisationRows.map { ($0.label, $0.counts) }, title: "Svar per ansvarig organisation"),
            sectionTable: sectionRows.map { CountLine(label: $0.label, cells: Self.cells($0.counts), total: $0.counts.total) },
            organisationTable: organisationRows.map { CountLine(label: $0.label, cells: Self.cells($0.counts), total: $0.counts.total) },
            notStarted: summary.notStarted.map(line), sections: sections, lagesbildIntro: lagesbildIntro,
            problems: (lagesbildIntro == nil ? [] : lagesbild?.problems ?? []).map { problem in
                let measures = measures(of: problem)
                return ProblemSection(title: problem.title, measures: measures, hasMeasures: !measures.isEmpty, noMeasureReason: problem.noMeasureReason)
            }, stylesheet: stylesheet, inlineStyle: inlineStyle)
    }

    /// A self-contained file: the stylesheet is inlined so it prints the same when opened from disk.
    public func standaloneHTML(renderer: Renderer) throws -> String {
        renderer.render(.reportFollowup, htmlView(stylesheet: nil, inlineStyle: StaticFiles.text("report.css")))
    }
}
