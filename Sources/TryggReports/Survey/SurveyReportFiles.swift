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
        struct Cell: Encodable {
            let area: String
            let kon: String
            let alder: String
            let n: Int?
            let share: Double?
            let ciLow: Double?
            let ciHigh: Double?
            let suppressed: Bool

            enum CodingKeys: String, CodingKey { case area, kon, alder, n, share, ciLow, ciHigh, suppressed }

            /// Every key in every cell: a hidden figure is `null`, not left out.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(area, forKey: .area)
                try container.encode(kon, forKey: .kon)
                try container.encode(alder, forKey: .alder)
                try container.encode(n, forKey: .n)
                try container.encode(share, forKey: .share)
                try container.encode(ciLow, forKey: .ciLow)
                try container.encode(ciHigh, forKey: .ciHigh)
                try container.encode(suppressed, forKey: .suppressed)
            }
        }
        struct Question: Encodable {
            let code: String
            let text: String
            let options: [Option]
            let indicator: Indicator
            let cells: [Cell]
        }
        struct IndexCell: Encodable {
            let area: String
            let kon: String
            let alder: String
            let n: Int?
            let value: Double?
            let suppressed: Bool

            enum CodingKeys: String, CodingKey { case area, kon, alder, n, value, suppressed }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(area, forKey: .area)
                try container.encode(kon, forKey: .kon)
                try container.encode(alder, forKey: .alder)
                try container.encode(n, forKey: .n)
                try container.encode(value, forKey: .value)
                try container.encode(suppressed, forKey: .suppressed)
            }
        }
        struct Index: Encodable {
            let text: String
            let cells: [IndexCell]
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
            area: cell.area, kon: cell.gender, alder: cell.ageBand, n: cell.n, share: rounded(cell.share),
            ciLow: rounded(cell.interval?.lowerBound), ciHigh: rounded(cell.interval?.upperBound), suppressed: cell.suppressed)
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
                        Document.IndexCell(
                            area: $0.area, kon: $0.gender, alder: $0.ageBand, n: $0.n, value: rounded($0.value), suppressed: $0.suppressed)
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
