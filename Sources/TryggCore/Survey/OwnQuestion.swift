import Foundation

/// A question of the kommun's own, added to a survey beside the bank's before the first answer:
/// one or several options, or free text. Options are typed one per line as `kod = text`.
public enum OwnQuestion {
    public struct Draft: Sendable {
        public var code: String
        public var text: String
        public var english: String
        public var kind: String
        public var options: String
        public var indicator: String

        public init(code: String, text: String, english: String, kind: String, options: String, indicator: String) {
            self.code = code
            self.text = text
            self.english = english
            self.kind = kind
            self.options = options
            self.indicator = indicator
        }
    }

    static func isOptionCode(_ text: String) -> Bool {
        (1...40).contains(text.utf8.count) && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }

    /// The question, or every problem with the draft at once.
    public static func check(_ draft: Draft, in survey: Survey) -> Result<SurveyQuestion, SurveyRules.Problems> {
        var problems: [String] = []
        let code = draft.code.trimmingCharacters(in: .whitespaces).lowercased()
        if !isOptionCode(code) || code.count < 2 {
            problems.append("Frågans kod ska vara 2–40 tecken: a–z, siffror och understreck.")
        } else if survey.questions.contains(where: { $0.code == code }) || SurveyResponseCSV.background.contains(code) {
            problems.append("Enkäten har redan en fråga med koden ”\(code)”.")
        }
        for (label, text, required) in [("Frågan", draft.text, true), ("Frågan på engelska", draft.english, false)] {
            if let message = TextInput.message(for: text, field: label) {
                problems.append(message)
            } else if (required && text.trimmingCharacters(in: .whitespaces).isEmpty) || text.count > 500 {
                problems.append("\(label) ska ha \(required ? "1" : "0")–500 tecken.")
            }
        }
        guard let kind = SurveyQuestion.Kind(rawValue: draft.kind), kind != .place else {
            return .failure(
                SurveyRules.Problems(list: (problems + ["Välj frågetyp: ett svar, flera svar eller fritext."]).map { .init(field: "fraga", message: $0) }))
        }
        var options: [SurveyOption] = []
        var indicator: [String] = []
        if kind != .text {
            for line in draft.options.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, isOptionCode(parts[0].lowercased()), !parts[1].isEmpty, parts[1].count <= 200, TextInput.message(for: parts[1]) == nil
                else {
                    problems.append("Raden ”\(line.prefix(60))” ska vara kod = text (koden a–z, siffror, understreck).")
                    continue
                }
                let option = parts[0].lowercased()
                if options.contains(where: { $0.code == option }) { problems.append("Alternativet ”\(option)” står två gånger.") }
                options.append(SurveyOption(option, parts[1], parts[1]))
            }
            if !(2...20).contains(options.count) { problems.append("En fråga med alternativ behöver 2–20 alternativ.") }
            indicator = draft.indicator.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }
            if indicator.isEmpty || !indicator.allSatisfy({ code in options.contains { $0.code == code } }) {
                problems.append("Ange vilka alternativ som räknas som indikator, med deras koder.")
            }
        }
        guard problems.isEmpty else { return .failure(SurveyRules.Problems(list: problems.map { .init(field: "fraga", message: $0) })) }
        let english = draft.english.trimmingCharacters(in: .whitespaces)
        return .success(
            SurveyQuestion(
                code: code, text: draft.text.trimmingCharacters(in: .whitespaces), english: english.isEmpty ? draft.text : english, kind: kind,
                options: options, indicator: indicator))
    }
}
