import Foundation
import TryggCore

/// A survey's results as files: `trygg report survey --format json|csv` and the results page's
/// downloads. Shares and intervals are rounded to three decimals; a hidden cell has `null` n,
/// share and interval in JSON and empty fields in CSV. Free text and codes are never in them.
public enum SurveyReportFiles {
    struct Document: Encodable {
        struct Option: Encodable {
            let code: String
            let text: String
        }
        struct Indicator: Encodable {
            let options: [String]
        }
        /// One cell of a table: where (area, kon, alder), how many answers, and its figures
        /// (share and interval, or the index's value). Every key in every cell: a hidden figure
        /// is `null`, not left out.
        struct Cell: Encodable {
            let area: String
            let kon: String
            let alder: String
            let n: Int?
            let figures: [(key: String, value: Double?)]
            let suppressed: Bool

            struct Key: CodingKey {
                let stringValue: String
                init(_ name: String) { stringValue = name }
                init?(stringValue: String) { self.stringValue = stringValue }
                var intValue: Int? { nil }
                init?(intValue: Int) { nil }
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(area, forKey: Key("area"))
                try container.encode(kon, forKey: Key("kon"))
                try container.encode(alder, forKey: Key("alder"))
                try container.encode(n, forKey: Key("n"))
                for figure in figures { try container.encode(figure.value, forKey: Key(figure.key)) }
                try container.encode(suppressed, forKey: Key("suppressed"))
            }
        }
        struct Question: Encodable {
            let code: String
            let text: String
            let options: [Option]
            let indicator: Indicator
            let cells: [Cell]
        }
        struct Index: Encodable {
            let text: String
            let cells: [Cell]
        }
        let survey: String
        let title: String
        let questionnaire: String
        let fieldwork: String
        let n: Int
        let minimumForShare: Int
        /// Whether the shares are weighted to the population, and the design effect of the weights.
        let weighted: Bool
        let designEffect: Double?
        let questions: [Question]
        /// The police's problem index (0–6), when the survey asks its items.
        let problemIndex: Index?
    }

    static func rounded(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }

    static func cell(_ cell: SurveyResults.Cell) -> Document.Cell {
        Document.Cell(
            area: cell.area, kon: cell.gender, alder: cell.ageBand, n: cell.n,
            figures: [("share", rounded(cell.share)), ("ci_low", rounded(cell.interval?.lowerBound)), ("ci_high", rounded(cell.interval?.upperBound))],
            suppressed: cell.suppressed)
    }

    public static func json(_ results: SurveyResults) throws -> Data {
        let survey = results.survey
        let document = Document(
            survey: survey.code, title: survey.title, questionnaire: survey.questionnaire, fieldwork: "\(survey.opensOn)–\(survey.closesOn)",
            n: results.respondents, minimumForShare: results.minimum, weighted: results.weighting != nil,
            designEffect: results.weighting.map { ($0.designEffect * 1000).rounded() / 1000 },
            questions: results.questions.map { result in
                Document.Question(
                    code: result.question.code, text: result.question.text,
                    options: result.question.options.map { Document.Option(code: $0.code, text: $0.text) },
                    indicator: Document.Indicator(options: result.question.indicator), cells: result.cells.map(cell))
            },
            problemIndex: results.problemIndex.map { cells in
                Document.Index(
                    text: ProblemIndex.label,
                    cells: cells.map {
                        Document.Cell(
                            area: $0.area, kon: $0.gender, alder: $0.ageBand, n: $0.n, figures: [("value", rounded($0.value))], suppressed: $0.suppressed)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(document)
    }

    public static let csvColumns = ["question", "area", "kon", "alder", "n", "share", "ci_low", "ci_high", "suppressed"]

    /// One line per question and cell; decimal points, so that any program reads the numbers.
    public static func csv(_ results: SurveyResults) -> Data {
        var text = CSVWriter.line(csvColumns)
        func number(_ value: Double?) -> String { rounded(value).map { String($0) } ?? "" }
        for question in results.questions {
            for cell in question.cells {
                text += CSVWriter.line([
                    question.question.code, cell.area, cell.gender, cell.ageBand, cell.n.map(String.init) ?? "", number(cell.share),
                    number(cell.interval?.lowerBound), number(cell.interval?.upperBound), cell.suppressed ? "ja" : "nej",
                ])
            }
        }
        return Data(text.utf8)
    }
}
