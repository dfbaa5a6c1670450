import Foundation

/// The yearly assessment, made with the police, of how far criminal networks influence a district
/// (seed 003 §6.1.1). The scale is the kommun's; the label in force when a district was assessed
/// is kept with the assessment, so a later change of the scale does not rewrite history.
public struct InfluenceAssessment: Sendable, Equatable {
    /// The default scale, from no known influence to parallel social structures (the police's
    /// description of särskilt utsatta områden).
    public static let defaultScale = [
        "Ingen känd påverkan", "Låg påverkan", "Påtaglig påverkan", "Hög påverkan", "Mycket hög påverkan, parallella samhällsstrukturer",
    ]

    public var id: UUID
    public var areaID: UUID
    public var year: Int
    /// Index in the kommun's scale, and its label at the time.
    public var stage: Int
    public var stageLabel: String
    /// `yyyy-MM-dd`.
    public var assessedOn: String
    /// Functions, not names ("Kommunpolis och säkerhetssamordnare").
    public var assessors: String
    public var motivation: String

    public init(id: UUID, areaID: UUID, year: Int, stage: Int, stageLabel: String, assessedOn: String, assessors: String, motivation: String) {
        self.id = id
        self.areaID = areaID
        self.year = year
        self.stage = stage
        self.stageLabel = stageLabel
        self.assessedOn = assessedOn
        self.assessors = assessors
        self.motivation = motivation
    }

    public func problems(scale: [String]) -> [String] {
        var problems: [String] = []
        if !(2000...2100).contains(year) { problems.append("Ange vilket år bedömningen gäller.") }
        if !scale.indices.contains(stage) { problems.append("Välj ett steg på kommunens skala.") }
        if !StockholmCalendar.isDate(assessedOn) {
            problems.append("Ange bedömningens datum (åååå-mm-dd).")
        } else if let assessedYear = Int(assessedOn.prefix(4)), assessedYear < year {
            problems.append("Ett år kan inte bedömas innan det har börjat (\(assessedOn) ligger före \(year)).")
        }
        let assessors = assessors.trimmingCharacters(in: .whitespacesAndNewlines)
        if assessors.isEmpty || assessors.count > 300 { problems.append("Ange vilka funktioner som gjorde bedömningen (högst 300 tecken).") }
        let motivation = motivation.trimmingCharacters(in: .whitespacesAndNewlines)
        if motivation.isEmpty || motivation.count > 4000 { problems.append("Motivera bedömningen (högst 4 000 tecken).") }
        for (text, field) in [(assessors, "Bedömare"), (motivation, "Motiveringen")] {
            if let message = TextInput.message(for: text, field: field) { problems.append(message) }
        }
        return problems
    }

    /// What is wrong with a scale as typed (one step per line); empty when it may be saved.
    public static func scaleProblems(_ scale: [String]) -> [String] {
        var problems: [String] = []
        if scale.count < 2 || scale.count > 10 { problems.append("Skalan ska ha mellan 2 och 10 steg, ett per rad.") }
        if scale.contains(where: { $0.count > 120 }) { problems.append("Ett steg får vara högst 120 tecken.") }
        if Set(scale).count != scale.count { problems.append("Två steg har samma namn.") }
        return problems
    }
}
