import Foundation
import TryggCore

/// A new survey, or a survey's settings.
struct SurveyForm: Decodable, EditedRecordForm {
    @FormText var questionnaire: String
    @FormText var code: String
    @FormText var title: String
    @FormText var purpose: String
    @FormText var titleEnglish: String
    @FormText var purposeEnglish: String
    @FormText var population: String
    @FormText var mode: String
    @FormText var sampleSize: String
    @FormText var opensOn: String
    @FormText var closesOn: String
    @FormText var requiresCode: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case questionnaire = "formular", code = "kod", title = "rubrik", purpose = "syfte", population = "population", mode = "insamling"
        case titleEnglish = "rubrik_en", purposeEnglish = "syfte_en"
        case sampleSize = "urval", opensOn = "fran", closesOn = "till", requiresCode = "engangskod", seen = "sett"
    }

    /// The settings form's fields (the questionnaire, code and population are chosen once, when the survey is made).
    static let editedFields: [EditedField<SurveyForm>] = [
        .init(name: "rubrik", label: "Rubrik", path: \.title), .init(name: "syfte", label: "Syfte", path: \.purpose),
        .init(name: "rubrik_en", label: "Rubrik på engelska", path: \.titleEnglish),
        .init(name: "syfte_en", label: "Syfte på engelska", path: \.purposeEnglish),
        .init(name: "insamling", label: "Insamlingssätt", path: \.mode), .init(name: "urval", label: "Urvalets storlek", path: \.sampleSize),
        .init(name: "fran", label: "Fältperiod från", path: \.opensOn), .init(name: "till", label: "Fältperiod till och med", path: \.closesOn),
        .init(name: "engangskod", label: "Krävs engångskod?", path: \.requiresCode),
    ]

    init() {}

    /// The form as it shows a stored survey (the settings form leaves out the questionnaire, code and population).
    init(shown survey: Survey) {
        questionnaire = survey.questionnaire
        code = survey.code
        population = survey.population.rawValue
        title = survey.title
        purpose = survey.purpose
        titleEnglish = survey.titleEnglish
        purposeEnglish = survey.purposeEnglish
        mode = survey.mode
        sampleSize = survey.sampleSize.map(String.init) ?? ""
        opensOn = survey.opensOn
        closesOn = survey.closesOn
        requiresCode = survey.requiresCode ? "ja" : "nej"
    }

    /// What the form shows again (after a problem, or for an existing survey).
    struct Values {
        var questionnaire = "trygghet"
        var code = ""
        var title = ""
        var purpose = ""
        var titleEnglish = ""
        var purposeEnglish = ""
        var population = "boende"
        var mode = "Webbenkät"
        var sampleSize = ""
        var opensOn = ""
        var closesOn = ""

        /// A new survey starts with a three-week window from today.
        static func suggested(now: Date = TryggClock.now) -> Values {
            var values = Values()
            values.opensOn = StockholmCalendar.local(now).dateText
            values.closesOn = StockholmCalendar.local(now.addingTimeInterval(21 * 86_400)).dateText
            return values
        }

        init() {}

        init(_ survey: Survey) { self = SurveyForm(shown: survey).values }
    }

    var values: Values {
        var values = Values()
        values.questionnaire = questionnaire
        values.code = code
        values.title = title
        values.purpose = purpose
        values.titleEnglish = titleEnglish
        values.purposeEnglish = purposeEnglish
        values.population = population
        values.mode = mode
        values.sampleSize = sampleSize
        values.opensOn = opensOn
        values.closesOn = closesOn
        return values
    }
}

/// A question of the kommun's own.
struct QuestionForm: Decodable {
    @FormText var code: String
    @FormText var text: String
    @FormText var english: String
    @FormText var kind: String
    @FormRaw var options: String
    @FormText var indicator: String
    enum CodingKeys: String, CodingKey {
        case code = "kod", text = "fraga", english = "fraga_en", kind = "typ", options = "alternativ", indicator = "indikator"
    }
}

struct MinimumForm: Decodable {
    @FormText var minimum: String
    enum CodingKeys: String, CodingKey { case minimum = "minsta" }
}

struct CodesForm: Decodable {
    @FormText var count: String
    enum CodingKeys: String, CodingKey { case count = "antal" }
}
