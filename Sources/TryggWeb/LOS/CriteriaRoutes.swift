import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Assessments of phenomena and networks against the EU criteria for organised crime: the list
/// with each result, a new assessment, one assessment, and the kommun's mandatory criteria. Only
/// the samordnare and the police; every read is audited.
struct CriteriaRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.criteria) { _, context in try await list(context: try allowed(context)) }
        routes.staff(SiteRoutes.criteriaCreate) { _, context in
            let context = try allowed(context)
            let draft = try context.decodeForm(CriteriaForm.self).assessment(id: UUID())
            if let problem = Self.personalData(draft) { return try await list(context: context, form: draft, error: problem, status: .badRequest) }
            do {
                let saved = try await CriteriaStore(context.kommun).save(draft, id: nil, by: context.actor)
                return Response.seeOther(SiteRoutes.criteriaAssessment.path(saved.id), notice: "Bedömningen är sparad.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, form: draft, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.criteriaSettings) { _, context in
            let form = try context.decodeForm(MandatoryForm.self)
            do {
                try await CriteriaStore(context.kommun).saveMandatory(Set(form.numbers.compactMap { Int($0) }), by: context.actor)
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.criteria.path, error: error.description, context: context)
            }
            return Response.seeOther(SiteRoutes.criteria.path, notice: "De obligatoriska kriterierna är sparade.", context: context)
        }
        routes.staff(SiteRoutes.criteriaAssessment) { _, context in
            let context = try allowed(context)
            return try await page(try await assessment(context), context: context)
        }
        routes.staff(SiteRoutes.criteriaSave) { _, context in
            let context = try allowed(context)
            let typed = try context.decodeForm(CriteriaForm.self)
            return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
                let existing = try await assessment(context)
                return try await EditedRecord.save(typed, over: CriteriaForm(shown: existing)) { error, status, conflict in
                    try await page(existing, context: context, form: typed, conflict: conflict, error: error, status: status)
                } _: { merged in
                    let changed = merged.assessment(id: existing.id)
                    if let problem = Self.personalData(changed) { throw FormRefusal(message: problem) }
                    try await CriteriaStore(context.kommun).save(changed, id: existing.id, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.criteriaAssessment.path(existing.id),
                        notice: EditedRecord.notice("Bedömningen är sparad.", typed: typed, merged: merged), context: context)
                }
            }
        }
    }

    /// The police among the partners; the housing company and other partners get 403.
    func allowed(_ context: StaffContext) throws -> StaffContext {
        guard EUCriteria.mayAssess(context.user) else { throw HTTPError(.forbidden) }
        return context
    }

    /// The assessment is of a phenomenon or network, never of a person.
    static func personalData(_ assessment: CriteriaAssessment) -> String? {
        PersonalDataGuard.message(
            for: ([assessment.title, assessment.description, assessment.assessedBy] + assessment.criteria.map(\.evidence)).joined(separator: "\n"),
            field: "Bedömningen")
    }

    func assessment(_ context: StaffContext) async throws -> CriteriaAssessment {
        guard let assessment = try await CriteriaStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self), by: context.actor) else {
            throw HTTPError(.notFound, message: "Bedömningen finns inte.")
        }
        return assessment
    }

    struct Row {
        let title: String
        let href: String
        let assessedOn: String
        let met: Int
        let result: String
        let fulfils: Bool
    }

    struct ListView {
        let rows: [Row]
        let mandatoryText: String
        let canConfigure: Bool
        let settingsAction = SiteRoutes.criteriaSettings.path
        let settings: [CriteriaFormView.Choice]
        let form: CriteriaFormView
    }

    func list(context: StaffContext, form: CriteriaAssessment? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = CriteriaStore(context.kommun)
        let mandatory = try await store.mandatory()
        let rows = try await store.all(by: context.actor).map { assessment in
            let outcome = assessment.outcome(mandatory: mandatory)
            return Row(
                title: assessment.title, href: SiteRoutes.criteriaAssessment.path(assessment.id), assessedOn: assessment.assessedOn, met: outcome.met,
                result: outcome.fulfils ? "Uppfyller definitionen" : "Uppfyller inte definitionen", fulfils: outcome.fulfils)
        }
        let today = StockholmCalendar.local(TryggClock.now).dateText
        let blank = CriteriaAssessment(
            id: UUID(), title: "", description: "", assessedOn: today, assessedBy: "",
            criteria: EUCriteria.all.map { .init(number: $0.number, met: false, evidence: "") })
        let view = ListView(
            rows: rows, mandatoryText: CriteriaFormView.mandatoryText(mandatory), canConfigure: context.user.role.allows(.configureOrganisedCrime),
            settings: EUCriteria.all.map {
                .init(id: "obligatorisk-\($0.number)", value: "\($0.number)", label: "\($0.number). \($0.text)", checked: mandatory.contains($0.number))
            },
            form: CriteriaFormView(form ?? blank, mandatory: mandatory, action: SiteRoutes.criteriaCreate.path))
        return deps.renderer.page(
            .criteria, title: "EU:s kriterier för organiserad brottslighet", context: context, content: view, error: error, status: status)
    }

    /// The assessment as stored, read first; the form to change it is folded away unless a
    /// change was just refused.
    struct PageView {
        let result: String
        let fulfils: Bool
        let mandatoryText: String
        let stored: CriteriaFormView
        let form: CriteriaFormView
        let editing: Bool
        /// The fingerprints the form was shown with and what collided.
        let edited: EditedRecordView
    }

    func page(
        _ assessment: CriteriaAssessment, context: StaffContext, form: CriteriaForm? = nil, conflict: RecordConflict<CriteriaForm>? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let mandatory = try await CriteriaStore(context.kommun).mandatory()
        let outcome = assessment.outcome(mandatory: mandatory)
        let action = SiteRoutes.criteriaSave.path(assessment.id)
        let view = PageView(
            result: outcome.text, fulfils: outcome.fulfils, mandatoryText: CriteriaFormView.mandatoryText(mandatory),
            stored: CriteriaFormView(assessment, mandatory: mandatory, action: action),
            form: CriteriaFormView(form?.assessment(id: assessment.id) ?? assessment, mandatory: mandatory, action: action), editing: form != nil,
            edited: EditedRecordView(stored: CriteriaForm(shown: assessment), typed: form, conflict: conflict) { field, value in
                field.hasPrefix("uppfyllt") ? (value.isEmpty ? "Inte uppfyllt" : "Uppfyllt") : value
            })
        return deps.renderer.page(.criteriaAssessment, title: assessment.title, context: context, content: view, error: error, status: status)
    }
}

