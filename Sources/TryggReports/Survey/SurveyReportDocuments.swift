import Foundation
import TryggCore

/// A survey's results as Excel (every cell, as the CSV) and as a Word report for the lägesbild's
/// readers: the method, then per question the indicator by area and by age, for women, men and
/// everyone. Hidden cells stay hidden: empty in Excel, "–" in Word.
extension SurveyReportFiles {
    public static func xlsx(_ results: SurveyResults) throws -> Data {
        var rows: [[XlsxWriter.Cell]] = []
        func decimal(_ value: Double?) -> XlsxWriter.Cell { rounded(value).map(XlsxWriter.Cell.decimal) ?? .empty }
        for question in results.questions {
            for cell in question.cells {
                rows.append([
                    .text(question.question.code), .text(cell.area), .text(cell.gender), .text(cell.ageBand), cell.n.map(XlsxWriter.Cell.number) ?? .empty,
                    decimal(cell.share), decimal(cell.interval?.lowerBound), decimal(cell.interval?.upperBound), .text(cell.suppressed ? "ja" : "nej"),
                ])
            }
        }
        return try XlsxWriter.workbook(sheetName: results.survey.code, header: csvColumns, rows: rows)
    }

    /// "34 % (29–40)" or "–" for a hidden cell.
    static func shareText(_ cell: SurveyResults.Cell?) -> String {
        guard let cell, let share = cell.share, let interval = cell.interval else { return "–" }
        func whole(_ value: Double) -> Int { Int((value * 100).rounded()) }
        return "\(SwedishNumber.percent(share, places: 0)) (\(whole(interval.lowerBound))–\(whole(interval.upperBound)))"
    }

    public static func docx(_ results: SurveyResults, kommun: String) throws -> Data {
        let survey = results.survey
        var document = DocxDocument(title: "\(survey.title) – \(kommun)")
        document.heading("\(survey.title)", level: 1)
        document.paragraph(kommun)
        document.heading("Om undersökningen", level: 2)
        if !survey.purpose.isEmpty { document.paragraph(survey.purpose) }
        document.paragraph(
            "Målgrupp: \(survey.population.label.lowercased()). Insamling: \(survey.mode.isEmpty ? "–" : survey.mode)"
                + (survey.sampleSize.map { ", urval \(SwedishNumber.integer($0))" } ?? "")
                + ". Fältperiod \(survey.opensOn) – \(survey.closesOn). Frågeformulär \(survey.questionnaire). \(SwedishNumber.integer(results.respondents)) svarande."
        )
        document.paragraph(
            "Andelen är indikatorns andel av dem som svarat på frågan (\"vet inte\" räknas inte), med 95 % konfidensintervall (Wilson) inom parentes. "
                + "Grupper med färre än \(results.minimum) svar visas inte (–), och inte heller de grupper som annars skulle gå att räkna fram ur summorna.")
        if let weighting = results.weighting {
            document.paragraph(
                "Andelarna är viktade efter befolkningen per område, kön och ålder (\(weighting.source)). Designeffekt "
                    + "\(SwedishNumber.decimal(weighting.designEffect, places: 2)): resultaten är lika säkra som "
                    + "\(SwedishNumber.integer(weighting.effective(results.respondents))) oviktade svar. Antalet svar (n) är oviktat.")
        }
        let genders = ["kvinna", "man", SurveyBackground.all]
        let header = ["Kvinnor", "Män", "Alla"]
        if results.problemIndex != nil {
            document.heading(ProblemIndex.label, level: 2)
            document.paragraph(
                "Medelvärdet av de svarandes bedömning av problemen i bostadsområdet: inget problem 0, ganska litet 2, ganska stort 4, mycket stort problem 6.")
            let rows = (survey.areas + [SurveyBackground.all]).map { area in
                [area == SurveyBackground.all ? "Alla områden" : area]
                    + genders.map { gender in results.indexCell(area: area, gender: gender)?.value.map { SwedishNumber.decimal($0, places: 1) } ?? "–" }
            }
            document.table(header: ["Område"] + header, rows: rows, widths: [4, 3, 3, 3])
        }
        for question in results.questions {
            document.heading(question.question.text, level: 2)
            let indicator = question.question.options.filter { question.question.indicator.contains($0.code) }.map(\.text).joined(separator: ", ")
            document.paragraph("Indikator: \(indicator.lowercased()).")
            let areaRows = (survey.areas + [SurveyBackground.all]).map { area in
                [area == SurveyBackground.all ? "Alla områden" : area] + genders.map { shareText(question.cell(area: area, gender: $0)) }
            }
            document.table(header: ["Område"] + header, rows: areaRows, widths: [4, 3, 3, 3])
            let ageRows = (SurveyBackground.ageBands.map { ($0.code, $0.text) } + [(SurveyBackground.all, "Alla åldrar")]).map { age in
                [age.1] + genders.map { shareText(question.cell(gender: $0, ageBand: age.0)) }
            }
            document.table(header: ["Ålder"] + header, rows: ageRows, widths: [4, 3, 3, 3])
        }
        return try document.data()
    }
}
