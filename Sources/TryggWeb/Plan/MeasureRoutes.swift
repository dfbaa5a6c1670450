import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// One åtgärd: its page with history, and the samordnare's edit, add and retire.
struct MeasureRoutes {
    let deps: AppDependencies

    struct FormValues {
        let sectionOptions: [SelectOption]
        let groupNumber: String
        let groupTitle: String
        let subgroupLabel: String
        let subgroupTitle: String
        let position: String
        let measure: String
        let responsible: String
        let partners: String
        let funding: String
        let preventionOptions: [SelectOption]
        let effortOptions: [SelectOption]
        /// Nil on the form for a new measure.
        let edited: EditedRecordView?
    }

    struct ChangeRow {
        let at: String
        let actor: String
        let action: String
        let before: String
        let after: String
    }

    struct FollowUpLine {
        let year: Int
        let organisation: String
        let status: String
        let description: String
        let returned: Bool
    }

    struct MeasurePage {
        let id: String
        let saveAction: String
        let retireAction: String
        let reinstateAction: String
        let reference: String
        let plan: PlanViews.PlanSummary
        let planHref: String
        let row: PlanViews.MeasureRow
        let section: String
        let group: String
        let subgroup: String
        let fundingKronor: String?
        let preventionLevel: String?
        let longTermEffort: String?
        let history: [ChangeRow]
        let canEdit: Bool
        let form: FormValues
        /// The prioritised problems of the lägesbild in force that this measure addresses.
        let problems: [String]
        let hasProblems: Bool
        let lagesbildHref: String?
        /// Every year's follow-up answer, for this measure and those it was copied from.
        let followUps: [FollowUpLine]
        let hasFollowUps: Bool
        /// The EST group's insatser that carry the measure out (this year's and its earlier copies').
        let insatser: [InsatsLine]
        let hasInsatser: Bool
        /// Survey results followed as the measure's indicators, survey by survey.
        let indicators: [SurveyIndicatorRoutes.Line]
        let hasIndicators: Bool
    }

    struct InsatsLine {
        let week: String
        let what: String
        let place: String
        let status: String
        /// The insats page, for those who may read it.
        let href: String?
    }