struct MandatoryForm: Decodable {
    @FormChoices var numbers: [String]
    enum CodingKeys: String, CodingKey { case numbers = "obligatorisk" }
}

/// The assessment form: the description, and per criterion whether it is met and on what evidence.
struct CriteriaForm: Decodable, EditedRecordForm {
    @FormText var title: String
    @FormRaw var description: String
    @FormText var assessedOn: String
    @FormText var assessedBy: String
    @FormChoices var met: [String]
    @FormChoices var evidence: [String]
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case title = "rubrik", description = "beskrivning", assessedOn = "datum", assessedBy = "bedomare", met = "uppfyllt", evidence = "underlag"
        case seen = "sett"
    }

    // Each criterion's box and evidence merge on their own: one person may assess criterion 3
    // while another writes the evidence for criterion 7.
    static let editedFields: [EditedField<CriteriaForm>] =
        [
            .init(name: "rubrik", label: "Fenomen eller nätverk", path: \.title), .init(name: "beskrivning", label: "Beskrivning", path: \.description),
            .init(name: "datum", label: "Bedömd den", path: \.assessedOn), .init(name: "bedomare", label: "Bedömd av", path: \.assessedBy),
        ]
        + EUCriteria.all.flatMap { criterion in
            [
                EditedField(name: "uppfyllt-\(criterion.number)", label: "Kriterium \(criterion.number)", path: \CriteriaForm.[met: criterion.number]),
                EditedField(
                    name: "underlag-\(criterion.number)", label: "Underlag för kriterium \(criterion.number)", path: \CriteriaForm.[evidence: criterion.number]),
            ]
        }

    init() {}

    /// The form as it shows a stored assessment.
    init(shown assessment: CriteriaAssessment) {
        title = assessment.title
        description = assessment.description
        assessedOn = assessment.assessedOn
        assessedBy = assessment.assessedBy
        for criterion in assessment.criteria {
            self[met: criterion.number] = criterion.met ? "ja" : ""
            self[evidence: criterion.number] = criterion.evidence
        }
    }

    /// Whether criterion `number` is ticked: "ja" or "".
    subscript(met number: Int) -> String {
        get { met.contains(String(number)) ? "ja" : "" }
        set {
            met.removeAll { $0 == String(number) }
            if !newValue.isEmpty { met.append(String(number)) }
        }
    }

    /// The evidence for criterion `number` (the form sends one per criterion, in order).
    subscript(evidence number: Int) -> String {
        get { number - 1 < evidence.count ? evidence[number - 1] : "" }
        set {
            while evidence.count < number { evidence.append("") }
            evidence[number - 1] = newValue
        }
    }

    func assessment(id: UUID) -> CriteriaAssessment {
        let met = Set(met.compactMap { Int($0) })
        return CriteriaAssessment(
            id: id, title: title, description: description.trimmingCharacters(in: .whitespacesAndNewlines), assessedOn: assessedOn, assessedBy: assessedBy,
            criteria: EUCriteria.all.map { criterion in
                let index = criterion.number - 1
                return .init(
                    number: criterion.number, met: met.contains(criterion.number),
                    evidence: index < evidence.count ? evidence[index].trimmingCharacters(in: .whitespacesAndNewlines) : "")
            })
    }
}

struct CriteriaFormView {
    typealias Choice = CheckboxOption

    struct Line {
        let number: Int
        let text: String
        let mandatory: Bool
        let met: Bool
        let evidence: String
    }

    let action: String
    let title: String
    let description: String
    let assessedOn: String
    let assessedBy: String
    let lines: [Line]

    init(_ assessment: CriteriaAssessment, mandatory: Set<Int>, action: String) {
        self.action = action
        title = assessment.title
        description = assessment.description
        assessedOn = assessment.assessedOn
        assessedBy = assessment.assessedBy
        let given = Dictionary(assessment.criteria.map { ($0.number, $0) }) { a, _ in a }
        lines = EUCriteria.all.map {
            Line(
                number: $0.number, text: $0.text, mandatory: mandatory.contains($0.number), met: given[$0.number]?.met ?? false,
                evidence: given[$0.number]?.evidence ?? "")
        }
    }

    static func mandatoryText(_ mandatory: Set<Int>) -> String {
        let list = mandatory.sorted().map(String.init).joined(separator: ", ")
        let source =
            mandatory == EUCriteria.programmeMandatory ? " (programmets läsning)" : mandatory == EUCriteria.policeMandatory ? " (polisen.se:s läsning)" : ""
        return
            "Minst \(EUCriteria.required) av 11 kriterier, och alla obligatoriska: \(list.isEmpty ? "inga" : list)\(source). Programmet anger 1–4 som obligatoriska, polisen.se 1, 3, 5 och 11."
    }
}
