import Foundation

/// A survey result followed as a measure's indicator ("andel otrygga kvinnor i Skäggetorp"): a
/// question of a questionnaire version and a cell of its table. The value is read from every
/// survey of the kommun with that version, so the measure shows the indicator year by year.
public struct SurveyIndicator: Sendable, Equatable {
    public var id: UUID
    public var measureID: UUID
    /// The bank version (`trygghet-1`): only surveys with the same questions give its values.
    public var questionnaire: String
    public var question: String
    public var area: String
    public var gender: String
    public var ageBand: String

    public init(id: UUID, measureID: UUID, questionnaire: String, question: String, area: String, gender: String, ageBand: String) {
        self.id = id
        self.measureID = measureID
        self.questionnaire = questionnaire
        self.question = question
        self.area = area
        self.gender = gender
        self.ageBand = ageBand
    }

    /// "Går inte ut, ganska otrygg eller mycket otrygg (sent en kväll …) – kvinnor, Skäggetorp".
    public func label(_ question: SurveyQuestion) -> String {
        let indicator = question.options.filter { question.indicator.contains($0.code) }.map { $0.text.lowercased() }.joined(separator: ", ")
        var group: [String] = []
        if let gender = SurveyBackground.genders.first(where: { $0.code == self.gender }) {
            group.append(gender.code == "kvinna" ? "kvinnor" : gender.code == "man" ? "män" : gender.text.lowercased())
        }
        if let age = SurveyBackground.ageBands.first(where: { $0.code == ageBand }) { group.append(age.text) }
        group.append(area == SurveyBackground.all ? "alla områden" : area)
        return "Andel \(indicator): \(question.text) – \(group.joined(separator: ", "))"
    }
}
