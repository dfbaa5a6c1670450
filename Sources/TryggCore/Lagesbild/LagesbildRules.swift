import Foundation

/// What a lägesbild must hold: lengths and characters while it is written, and before it is
/// decided an analysis, at least one prioritised problem, and for every problem either measures
/// or the reason there are none (the law's chain lägesbild → åtgärdsplan).
public enum LagesbildRules {
    /// A new lägesbild is due two years after the decision (Lag 2023:196: the plan is renewed at
    /// least every second year, and it rests on the lägesbild).
    public static let monthsValid = 24

    public static func period(from: String, to: String) -> [String] {
        guard let start = SwedishTime.startOfDay(from), let end = SwedishTime.startOfDay(to) else {
            return ["Perioden skrivs som två datum ÅÅÅÅ-MM-DD."]
        }
        return start <= end ? [] : ["Periodens början ligger efter dess slut."]
    }

    /// Who writes the police's assessment of kriminell påverkan in a draft (and so reads drafts):
    /// those who write the lägesbild, and the police's own partner accounts.
    public static func mayWritePoliceAssessment(_ user: UserAccount) -> Bool {
        user.role.allows(.editLagesbild) || (user.role == .partner && user.organisation.isPolice)
    }

    public static func texts(_ texts: LagesbildDocument.Texts) -> [String] {
        [
            ("Kartläggningen", texts.mapping), ("Annan information", texts.otherInformation), ("Analysen", texts.analysis),
            ("Kriminell påverkan", texts.criminalInfluence), ("Polisens bedömning", texts.policeAssessment),
        ].compactMap { label, text in
            TextInput.message(for: text, field: label) ?? (text.count > 20_000 ? "\(label) får ha högst 20 000 tecken." : nil)
        }
    }

    public static func problem(_ problem: PrioritisedProblem) -> [String] {
        var problems: [String] = []
        let title = problem.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("Problemets rubrik måste ha 1–200 tecken.") }
        for (label, text, limit) in [
            ("Området", problem.area, 200), ("Brottsutsatta", problem.victims, 4_000), ("Gärningspersoner", problem.offenders, 4_000),
            ("Platsen", problem.place, 4_000), ("Skälet utan åtgärd", problem.noMeasureReason, 1_000), ("Rubriken", problem.title, 200),
        ] {
            if let message = TextInput.message(for: text, field: label) {
                problems.append(message)
            } else if text.count > limit {
                problems.append("\(label) får ha högst \(limit) tecken.")
            }
        }
        if problem.reasons.isEmpty { problems.append("Ange varför problemet prioriteras (t.ex. vanligast eller ökar).") }
        return problems
    }

    /// Why the draft cannot be decided as it stands; empty when it can.
    public static func decision(_ document: LagesbildDocument, decision: LagesbildDocument.Decision, today: String) -> [String] {
        var problems: [String] = []
        if document.status != .utkast { problems.append("Bara ett utkast kan beslutas.") }
        if decision.decidedBy.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Ange vem som beslutar (t.ex. Trygghetsrådet).") }
        if let decided = SwedishTime.startOfDay(decision.decidedOn) {
            if let now = SwedishTime.startOfDay(today), decided > now { problems.append("Beslutsdatumet ligger i framtiden.") }
        } else {
            problems.append("Beslutsdatumet skrivs ÅÅÅÅ-MM-DD.")
        }
        if SwedishTime.startOfDay(decision.nextDue) == nil { problems.append("Datumet för nästa lägesbild skrivs ÅÅÅÅ-MM-DD.") }
        for (label, text) in [("Beslutande organ", decision.decidedBy), ("Diarienumret", decision.diarienummer)] {
            if let message = TextInput.message(for: text, field: label) { problems.append(message) }
        }
        if document.text.analysis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Analysen saknas: lägesbilden ska enligt lagen innehålla en analys.")
        }
        if document.problems.isEmpty { problems.append("Minst ett prioriterat problem behövs.") }
        for problem in document.problems
        where problem.measureIDs.isEmpty && problem.noMeasureReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("”\(problem.title)” har ingen åtgärd och inget skäl till att det saknas.")
        }
        return problems
    }

    /// Where the kommun stands with its next lägesbild, for the start page.
    public enum Due: Sendable, Equatable {
        case noneDecided
        case overdue(String)
        case soon(String, days: Int)

        public var message: String {
            switch self {
            case .noneDecided: "Ingen lägesbild är beslutad. Lagen (2023:196) kräver en lägesbild som åtgärdsplanen bygger på."
            case .overdue(let date): "Lägesbilden skulle ha förnyats senast \(date). Skapa en ny version och besluta den."
            case .soon(let date, let days): "Nästa lägesbild ska vara beslutad senast \(date), om \(days) dagar."
            }
        }

        /// Overdue, or none decided: the law is not met today.
        public var isUrgent: Bool {
            if case .soon = self { return false }
            return true
        }
    }

    /// Nothing while more than three months remain, `soon` within three months, `overdue` past the
    /// date, `noneDecided` when there is no decided lägesbild.
    public static func due(nextDue: String?, today: String) -> Due? {
        guard let nextDue else { return .noneDecided }
        guard let due = SwedishTime.startOfDay(nextDue), let now = SwedishTime.startOfDay(today) else { return nil }
        if due < now { return .overdue(nextDue) }
        let days = Int((due.timeIntervalSince(now) / 86_400).rounded())
        return days <= 92 ? .soon(nextDue, days: days) : nil
    }

    /// The decision date plus 24 months (the same day two years on; 29 February becomes the
    /// 28th), the default for the next lägesbild.
    public static func nextDue(after decidedOn: String) -> String? {
        guard SwedishTime.startOfDay(decidedOn) != nil else { return nil }
        let parts = decidedOn.split(separator: "-").compactMap { Int($0) }
        let year = parts[0] + monthsValid / 12
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let day = parts[1] == 2 && parts[2] == 29 && !leap ? 28 : parts[2]
        return year.padded(4) + "-" + parts[1].padded(2) + "-" + day.padded(2)
    }
}
