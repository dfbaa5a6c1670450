import Foundation
import TryggCore
import TryggReports

/// The report as a Word document, with the same content as the HTML version: the status per
/// section as a native Word chart (stacked bars) with the table of counts under it, and page
/// numbers in the footer.
extension FollowUpReport {
    public func docx() throws -> Data {
        var doc = DocxDocument(title: title)
        doc.paragraph(kommun.name, style: "Subtitle")
        doc.paragraph(title, style: "Title")
        doc.paragraph(subtitle, style: "Subtitle")
        doc.paragraph("Plan: \(plan.title)" + (plan.diarienummer.isEmpty ? "" : " (\(plan.diarienummer))"))
        doc.paragraph("Sista svarsdag: \(round.deadline). Uppföljningen är \(round.state.displayName.lowercased()). Rapporten skapad \(createdOn).")
        doc.pageBreak()

        doc.heading("Sammanfattning", level: 1)
        doc.paragraph(headline)
        if let comparison { doc.paragraph(comparison) }
        if !round.assessment.isEmpty {
            doc.heading("Säkerhetschefens bedömning", level: 2)
            for block in round.assessment.components(separatedBy: "\n\n") where !block.isEmpty { doc.paragraph(block) }
        }
        doc.table(
            header: ["Status", "Antal", "Andel"],
            rows: Self.statuses.map { [Self.statusName($0), "\(summary.overall[$0])", "\(summary.overall.share($0)) %"] },
            widths: [3, 1, 1])
        doc.heading("Per målområde och arbetssätt", level: 2)
        doc.chart(
            statusChart(sectionRows, title: "Status per målområde och arbetssätt"),
            description: "Status per målområde och arbetssätt; siffrorna står i tabellen nedan.", heightCm: 10)
        countTable(&doc, first: "Avsnitt", rows: sectionRows)
        doc.heading("Per ansvarig organisation", level: 2)
        doc.paragraph("En åtgärd med flera ansvariga räknas hos var och en av dem.")
        countTable(&doc, first: "Organisation", rows: organisationRows)

        if let lagesbild, let intro = lagesbildIntro {
            doc.heading("Lägesbildens problem och åtgärdernas status", level: 1)
            doc.paragraph(intro)
            for problem in lagesbild.problems {
                doc.heading(problem.title, level: 3)
                let measures = measures(of: problem)
                if measures.isEmpty {
                    doc.paragraph("Ingen åtgärd i planen: \(problem.noMeasureReason)")
                } else {
                    doc.table(
                        header: ["Nr", "Åtgärd", "Status"], rows: measures.map { [$0.reference, $0.text, $0.status] }, widths: [8, 72, 20])
                }
            }
        }

        doc.heading("Åtgärder som inte har kunnat påbörjas", level: 1)
        let notStarted = summary.notStarted
        if notStarted.isEmpty { doc.paragraph("Alla åtgärder har påbörjats.") }
        for line in notStarted {
            doc.heading("\(line.measure.reference) \(line.measure.row.measure)", level: 3)
            doc.paragraph("Ansvarig: " + line.measure.row.responsible.joined(separator: ", "))
            for (organisation, text) in answerText(line) { doc.paragraph("\(organisation): \(text)") }
        }

        doc.heading("Samtliga åtgärder", level: 1)
        doc.paragraph("En åtgärd med flera ansvariga har den minst framskridna statusen bland svaren.")
        for section in PlanSection.allCases {
            let lines = summary.lines.filter { $0.measure.row.section == section }
            guard !lines.isEmpty else { continue }
            doc.heading(section.heading, level: 2)
            doc.table(
                header: ["Nr", "Åtgärd", "Ansvarig", "Status", "Beskrivning av utveckling"],
                rows: lines.map { line in
                    [
                        line.measure.reference, line.measure.row.measure, line.measure.row.responsible.joined(separator: ", "),
                        Self.statusName(line.status), answerText(line).map { "\($0.0): \($0.1)" }.joined(separator: "\n\n"),
                    ]
                },
                widths: [5, 30, 14, 10, 41])
        }
        return try doc.data()
    }

    /// The statuses as stacked bars per row, in the report's status colours.
    private func statusChart(_ rows: [CountRow], title: String) -> LineChart {
        LineChart(
            title: title, categories: rows.map(\.label),
            series: FollowUpCharts.colours.map { status, _, name in
                LineChart.Series(name: name, values: rows.map { Double($0.counts[status]) })
            }, valueLabel: "Åtgärder", style: .stackedBars,
            colours: FollowUpCharts.colours.map { String($0.1.dropFirst()).uppercased() })
    }

    private func countTable(_ doc: inout DocxDocument, first: String, rows: [CountRow]) {
        doc.table(
            header: [first] + Self.statuses.map(Self.statusName) + ["Totalt"],
            rows: rows.map { row in [row.label] + Self.statuses.map { "\(row.counts[$0])" } + ["\(row.counts.total)"] },
            widths: [8, 2, 2, 2, 2, 2])
    }
}
