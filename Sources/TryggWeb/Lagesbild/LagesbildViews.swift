import Foundation
import TryggCore
import TryggStore

/// What the lägesbild pages show, and the forms they send.
enum LagesbildViews {
    struct ListRow {
        let version: Int
        let status: String
        let period: String
        let decision: String
        let href: String

        init(_ document: LagesbildDocument) {
            version = document.version
            status = document.status.label
            period = "\(document.periodFrom) – \(document.periodTo)"
            decision = document.decision.map { "\($0.decidedBy) \($0.decidedOn)" + ($0.diarienummer.isEmpty ? "" : ", \($0.diarienummer)") } ?? ""
            href = SiteRoutes.lagesbildDocument.path(document.id)
        }
    }

    struct ListView {
        let rows: [ListRow]
        let hasRows: Bool
        let canEdit: Bool
        let createAction: String
        let figuresHref: String
        let sourcesHref: String
        let defaultFrom: String
        let defaultTo: String
        /// The EU criteria assessments, for the samordnare and the police.
        let criteriaHref: String?
        let policeAreasHref = SiteRoutes.policeAreas.path
        let influenceHref = SiteRoutes.influence.path
    }

    struct MeasureLink {
        let number: String
        let text: String
        let href: String
    }

    struct ProblemView {
        let id: String
        let title: String
        let area: String
        let reasons: String
        let victims: String
        let offenders: String
        let place: String
        let measures: [MeasureLink]
        let hasMeasures: Bool
        let noMeasureReason: String
        let saveAction: String
        let removeAction: String
        /// The edit form's fields: the stored problem, or what a refused save sent.
        let form: ProblemFields
        /// A refused save opens its form again.
        let open: Bool
    }

    /// The fields of a problem's form (the `lagesbild-problem-fields` partial).
    struct ProblemFields {
        let id: String
        let title: String
        let area: String
        /// Brå's triangle, each a text others may edit at the same time.
        let victims: EditedTextField
        let offenders: EditedTextField
        let place: EditedTextField
        let noMeasureReason: String
        let reasonChoices: [Choice]
        let measureOptions: [SelectOption]
    }

    /// What a refused form sent, shown again in its fields instead of the stored text.
    struct Typed {
        var texts: LagesbildTextsForm?
        var police: PoliceAssessmentForm?
        /// A problem's form; `problemID` nil is the form for a new one.
        var problem: ProblemForm?
        var problemID: UUID?
        var conflict: EditConflict?
    }

    struct Choice {
        let value: String
        let label: String
        let checked: Bool
        let id: String
    }

    struct SourceLine {
        let name: String
        let included: Bool
        let reason: String
    }

    struct DocumentView {
        let version: Int
        let status: String
        let isDraft: Bool
        let periodFrom: String
        let periodTo: String
        let decision: LagesbildDocument.Decision?
        let mapping: String
        let otherInformation: String
        let analysis: String
        let criminalInfluence: String
        let policeAssessment: String
        /// The draft's form: period and sections as stored, or as a refused save sent them.
        let formPeriodFrom: String
        let formPeriodTo: String
        let sections: [EditedTextField]
        let policeField: EditedTextField
        let figureChoices: [Choice]
        /// The tables, maps and charts the document carries, as chosen under the texts.
        let figuresChosen: [String]
        let hasFiguresChosen: Bool
        let canWritePolice: Bool
        let policeAction: String
        /// A decided version can seed next year's plan, for those who edit plans.
        let canDraftNextPlan: Bool
        let nextPlanAction: String
        let sources: [SourceLine]
        let hasSources: Bool
        let problems: [ProblemView]
        let hasProblems: Bool
        let canEdit: Bool
        let canDecide: Bool
        let textsAction: String
        let problemAddAction: String
        let decideAction: String
        let newProblem: ProblemFields
        let today: String
        let listHref: String
        let figuresHref: String
        let sourcesHref: String
        let reportHref: String
        let reportDocxHref: String
    }