    struct NewMeasurePage {
        let plan: PlanViews.PlanSummary
        let planHref: String
        let form: FormValues
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.measure) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.measureSave) { _, context in
            _ = try context.requireUser(allowedTo: .editPlan)
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try context.decodeForm(MeasureForm.self)
            return try await deps.recordLocks.serially(id) {
                // Read inside the queue: another save of this measure may just have landed.
                guard let (stored, _) = try await PlanStore(context.kommun).measure(id: id) else { throw HTTPError(.notFound) }
                return try await EditedRecord.save(form, over: MeasureForm(shown: stored)) { error, status, conflict in
                    try await page(context: context, error: error, status: status, keep: form, conflict: conflict)
                } _: { merged in
                    let edit: PlanStore.MeasureEdit
                    do {
                        edit = try Self.edit(from: merged, year: stored.row.year)
                    } catch let error as ImportFailure {
                        throw FormRefusal(message: Self.messages(error))
                    }
                    try await PlanStore(context.kommun).updateMeasure(id: id, edit: edit, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.measure.path(id), notice: EditedRecord.notice("Åtgärden är sparad.", typed: form, merged: merged), context: context)
                }
            }
        }
        for (route, retired) in [(SiteRoutes.measureRetire, true), (SiteRoutes.measureReinstate, false)] {
            routes.staff(route) { _, context in
                _ = try context.requireUser(allowedTo: .editPlan)
                let id = try context.parameters.require("id", as: UUID.self)
                guard try await PlanStore(context.kommun).measure(id: id) != nil else { throw HTTPError(.notFound) }
                do {
                    try await PlanStore(context.kommun).setRetired(retired, measureID: id, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.measure.path(id), notice: retired ? "Åtgärden är markerad som utgången." : "Åtgärden är återinförd.",
                        context: context)
                } catch let error as StoreError {
                    return try await page(context: context, error: error.description, status: .badRequest)
                }
            }
        }
        routes.staff(SiteRoutes.measureNew) { request, context in try await newPage(request: request, context: context) }
        routes.staff(SiteRoutes.measureCreate) { request, context in
            let (_, plan) = try await PlanRoutes(deps: deps).requirePlan(request: request, context: context, permission: .editPlan)
            let form = try context.decodeForm(MeasureForm.self)
            do {
                let edit = try Self.edit(from: form, year: plan.year)
                let measure = try await PlanStore(context.kommun).addMeasure(
                    planID: plan.id, edit: edit,
                    by: context.actor)
                return Response.seeOther(SiteRoutes.measure.path(measure.id))
            } catch let error as StoreError {
                return try await newPage(request: request, context: context, error: error.description, keep: form)
            } catch let error as ImportFailure {
                return try await newPage(request: request, context: context, error: Self.messages(error), keep: form)
            }
        }
    }

    /// The form is checked by the same rules as an imported file, so the two cannot drift apart.
    static func edit(from form: MeasureForm, year: Int) throws -> PlanStore.MeasureEdit {
        let fields = [
            "year": String(year), "section": form.section, "target_area": "", "group_number": form.groupNumber,
            "group_title": form.groupTitle, "subgroup_label": form.subgroupLabel, "subgroup_title": form.subgroupTitle,
            "position": form.position, "measure": form.measure, "responsible": form.responsible, "partners": form.partners,
            "funding": form.funding,
        ]
        let table = CSVTable(header: PlanCSV.columns, rows: [.init(line: 0, fields: PlanCSV.columns.map { fields[$0] ?? "" })], delimiter: ",")
        let row = try PlanCSV.rows(from: table)[0]
        return PlanStore.MeasureEdit(
            row: row, preventionLevel: PreventionLevel(rawValue: form.preventionLevel),
            longTermEffort: LongTermEffort(rawValue: form.longTermEffort))
    }

    static func messages(_ failure: ImportFailure) -> String {
        failure.problems.map { problem in (problem.column.map { "\(label($0)): " } ?? "") + problem.message }.joined(separator: "\n")
    }

    static func label(_ column: String) -> String {
        [
            "section": "Avsnitt", "group_number": "Grupp", "group_title": "Gruppens rubrik", "subgroup_label": "Undergruppens nummer",
            "subgroup_title": "Undergruppens rubrik", "position": "Position", "measure": "Åtgärd", "responsible": "Ansvarig",
            "partners": "Samverkan", "funding": "Finansiering",
        ][column] ?? column
    }

    /// What the form shows: what was just entered when it failed, else the stored measure.
    static func formValues(_ measure: Measure?, keep typed: MeasureForm?, conflict: RecordConflict<MeasureForm>? = nil) -> FormValues {
        let stored = measure.map(MeasureForm.init(shown:)) ?? MeasureForm()
        let form = typed ?? stored
        return FormValues(
            sectionOptions: PlanViews.sectionOptions(selected: PlanSection(text: form.section)),
            groupNumber: form.groupNumber, groupTitle: form.groupTitle, subgroupLabel: form.subgroupLabel, subgroupTitle: form.subgroupTitle,
            position: form.position, measure: form.measure, responsible: form.responsible, partners: form.partners, funding: form.funding,
            preventionOptions: [SelectOption(value: "", label: "Ej angiven", selected: form.preventionLevel.isEmpty)]
                + PreventionLevel.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == form.preventionLevel) },
            effortOptions: [SelectOption(value: "", label: "Ej angiven", selected: form.longTermEffort.isEmpty)]
                + LongTermEffort.allCases.map { SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == form.longTermEffort) },
            edited: measure.map { _ in EditedRecordView(stored: stored, typed: typed, conflict: conflict) })
    }

    private func page(
        context: StaffContext, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok, keep form: MeasureForm? = nil, conflict: RecordConflict<MeasureForm>? = nil
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readPlan)
        let id = try context.parameters.require("id", as: UUID.self)
        let store = PlanStore(context.kommun)
        guard let (measure, plan) = try await store.measure(id: id) else { throw HTTPError(.notFound) }
        let people = try await PeopleNames.load(context.kommun)
        let history = try await store.history(measureID: id).map {
            ChangeRow(at: SwedishTime.dateTime($0.at), actor: people.name($0.actor), action: $0.action, before: $0.before, after: $0.after)
        }
        let row = measure.row
        let inForce = try await LagesbildStore(context.kommun).find(version: nil)
        let trace = ProblemTrace(problems: inForce?.problems ?? [], lineage: try await store.lineage())
        let problems = trace.problems(answeredBy: id).map(\.title)
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.kommun).organisations().map { ($0.id, $0.abbreviation) })
        let followUps = try await FollowUpStore(context.kommun).answers(measureIDs: trace.ancestry(of: id)).map { year, answer in
            FollowUpLine(
                year: year, organisation: organisations[answer.organisationID] ?? "", status: answer.status.rawValue,
                description: answer.description, returned: answer.state == .returned)
        }
        let insatser = try await InsatsStore(context.kommun).carryingOut(measureIDs: trace.ancestry(of: id)).map { insats in
            InsatsLine(
                week: insats.decidedWeek.swedishName, what: insats.what, place: insats.place, status: insats.status.displayName,
                href: user.role.allows(.readAllIncidents) ? SiteRoutes.insats.path(insats.id) : nil)
        }
        let indicators = try await SurveyIndicatorRoutes.lines(
            measureIDs: trace.ancestry(of: id), measureID: id, canEdit: user.role.allows(.editPlan), scope: context.kommun)
        let view = MeasurePage(
            id: measure.id.uuidString, saveAction: SiteRoutes.measureSave.path(measure.id), retireAction: SiteRoutes.measureRetire.path(measure.id),
            reinstateAction: SiteRoutes.measureReinstate.path(measure.id), reference: measure.reference, plan: PlanViews.summary(plan),
            planHref: SiteRoutes.planYear.path(plan.year, query: [("version", "\(plan.version)")]), row: PlanViews.row(measure), section: row.section.heading,
            group: "\(row.groupNumber). \(row.groupTitle)",
            subgroup: [row.subgroupLabel, row.subgroupTitle].filter { !$0.isEmpty }.joined(separator: " "),
            fundingKronor: Funding(text: row.funding).amountKronor.map { "\($0.formatted(.number.locale(Locale(identifier: "sv_SE")))) kr" },
            preventionLevel: measure.preventionLevel?.rawValue, longTermEffort: measure.longTermEffort?.rawValue,
            history: history, canEdit: user.role.allows(.editPlan) && plan.status == .utkast,
            form: Self.formValues(measure, keep: form, conflict: conflict), problems: problems, hasProblems: !problems.isEmpty,
            lagesbildHref: SiteRoutes.lagesbildDocument.route.isOpen(to: user.role) ? inForce.map { SiteRoutes.lagesbildDocument.path($0.id) } : nil,
            followUps: followUps, hasFollowUps: !followUps.isEmpty,
            insatser: insatser, hasInsatser: !insatser.isEmpty, indicators: indicators, hasIndicators: !indicators.isEmpty)
        return deps.renderer.page(
            .planMeasure, title: "Åtgärd \(measure.reference)", context: context, content: view,
            notice: notice, error: error, status: status)
    }

    private func newPage(request: Request, context: StaffContext, error: String? = nil, keep form: MeasureForm? = nil) async throws -> Response {
        let (_, plan) = try await PlanRoutes(deps: deps).requirePlan(request: request, context: context, permission: .editPlan)
        guard plan.status == .utkast else {
            throw HTTPError(.badRequest, message: "Planen är antagen. Skapa en ny version för att lägga till åtgärder.")
        }
        let view = NewMeasurePage(
            plan: PlanViews.summary(plan), planHref: SiteRoutes.planYear.path(plan.year, query: [("version", "\(plan.version)")]),
            form: Self.formValues(nil, keep: form))
        return deps.renderer.page(
            .planNewMeasure, title: "Ny åtgärd i åtgärdsplan \(plan.year)", context: context, content: view,
            error: error, status: error == nil ? .ok : .badRequest)
    }
}

