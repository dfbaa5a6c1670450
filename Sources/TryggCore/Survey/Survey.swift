import Foundation

/// A survey of one kommun: who is asked, when (the fieldwork window, Swedish dates), how, and the
/// questions it was created with (a copy from the question bank, so later bank versions never
/// change what was asked).
public struct Survey: Sendable, Equatable {
    public enum Population: String, Sendable, CaseIterable {
        case boende, medarbetare, fortroendevalda

        public var label: String {
            switch self {
            case .boende: "Boende i områdena"
            case .medarbetare: "Medarbetare"
            case .fortroendevalda: "Förtroendevalda"
            }
        }
    }

    public var id: UUID
    public var code: String
    public var title: String
    public var purpose: String
    /// The title and purpose on the English form; empty where the kommun wrote none (the Swedish
    /// text is shown there).
    public var titleEnglish: String
    public var purposeEnglish: String
    public var population: Population
    /// How answers are collected ("webb", "webb och post", …), as the methods section prints it.
    public var mode: String
    public var sampleSize: Int?
    /// `yyyy-MM-dd`, both days included.
    public var opensOn: String
    public var closesOn: String
    /// The bank questionnaire and version (`trygghet-1`).
    public var questionnaire: String
    public var questions: [SurveyQuestion]
    /// The areas (or for employees the units) a respondent picks from; `SurveyBackground.otherArea` last.
    public var areas: [String]
    /// Answers only with a one-time code from the invitation.
    public var requiresCode: Bool

    public init(
        id: UUID, code: String, title: String, purpose: String, population: Population, mode: String, sampleSize: Int?,
        opensOn: String, closesOn: String, questionnaire: String, questions: [SurveyQuestion], areas: [String], requiresCode: Bool,
        titleEnglish: String = "", purposeEnglish: String = ""
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.purpose = purpose
        self.titleEnglish = titleEnglish
        self.purposeEnglish = purposeEnglish
        self.population = population
        self.mode = mode
        self.sampleSize = sampleSize
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.questionnaire = questionnaire
        self.questions = questions
        self.areas = areas
        self.requiresCode = requiresCode
    }

    /// A text as the form in English shows it: the English one where the kommun wrote it, else the
    /// Swedish one, marked as Swedish so screen readers pronounce it right.
    public struct Shown: Sendable, Equatable {
        public let text: String
        /// "sv" where a Swedish text stands on the English form; nil where the text is in the form's language.
        public let language: String?
    }

    public func shownTitle(english: Bool) -> Shown { Self.shown(title, titleEnglish, english: english) }
    public func shownPurpose(english: Bool) -> Shown { Self.shown(purpose, purposeEnglish, english: english) }

    static func shown(_ swedish: String, _ english: String, english inEnglish: Bool) -> Shown {
        guard inEnglish else { return Shown(text: swedish, language: nil) }
        return english.isEmpty ? Shown(text: swedish, language: "sv") : Shown(text: english, language: nil)
    }

    /// The year the fieldwork starts, which names the survey in trends.
    public var year: Int { Int(opensOn.prefix(4)) ?? 0 }

    /// Whether answers are taken on `date` (Swedish calendar day).
    public func isOpen(at date: Date) -> Bool {
        let today = StockholmCalendar.local(date).dateText
        return today >= opensOn && today <= closesOn
    }

    /// What is wrong with the survey's settings, in the order of the form; empty when it may be saved.
    public func problems() -> [String] {
        var problems: [String] = []
        if !SurveyRules.isCode(code) {
            problems.append("Koden ska vara 2–40 tecken: små bokstäver a–z, siffror och bindestreck.")
        }
        if let message = TextInput.message(for: title, field: "Rubriken") {
            problems.append(message)
        } else if title.trimmingCharacters(in: .whitespaces).isEmpty || title.count > 200 {
            problems.append("Rubriken ska ha 1–200 tecken.")
        }
        // The texts that may be empty: no control characters, and at most `limit` characters.
        let optionalTexts = [
            (purpose, "Syftet", 2_000, "2 000"), (titleEnglish, "Rubriken på engelska", 200, "200"),
            (purposeEnglish, "Syftet på engelska", 2_000, "2 000"),
        ]
        for (text, field, limit, written) in optionalTexts {
            if let message = TextInput.message(for: text, field: field) {
                problems.append(message)
            } else if text.count > limit {
                problems.append("\(field) får ha högst \(written) tecken.")
            }
        }
        if mode.count > 200 { problems.append("Insamlingssättet får ha högst 200 tecken.") }
        if let sampleSize, !(1...10_000_000).contains(sampleSize) { problems.append("Urvalets storlek ska vara ett heltal större än noll.") }
        if !StockholmCalendar.isDate(opensOn) || !StockholmCalendar.isDate(closesOn) {
            problems.append("Fältperioden behöver ett start- och ett slutdatum (ÅÅÅÅ-MM-DD).")
        } else if closesOn < opensOn {
            problems.append("Fältperioden slutar före den börjar.")
        }
        if areas.isEmpty { problems.append("Enkäten behöver minst ett område att välja.") }
        return problems
    }
}
