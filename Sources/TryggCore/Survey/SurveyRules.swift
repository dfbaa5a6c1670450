import Foundation

/// What a submitted answer must satisfy, and the limits of what is published.
public enum SurveyRules {
    /// A share is published only from this many answers in its cell (ARCHITECTURE.md: 30 for survey shares).
    public static let minimumForShare = 30
    public static let maxTextLength = 2_000

    /// A plausibility box around Sweden for places marked on the map.
    static let sweden = (latitude: 55.0...69.1, longitude: 10.9...24.2)

    public static func isCode(_ text: String) -> Bool {
        (2...40).contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// One problem of an answer, tied to the field it concerns (`question` is its code, or
    /// `omrade`, `kon`, `alder`, `kod`).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let field: String
        public let message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
        public var description: String { message }
    }

    /// Everything wrong with one answer.
    public struct Problems: Error, Sendable, Equatable {
        public let list: [Problem]
    }

    /// A respondent's answer as a form or a CSV row gives it: background fields and, per question
    /// code, the chosen option codes (or the text of a free-text question).
    public struct Draft: Sendable, Equatable {
        public var area: String
        public var gender: String
        public var ageBand: String
        public var choices: [String: [String]]

        public init(area: String, gender: String, ageBand: String, choices: [String: [String]]) {
            self.area = area
            self.gender = gender
            self.ageBand = ageBand
            self.choices = choices
        }
    }

    /// Checks a draft against the survey's questions: every background field known (the area
    /// matched without regard to case), every option one of its question's, one option where one
    /// is asked for, free text free of personal data. Unanswered questions are allowed.
    public static func check(_ draft: Draft, for survey: Survey) -> Result<SurveyResponse, Problems> {
        var problems: [Problem] = []
        let area = survey.areas.first { $0.compare(draft.area.trimmingCharacters(in: .whitespaces), options: .caseInsensitive) == .orderedSame }
        if area == nil {
            problems.append(
                Problem(field: "omrade", message: draft.area.isEmpty ? "Välj område." : "Området ”\(draft.area.prefix(60))” finns inte i enkäten."))
        }
        let gender = draft.gender.lowercased()
        if !SurveyBackground.genders.contains(where: { $0.code == gender }) {
            problems.append(
                Problem(field: "kon", message: draft.gender.isEmpty ? "Välj kön (eller ”Vill inte svara”)." : "Okänt kön ”\(draft.gender.prefix(20))”."))
        }
        if !SurveyBackground.ageBands.contains(where: { $0.code == draft.ageBand }) {
            problems.append(Problem(field: "alder", message: draft.ageBand.isEmpty ? "Välj ålder." : "Okänd åldersgrupp ”\(draft.ageBand.prefix(20))”."))
        }
        let known = Set(survey.questions.map(\.code))
        for code in draft.choices.keys.sorted() where !known.contains(code) {
            problems.append(Problem(field: code, message: "Frågan ”\(code.prefix(40))” finns inte i enkäten."))
        }
        var answers = [UInt64](repeating: 0, count: survey.questions.count)
        var texts: [String: String] = [:]
        var place: GeoPoint?
        for (index, question) in survey.questions.enumerated() {
            let chosen = (draft.choices[question.code] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !chosen.isEmpty else { continue }
            if question.kind == .place {
                // "latitud longitud" (a form's two fields joined, or a CSV cell), rounded at once.
                let numbers = chosen.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == ";" }).map {
                    Double($0.replacingOccurrences(of: ",", with: "."))
                }
                guard numbers.count == 2, let latitude = numbers[0], let longitude = numbers[1], Self.sweden.latitude.contains(latitude),
                    Self.sweden.longitude.contains(longitude)
                else {
                    problems.append(Problem(field: question.code, message: "Platsen ska vara en punkt i Sverige: klicka på kartan eller lämna frågan."))
                    continue
                }
                place = PublicLocation.rounded(GeoPoint(latitude: latitude, longitude: longitude))
                continue
            }
            if question.kind == .text {
                let text = chosen.joined(separator: "\n")
                if let message = TextInput.message(for: text, field: "Svaret") ?? PersonalDataGuard.message(for: text, field: "Svaret") {
                    problems.append(Problem(field: question.code, message: message))
                } else if text.count > maxTextLength {
                    problems.append(Problem(field: question.code, message: "Svaret får ha högst \(maxTextLength) tecken."))
                } else {
                    texts[question.code] = text
                }
                continue
            }
            if question.kind == .single && chosen.count > 1 {
                problems.append(Problem(field: question.code, message: "Välj ett svar på frågan ”\(question.text)”."))
                continue
            }
            for option in chosen {
                guard let bit = question.bit(of: option) else {
                    problems.append(Problem(field: question.code, message: "Svaret ”\(option.prefix(40))” finns inte på frågan ”\(question.code)”."))
                    continue
                }
                answers[index] |= bit
            }
        }
        guard problems.isEmpty, let area else { return .failure(Problems(list: problems)) }
        return .success(SurveyResponse(area: area, gender: gender, ageBand: draft.ageBand, answers: answers, texts: texts, place: place))
    }
}

/// One respondent's checked answers. Nothing in it names the respondent: no code, address or time of day.
public struct SurveyResponse: Sendable, Equatable {
    public var area: String
    public var gender: String
    public var ageBand: String
    /// Per question of the survey, in its order, the chosen options as bits (0: not answered).
    public var answers: [UInt64]
    /// Free-text answers by question code; stored apart from the rest.
    public var texts: [String: String]
    /// The place marked as unsafe, rounded to its 100 m square; stored apart from the rest.
    public var place: GeoPoint?

    public init(area: String, gender: String, ageBand: String, answers: [UInt64], texts: [String: String] = [:], place: GeoPoint? = nil) {
        self.area = area
        self.gender = gender
        self.ageBand = ageBand
        self.answers = answers
        self.texts = texts
        self.place = place
    }
}

/// The stored form of `SurveyResponse.answers`: the bit sets as decimal numbers separated by
/// commas, empty for an unanswered question ("4,,1"). Read back byte by byte by `SurveyTally`.
public enum SurveyAnswerText {
    public static func encode(_ answers: [UInt64]) -> String {
        answers.map { $0 == 0 ? "" : String($0) }.joined(separator: ",")
    }
}
