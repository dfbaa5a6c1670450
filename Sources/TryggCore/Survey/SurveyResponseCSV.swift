import Foundation

/// Answers collected with another tool: one row per respondent, the columns `area,kon,alder`
/// and one column per question code, holding option codes (several separated by `|`, or by `;`
/// in a comma-separated file) or, for a free-text question, the text. Every row is checked
/// before anything is stored.
public enum SurveyResponseCSV {
    public static let background = ["area", "kon", "alder"]
    public static let maxProblems = 200

    public static func check(_ table: CSVTable, for survey: Survey) -> Result<[SurveyResponse], ImportFailure> {
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [ImportProblem] = []
        for column in background where !header.contains(column) {
            problems.append(ImportProblem(line: 1, column: column, message: "kolumnen \(column) saknas (rubrikraden ska börja med area,kon,alder)."))
        }
        let questions = Set(survey.questions.map(\.code))
        for column in header where !background.contains(column) && !questions.contains(column) {
            problems.append(ImportProblem(line: 1, column: column, message: "kolumnen ”\(column.prefix(40))” är ingen fråga i enkäten."))
        }
        if Set(header).count != header.count { problems.append(ImportProblem(line: 1, column: nil, message: "en kolumn förekommer två gånger.")) }
        guard problems.isEmpty else { return .failure(ImportFailure(problems)) }
        if table.rows.isEmpty { return .failure(ImportFailure([ImportProblem(line: nil, column: nil, message: "filen har inga svar.")])) }
        let separators: Set<Character> = table.delimiter == "," ? ["|", ";"] : ["|"]
        var responses: [SurveyResponse] = []
        responses.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard row.fields.count == header.count else {
                problems.append(ImportProblem(line: row.line, column: nil, message: "raden har \(row.fields.count) fält, rubrikraden \(header.count)."))
                if problems.count >= maxProblems { break }
                continue
            }
            var fields: [String: String] = [:]
            for (column, value) in zip(header, row.fields) { fields[column] = value }
            var choices: [String: [String]] = [:]
            for question in survey.questions {
                guard let cell = fields[question.code]?.trimmingCharacters(in: .whitespaces), !cell.isEmpty else { continue }
                choices[question.code] = question.kind == .text ? [cell] : cell.split(whereSeparator: { separators.contains($0) }).map(String.init)
            }
            let draft = SurveyRules.Draft(
                area: fields["area"] ?? "", gender: fields["kon"]?.trimmingCharacters(in: .whitespaces) ?? "",
                ageBand: fields["alder"]?.trimmingCharacters(in: .whitespaces) ?? "", choices: choices)
            switch SurveyRules.check(draft, for: survey) {
            case .success(let response): responses.append(response)
            case .failure(let found):
                problems += found.list.map { ImportProblem(line: row.line, column: $0.field == "omrade" ? "area" : $0.field, message: $0.message) }
            }
            if problems.count >= maxProblems { break }
        }
        guard problems.isEmpty else { return .failure(ImportFailure(Array(problems.prefix(maxProblems)))) }
        return .success(responses)
    }
}
