import TryggCore

/// What a refused form of a survey's page sent, shown again in its fields.
struct SurveyTyped {
    var settings: SurveyForm?
    /// The settings fields someone else changed meanwhile, when that refused `settings`.
    var settingsConflict: RecordConflict<SurveyForm>?
    var question: QuestionForm?
    var share: ShareForm?
}

/// The form for an own question; `open` unfolds it after a refusal.
struct QuestionFields {
    let code: String
    let text: String
    let english: String
    let kinds: [SelectOption]
    let options: String
    let indicator: String
    let open: Bool

    init(_ typed: QuestionForm?) {
        code = typed?.code ?? ""
        text = typed?.text ?? ""
        english = typed?.english ?? ""
        let kind = typed?.kind ?? "single"
        kinds = [("single", "Ett svar"), ("multiple", "Flera svar"), ("text", "Fritext")].map {
            SelectOption(value: $0.0, label: $0.1, selected: $0.0 == kind)
        }
        options = typed?.options ?? ""
        indicator = typed?.indicator ?? ""
        open = typed != nil
    }
}

/// The form offering the survey to another kommun.
struct ShareFields {
    let partners: [SelectOption]
    let what: String
    let validFrom: String
    let decidedBy: String
    let open: Bool

    init(_ section: SurveySharingRoutes.Section, typed: ShareForm?) {
        partners = section.partners.map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == typed?.partner) }
        what = typed?.what ?? section.defaultWhat
        validFrom = typed?.validFrom ?? section.today
        decidedBy = typed?.decidedBy ?? ""
        open = typed != nil
    }
}