    static func reasonChoices(_ chosen: [PrioritisedProblem.Reason], prefix: String) -> [Choice] {
        PrioritisedProblem.Reason.allCases.map {
            Choice(value: $0.rawValue, label: $0.label, checked: chosen.contains($0), id: "\(prefix)-\($0.rawValue)")
        }
    }

    static func document(
        _ document: LagesbildDocument, for user: UserAccount, kommun: KommunScope, typed: Typed = Typed()
    ) async throws -> DocumentView {
        let isDraft = document.status == .utkast
        let plans = try await PlanStore(kommun).plans()
        // The measures a draft can point at: those of the latest plan, and whatever a problem already names.
        let latest = plans.max { ($0.year, $0.version) < ($1.year, $1.version) }
        var offered: [Measure] = []
        if let latest { offered = try await PlanStore(kommun).measures(planID: latest.id).filter { !$0.retired } }
        let named = Set(document.problems.flatMap(\.measureIDs))
        let known = Dictionary(uniqueKeysWithValues: offered.map { ($0.id, $0) })
            .merging(try await PlanStore(kommun).measures(ids: named.subtracting(offered.map(\.id)))) { offered, _ in offered }
        func options(_ chosen: [UUID]) -> [SelectOption] {
            offered.map {
                SelectOption(value: $0.id.uuidString, label: $0.label(), selected: chosen.contains($0.id))
            }
        }
        let sources = try await SourceStore(kommun).all()
        let conflict = typed.conflict
        func fields(_ id: String, _ problem: PrioritisedProblem?, typed: ProblemForm?) -> ProblemFields {
            let reasons = typed.map { $0.reasons.compactMap(PrioritisedProblem.Reason.init(rawValue:)) } ?? problem?.reasons ?? []
            func text(_ name: String, _ key: String, _ label: String, _ stored: String?, _ sent: String?, _ sentSeen: String?) -> EditedTextField {
                EditedTextField(
                    name: name, id: "\(name)-\(id)", label: label, stored: stored ?? "", rows: 3, maxLength: 4_000, typed: sent, typedSeen: sentSeen,
                    conflictKey: key, conflict: typed == nil ? nil : conflict)
            }
            return ProblemFields(
                id: id, title: typed?.title ?? problem?.title ?? "", area: typed?.area ?? problem?.area ?? "",
                victims: text("utsatta", "victims", "Brottsutsatta", problem?.victims, typed?.victims, typed?.seenVictims),
                offenders: text("garningspersoner", "offenders", "Gärningspersoner", problem?.offenders, typed?.offenders, typed?.seenOffenders),
                place: text("plats", "place", "Platsen", problem?.place, typed?.place, typed?.seenPlace),
                noMeasureReason: typed?.noMeasureReason ?? problem?.noMeasureReason ?? "",
                reasonChoices: reasonChoices(reasons, prefix: id),
                measureOptions: options(typed.map { $0.measures.compactMap(UUID.init(uuidString:)) } ?? problem?.measureIDs ?? []))
        }
        let problems = document.problems.map { problem in
            let measures = problem.measureIDs.compactMap { known[$0] }.map {
                MeasureLink(number: $0.reference, text: $0.row.measure, href: SiteRoutes.measure.path($0.id))
            }
            let typedHere = typed.problemID == problem.id ? typed.problem : nil
            return ProblemView(
                id: problem.id.uuidString, title: problem.title, area: problem.area, reasons: problem.reasons.map(\.label).joined(separator: ", "),
                victims: problem.victims, offenders: problem.offenders, place: problem.place, measures: measures, hasMeasures: !measures.isEmpty,
                noMeasureReason: problem.noMeasureReason, saveAction: SiteRoutes.lagesbildProblemSave.path(document.id, problem.id),
                removeAction: SiteRoutes.lagesbildProblemRemove.path(document.id, problem.id),
                form: fields(problem.id.uuidString, problem, typed: typedHere), open: typedHere != nil)
        }
        let sent = typed.texts
        func section(_ name: String, _ key: String, _ label: String, _ stored: String, _ typedText: String?, _ typedSeen: String?, rows: Int) -> EditedTextField
        {
            EditedTextField(
                name: name, label: label, stored: stored, rows: rows, maxLength: 20_000, typed: typedText, typedSeen: typedSeen,
                conflictKey: key, conflict: typed.conflict)
        }
        let text = document.text
        let sections = [
            section(
                "kartlaggning", "mapping", "Kartläggning: brotten, deras omfattning och konsekvenser", text.mapping, sent?.mapping, sent?.seenMapping, rows: 8),
            section(
                "annan_information", "otherInformation", "Annan information av betydelse", text.otherInformation, sent?.otherInformation,
                sent?.seenOtherInformation, rows: 6),
            section("analys", "analysis", "Analys", text.analysis, sent?.analysis, sent?.seenAnalysis, rows: 8),
            section(
                "kriminell_paverkan", "criminalInfluence", "Kriminell påverkan per område (bedömd med polisen)", text.criminalInfluence,
                sent?.criminalInfluence, sent?.seenCriminalInfluence, rows: 6),
        ]
        let police = section(
            "polisens_bedomning", "policeAssessment", "Polisens bedömning av kriminell påverkan per område", text.policeAssessment,
            typed.police?.text, typed.police?.seen, rows: 6)
        let figures = sent.map { Set($0.figures.compactMap(LagesbildDocument.Figure.init(rawValue:))) } ?? text.figures
        return DocumentView(
            version: document.version, status: document.status.label, isDraft: isDraft, periodFrom: document.periodFrom,
            periodTo: document.periodTo, decision: document.decision, mapping: document.text.mapping,
            otherInformation: document.text.otherInformation, analysis: document.text.analysis,
            criminalInfluence: document.text.criminalInfluence, policeAssessment: document.text.policeAssessment,
            formPeriodFrom: sent?.periodFrom ?? document.periodFrom, formPeriodTo: sent?.periodTo ?? document.periodTo,
            sections: sections, policeField: police,
            figureChoices: LagesbildDocument.Figure.allCases.map {
                Choice(value: $0.rawValue, label: $0.label, checked: figures.contains($0), id: "figur-\($0.rawValue)")
            },
            figuresChosen: LagesbildDocument.Figure.allCases.filter(document.text.figures.contains).map(\.label),
            hasFiguresChosen: !document.text.figures.isEmpty,
            canWritePolice: isDraft && LagesbildRules.mayWritePoliceAssessment(user), policeAction: SiteRoutes.lagesbildPolice.path(document.id),
            canDraftNextPlan: document.status == .beslutad && user.role.allows(.editPlan),
            nextPlanAction: SiteRoutes.lagesbildNextPlan.path(document.id),
            sources: sources.map { SourceLine(name: $0.name, included: $0.included, reason: $0.reason) }, hasSources: !sources.isEmpty,
            problems: problems, hasProblems: !problems.isEmpty, canEdit: isDraft && user.role.allows(.editLagesbild),
            canDecide: isDraft && user.role.allows(.decideLagesbild), textsAction: SiteRoutes.lagesbildTexts.path(document.id),
            problemAddAction: SiteRoutes.lagesbildProblemAdd.path(document.id), decideAction: SiteRoutes.lagesbildDecide.path(document.id),
            newProblem: fields("ny", nil, typed: typed.problemID == nil ? typed.problem : nil),
            today: SwedishTime.date(TryggClock.now),
            listHref: SiteRoutes.lagesbildDocuments.path, figuresHref: SiteRoutes.crimeFigures.path, sourcesHref: SiteRoutes.sources.path,
            reportHref: SiteRoutes.lagesbildReport.path(document.id), reportDocxHref: SiteRoutes.lagesbildReportDocx.path(document.id))
    }
}