/// A measure of the åtgärdsplan as the form sends it; checked by the plan file's rules.
struct MeasureForm: Decodable, EditedRecordForm {
    @FormText var section: String
    @FormText var groupNumber: String
    @FormText var groupTitle: String
    @FormText var subgroupLabel: String
    @FormText var subgroupTitle: String
    @FormText var position: String
    @FormText var measure: String
    @FormText var responsible: String
    @FormText var partners: String
    @FormText var funding: String
    @FormText var preventionLevel: String
    @FormText var longTermEffort: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case section, position, measure, responsible, partners, funding
        case groupNumber = "group_number", groupTitle = "group_title", subgroupLabel = "subgroup_label"
        case subgroupTitle = "subgroup_title", preventionLevel = "prevention_level", longTermEffort = "long_term_effort"
        case seen = "sett"
    }

    static let editedFields: [EditedField<MeasureForm>] = [
        .init(name: "section", label: "Målområde eller arbetssätt", path: \.section),
        .init(name: "group_number", label: "Grupp (nr)", path: \.groupNumber),
        .init(name: "position", label: "Position i gruppen", path: \.position),
        .init(name: "group_title", label: "Gruppens rubrik", path: \.groupTitle),
        .init(name: "subgroup_label", label: "Undergrupp", path: \.subgroupLabel),
        .init(name: "subgroup_title", label: "Undergruppens rubrik", path: \.subgroupTitle),
        .init(name: "measure", label: "Åtgärd", path: \.measure),
        .init(name: "responsible", label: "Ansvarig", path: \.responsible),
        .init(name: "partners", label: "Samverkan", path: \.partners),
        .init(name: "funding", label: "Finansiering", path: \.funding),
        .init(name: "prevention_level", label: "Preventionsnivå", path: \.preventionLevel),
        .init(name: "long_term_effort", label: "Prioriterad långsiktig insats", path: \.longTermEffort),
    ]

    init() {}

    /// The form as it shows a stored measure.
    init(shown measure: Measure) {
        let row = measure.row
        section = row.section.rawValue
        groupNumber = String(row.groupNumber)
        groupTitle = row.groupTitle
        subgroupLabel = row.subgroupLabel
        subgroupTitle = row.subgroupTitle
        position = String(row.position)
        self.measure = row.measure
        responsible = row.responsible.joined(separator: "; ")
        partners = row.partners.joined(separator: "; ")
        funding = row.funding
        preventionLevel = measure.preventionLevel?.rawValue ?? ""
        longTermEffort = measure.longTermEffort?.rawValue ?? ""
    }
}
