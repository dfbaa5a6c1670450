import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The lägesbild document: versions, the draft's sections and prioritised problems, and the
/// decision. Samordnare and analytiker write drafts, the police add their assessment of
/// kriminell påverkan to a draft, the samordnare decides, partners read the decided versions.
struct LagesbildDocumentRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.lagesbildSection) { _, _ in Response.redirect(to: SiteRoutes.lagesbildDocuments.path, type: .normal) }
        routes.staff(SiteRoutes.lagesbildDocuments) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.lagesbildCreate) { _, context in
            let form = try context.decodeForm(NewLagesbildForm.self)
            do {
                let draft = try await LagesbildStore(context.kommun).createDraft(periodFrom: form.periodFrom, periodTo: form.periodTo, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.lagesbildDocument.path(draft.id), notice: "Version \(draft.version) är skapad som utkast.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.lagesbildDocument) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.lagesbildReport) { _, context in
            let report = try await report(context: context)
            return deps.renderer.html(.reportLagesbild, report.htmlView(stylesheet: StaticFiles.path("report.css"), inlineStyle: nil))
        }
        routes.staff(SiteRoutes.lagesbildReportDocx) { _, context in
            let report = try await report(context: context)
            return Response.download(
                try report.docx(), contentType: Response.docxType, filename: "lagesbild-version-\(report.document.version).docx")
        }
        routes.staff(SiteRoutes.lagesbildTexts) { _, context in
            let form = try context.decodeForm(LagesbildTextsForm.self)
            var notice = "Texterna är sparade."
            return try await change(context, done: notice, typed: .init(texts: form)) { store, id in
                try await store.saveTexts(form.texts, periodFrom: form.periodFrom, periodTo: form.periodTo, of: id, seen: form.seen, by: context.actor)
                if let saved = try await store.find(id: id)?.text {
                    let typed = form.texts
                    notice = EditedTextField.notice(
                        notice,
                        typed: [
                            ("Kartläggning", typed.mapping), ("Annan information", typed.otherInformation), ("Analys", typed.analysis),
                            ("Kriminell påverkan", typed.criminalInfluence),
                        ], stored: [saved.mapping, saved.otherInformation, saved.analysis, saved.criminalInfluence])
                }
            }
        }
        routes.staff(SiteRoutes.lagesbildPolice) { _, context in
            guard LagesbildRules.mayWritePoliceAssessment(context.user) else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(PoliceAssessmentForm.self)
            var notice = "Polisens bedömning är sparad."
            return try await change(context, done: notice, typed: .init(police: form)) { store, id in
                try await store.savePoliceAssessment(form.text, of: id, seen: form.seen, by: context.actor)
                let saved = try await store.find(id: id)?.text.policeAssessment ?? form.text
                notice = EditedTextField.notice(notice, typed: [("Polisens bedömning", form.text)], stored: [saved])
            }
        }
        routes.staff(SiteRoutes.lagesbildNextPlan) { _, context in try await nextPlan(context) }
        routes.staff(SiteRoutes.lagesbildProblemAdd) { _, context in
            let form = try context.decodeForm(ProblemForm.self)
            return try await change(context, done: "Problemet är tillagt.", typed: .init(problem: form)) { store, id in
                try await store.saveProblem(try form.problem(id: UUID()), in: id, by: context.actor)
            }
        }
        routes.staff(SiteRoutes.lagesbildProblemSave) { _, context in
            let problemID = try context.parameters.require("problem", as: UUID.self)
            let form = try context.decodeForm(ProblemForm.self)
            var notice = "Problemet är sparat."
            return try await change(context, done: notice, typed: .init(problem: form, problemID: problemID)) { store, id in
                guard try await store.find(id: id)?.problems.contains(where: { $0.id == problemID }) == true else {
                    throw StoreError.notFound("Problemet")
                }
                let problem = try form.problem(id: problemID)
                try await store.saveProblem(problem, in: id, seen: form.seen, by: context.actor)
                if let saved = try await store.find(id: id)?.problems.first(where: { $0.id == problemID }) {
                    notice = EditedTextField.notice(
                        notice, typed: [("Brottsutsatta", problem.victims), ("Gärningspersoner", problem.offenders), ("Platsen", problem.place)],
                        stored: [saved.victims, saved.offenders, saved.place])
                }
            }
        }
        routes.staff(SiteRoutes.lagesbildProblemRemove) { _, context in
            let problemID = try context.parameters.require("problem", as: UUID.self)
            return try await change(context, done: "Problemet är borttaget.") { store, id in
                try await store.removeProblem(problemID, from: id, by: context.actor)
            }
        }
        routes.staff(SiteRoutes.lagesbildDecide) { _, context in
            let form = try context.decodeForm(LagesbildDecisionForm.self)
            return try await change(context, done: "Lägesbilden är beslutad och gäller från och med nu.") { store, id in
                try await store.decide(id, decision: form.decision, by: context.actor)
            }
        }
    }

    /// A change to one version: another kommun's id is 404, a refusal re-renders the page with 400
    /// and the form as it was sent (`typed`), a collision with someone else's save with 409.
    private func change(
        _ context: StaffContext, done: @autoclosure () -> String, typed: LagesbildViews.Typed = .init(),
        _ body: (LagesbildStore, UUID) async throws -> Void
    ) async throws -> Response {
        let id = try context.parameters.require("id", as: UUID.self)
        do {
            try await body(LagesbildStore(context.kommun), id)
        } catch StoreError.notFound {
            throw HTTPError(.notFound)
        } catch let error as StoreError {
            return try await page(context: context, error: error.description, typed: typed, status: .badRequest)
        } catch let conflict as EditConflict {
            var typed = typed
            typed.conflict = conflict
            return try await page(context: context, error: conflict.description, typed: typed, status: .conflict)
        }
        return Response.seeOther(SiteRoutes.lagesbildDocument.path(id), notice: done(), context: context)
    }

    /// Next year's åtgärdsplan as a draft from a decided lägesbild: the latest plan's measures
    /// that are still running (not retired) are carried over, and the plan page puts the
    /// lägesbild's problems above them as headings, each with the measures that answer it.
    private func nextPlan(_ context: StaffContext) async throws -> Response {
        let document = try await readable(context)
        guard document.status == .beslutad else {
            return try await page(context: context, error: "Ett nästa års utkast tas fram ur den beslutade lägesbilden.", status: .badRequest)
        }
        let plans = PlanStore(context.kommun)
        // The latest adopted plan is the one in force; a draft of the next year is the result, not a source.
        // `plans()` comes newest first: the first adopted one, or without any the latest draft.
        let all = try await plans.plans()
        guard let source = all.first(where: { $0.status == .antagen }) ?? all.first else {
            return try await page(context: context, error: "Kommunen har ingen åtgärdsplan att bygga vidare på.", status: .badRequest)
        }
        do {
            let draft = try await plans.copy(planID: source.id, toYear: source.year + 1, by: context.actor)
            let count = try await plans.measures(planID: draft.id).count
            return Response.seeOther(
                SiteRoutes.planYear.path(draft.year, query: [("version", "\(draft.version)")]),
                notice:
                    "Utkastet till åtgärdsplan \(draft.year) har \(SwedishGrammar.count(count, "pågående åtgärd", "pågående åtgärder")) från planen \(source.year), "
                    + "under lägesbildens \(document.problems.count) prioriterade problem.", context: context)
        } catch let error as StoreError {
            return try await page(context: context, error: error.description, status: .badRequest)
        }
    }

    private func list(context: StaffContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = context.user
        let canEdit = user.role.allows(.editLagesbild)
        let versions = try await LagesbildStore(context.kommun).all().filter { canEdit || $0.status != .utkast }
        let view = LagesbildViews.ListView(
            rows: versions.map(LagesbildViews.ListRow.init), hasRows: !versions.isEmpty, canEdit: canEdit,
            createAction: SiteRoutes.lagesbildCreate.path, figuresHref: SiteRoutes.crimeFigures.path, sourcesHref: SiteRoutes.sources.path,
            defaultFrom: "\(StockholmCalendar.local(TryggClock.now).year - 2)-01-01",
            defaultTo: "\(StockholmCalendar.local(TryggClock.now).year - 1)-12-31",
            criteriaHref: EUCriteria.mayAssess(user) ? SiteRoutes.criteria.path : nil)
        return deps.renderer.page(.lagesbildDocuments, title: "Lägesbild", context: context, content: view, error: error, status: status)
    }

    /// The version of the path, if this user may read it: drafts only for those who write them.
    private func readable(_ context: StaffContext) async throws -> LagesbildDocument {
        let id = try context.parameters.require("id", as: UUID.self)
        guard let document = try await LagesbildStore(context.kommun).find(id: id),
            document.status != .utkast || LagesbildRules.mayWritePoliceAssessment(context.user)
        else { throw HTTPError(.notFound) }
        return document
    }

    private func report(context: StaffContext) async throws -> LagesbildReport {
        try await LagesbildReport.load(try await readable(context), kommun: context.user.kommun, database: context.kommun.database)
    }

    private func page(
        context: StaffContext, error: String? = nil, typed: LagesbildViews.Typed = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = context.user
        let document = try await readable(context)
        let view = try await LagesbildViews.document(document, for: user, kommun: context.kommun, typed: typed)
        return deps.renderer.page(
            .lagesbildDocument, title: "Lägesbild version \(document.version)", context: context, content: view, error: error, status: status)
    }
}