/// A new version: the period it describes.
struct NewLagesbildForm: Decodable {
    @FormText var periodFrom: String
    @FormText var periodTo: String

    enum CodingKeys: String, CodingKey { case periodFrom = "fran", periodTo = "till" }
}

/// The draft's period and section texts, kept as written.
struct LagesbildTextsForm: Decodable {
    @FormText var periodFrom: String
    @FormText var periodTo: String
    @FormRaw var mapping: String
    @FormRaw var otherInformation: String
    @FormRaw var analysis: String
    @FormRaw var criminalInfluence: String
    @FormChoices var figures: [String]
    @FormText var seenMapping: String
    @FormText var seenOtherInformation: String
    @FormText var seenAnalysis: String
    @FormText var seenCriminalInfluence: String

    enum CodingKeys: String, CodingKey {
        case periodFrom = "fran", periodTo = "till", mapping = "kartlaggning", otherInformation = "annan_information"
        case analysis = "analys", criminalInfluence = "kriminell_paverkan", figures = "figur"
        case seenMapping = "sett_kartlaggning", seenOtherInformation = "sett_annan_information", seenAnalysis = "sett_analys"
        case seenCriminalInfluence = "sett_kriminell_paverkan"
    }

    /// The fingerprints the form showed, keyed as `LagesbildStore.saveTexts` reads them.
    var seen: [String: String] {
        ["mapping": seenMapping, "otherInformation": seenOtherInformation, "analysis": seenAnalysis, "criminalInfluence": seenCriminalInfluence]
    }

    /// An unknown figure code is ignored: the choice is a set of checkboxes.
    var texts: LagesbildDocument.Texts {
        .init(
            mapping: mapping, otherInformation: otherInformation, analysis: analysis, criminalInfluence: criminalInfluence,
            figures: Set(figures.compactMap(LagesbildDocument.Figure.init(rawValue:))))
    }
}

/// The police's assessment of kriminell påverkan, as they write it.
struct PoliceAssessmentForm: Decodable {
    @FormRaw var text: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case text = "polisens_bedomning", seen = "sett_polisens_bedomning" }
}

/// A prioritised problem: why it is prioritised (`skal[]`), Brå's triangle, and the measures
/// (`atgarder[]`) or the reason there are none.
struct ProblemForm: Decodable {
    @FormText var title: String
    @FormText var area: String
    @FormChoices var reasons: [String]
    @FormRaw var victims: String
    @FormRaw var offenders: String
    @FormRaw var place: String
    @FormChoices var measures: [String]
    @FormText var noMeasureReason: String
    @FormText var seenVictims: String
    @FormText var seenOffenders: String
    @FormText var seenPlace: String

    enum CodingKeys: String, CodingKey {
        case title = "titel", area = "omrade", reasons = "skal", victims = "utsatta", offenders = "garningspersoner", place = "plats"
        case measures = "atgarder", noMeasureReason = "utan_atgard"
        case seenVictims = "sett_utsatta", seenOffenders = "sett_garningspersoner", seenPlace = "sett_plats"
    }

    /// The fingerprints the form showed, keyed as `LagesbildStore.saveProblem` reads them.
    var seen: [String: String] { ["victims": seenVictims, "offenders": seenOffenders, "place": seenPlace] }

    func problem(id: UUID) throws -> PrioritisedProblem {
        let reasons = try self.reasons.map { code in
            guard let reason = PrioritisedProblem.Reason(rawValue: code) else { throw StoreError.invalid("Okänt skäl ”\(code.prefix(40))”.") }
            return reason
        }
        let measures = try self.measures.map { text in
            guard let id = UUID(uuidString: text) else { throw StoreError.invalid("En vald åtgärd finns inte i kommunens planer.") }
            return id
        }
        return PrioritisedProblem(
            id: id, title: title, area: area, reasons: reasons, victims: victims, offenders: offenders, place: place, measureIDs: measures,
            noMeasureReason: noMeasureReason)
    }
}

/// The decision; without a date for the next lägesbild it is due 24 months after the decision.
struct LagesbildDecisionForm: Decodable {
    @FormText var decidedBy: String
    @FormText var decidedOn: String
    @FormText var diarienummer: String
    @FormText var nextDue: String

    enum CodingKeys: String, CodingKey {
        case decidedBy = "beslutat_av", decidedOn = "beslutsdatum", diarienummer, nextDue = "nasta"
    }

    var decision: LagesbildDocument.Decision {
        .init(
            decidedBy: decidedBy, decidedOn: decidedOn, diarienummer: diarienummer,
            nextDue: nextDue.isEmpty ? LagesbildRules.nextDue(after: decidedOn) ?? "" : nextDue)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
