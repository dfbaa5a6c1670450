import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The åtgärdsplan: read by everyone in the kommun, imported, adopted and copied by samordnare.
struct PlanRoutes {
    let deps: AppDependencies

    struct PlanLink {
        let label: String
        let href: String
        let current: Bool
    }

    struct PlanPage {
        let plan: PlanViews.PlanSummary
        let plans: [PlanLink]
        let sections: [PlanViews.Section]
        let sectionOptions: [SelectOption]
        let organisationOptions: [SelectOption]
        let partner: String
        let statusOptions: [SelectOption]
        let q: String
        let includeRetired: Bool
        let filtered: Bool
        let matchCount: Int
        let totalCount: Int
        let canEdit: Bool
        let exportHref: String
        let exportXlsxHref: String
        let nextYear: Int
        /// The status column's heading, when the plan has a follow-up round.
        let statusHeading: String?
        /// The lägesbild in force's problems as headings, with this plan's measures under each.
        let problems: [PlanViews.ProblemHeading]
        /// The problems of the lägesbild in force are shown to everyone who reads the plan; the
        /// document itself is linked only for roles that may open it.
        let hasLagesbild: Bool
        let lagesbildHref: String?
    }

    struct EmptyPage {
        let canEdit: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.plan) { _, context in
            let user = try context.requireUser(allowedTo: .readPlan)
            if let latest = try await PlanStore(context.kommun).plans().first {
                return Response.seeOther(SiteRoutes.planYear.path(latest.year))
            }
            return deps.renderer.page(
                .planEmpty, title: "Åtgärdsplan", context: context,
                content: EmptyPage(canEdit: user.role.allows(.editPlan)))
        }
        routes.staff(SiteRoutes.planYear) { request, context in try await page(request: request, context: context) }
        routes.staff(SiteRoutes.planExportCSV) { request, context in
            let (_, plan) = try await requirePlan(request: request, context: context)
            let measures = try await PlanStore(context.kommun).measures(planID: plan.id)
            return Response.download(
                PlanCSV.csv(measures.map(\.row)).utf8, contentType: "text/csv; charset=utf-8",
                filename: "atgardsplan-\(plan.year)-v\(plan.version).csv")
        }
        routes.staff(SiteRoutes.planExportXlsx) { request, context in
            let (_, plan) = try await requirePlan(request: request, context: context)
            let measures = try await PlanStore(context.kommun).measures(planID: plan.id)
            return Response.download(
                try PlanFiles.xlsx(measures.map(\.row), year: plan.year), contentType: Response.xlsxType,
                filename: "atgardsplan-\(plan.year)-v\(plan.version).xlsx")
        }
        routes.staff(SiteRoutes.planImport) { _, context in try await importFile(context: context) }
        routes.staff(SiteRoutes.planTemplateCSV) { _, _ in
            Response.download(PlanCSV.csv([]).utf8, contentType: "text/csv; charset=utf-8", filename: "atgardsplan-mall.csv")
        }
        routes.staff(SiteRoutes.planTemplateXlsx) { _, _ in
            let year = StockholmCalendar.local(TryggClock.now).year + 1
            return Response.download(try PlanFiles.xlsx([], year: year), contentType: Response.xlsxType, filename: "atgardsplan-mall.xlsx")
        }
        routes.staff(SiteRoutes.planAdopt) { request, context in
            let (_, plan) = try await requirePlan(request: request, context: context, permission: .editPlan)
            let form = try context.decodeForm(PlanAdoptionForm.self)
            let metadata = PlanMetadata(
                title: form.title, diarienummer: form.diarienummer, adoptedBy: form.adoptedBy, adoptedOn: form.adoptedOn)
            do {
                try await PlanStore(context.kommun).adopt(planID: plan.id, metadata: metadata, by: context.actor)
            } catch let error as StoreError {
                return try await page(request: request, context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.planYear.path(plan.year))
        }
        routes.staff(SiteRoutes.planCopy) { request, context in
            let (_, plan) = try await requirePlan(request: request, context: context, permission: .editPlan)
            let target = try context.decodeForm(PlanCopyForm.self).target == "ny-version" ? plan.year : plan.year + 1
            do {
                let copy = try await PlanStore(context.kommun).copy(
                    planID: plan.id, toYear: target,
                    by: context.actor)
                return Response.seeOther(SiteRoutes.planYear.path(copy.year))
            } catch let error as StoreError {
                return try await page(request: request, context: context, error: error.description, status: .badRequest)
            }
        }
    }

    /// The plan of the year in the path (latest version, or `?version=`), within the user's kommun.
    func requirePlan(request: Request, context: StaffContext, permission: Permission = .readPlan) async throws -> (UserAccount, ActionPlan) {
        let user = try context.requireUser(allowedTo: permission)
        let year = try context.parameters.require("year", as: Int.self)
        let store = PlanStore(context.kommun)
        let plan: ActionPlan?
        if let version = request.uri.queryParameters["version"].flatMap({ Int(String($0)) }) {
            plan = try await store.plans().first { $0.year == year && $0.version == version }
        } else {
            plan = try await store.plan(year: year)
        }
        guard let plan else { throw HTTPError(.notFound) }
        return (user, plan)
    }

    func page(
        request: Request, context: StaffContext, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (user, plan) = try await requirePlan(request: request, context: context)
        let query = request.uri.queryParameters
        let filter = MeasureFilter(
            section: query["avsnitt"].flatMap { PlanSection(text: String($0)) },
            responsibleOrganisation: query["ansvarig"].flatMap { UUID(uuidString: String($0)) },
            partner: String(query["samverkan"] ?? "").prefix(100).description,
            text: String(query["q"] ?? "").prefix(200).description,
            includeRetired: query["utgangna"] != nil)
        let store = PlanStore(context.kommun)
        let all = try await store.measures(planID: plan.id, filter: MeasureFilter(includeRetired: filter.includeRetired))
        let organisations = try await OrganisationStore(context.kommun).organisations()
        // Status comes from the latest follow-up round of this plan ("Ej besvarad" before any answer).
        let wantedStatus = String(query["status"] ?? "")
        var statusByMeasure: [UUID: String] = [:]
        let latestRound = try await FollowUpStore(context.kommun).rounds().first(where: { $0.planID == plan.id })
        if let round = latestRound {
            let answers = try await FollowUpStore(context.kommun).answers(roundID: round.id)
            for line in FollowUpSummary(measures: all, answers: answers, organisations: organisations).lines {
                statusByMeasure[line.measure.id] = FollowUpReport.statusName(line.status)
            }
        }
        let inForce = try await LagesbildStore(context.kommun).find(version: nil)
        let matching = all.filter(filter.matches).filter { wantedStatus.isEmpty || (statusByMeasure[$0.id] ?? "Ej besvarad") == wantedStatus }
        let plans = try await store.plans().map { other in
            PlanLink(
                label: "\(other.year)" + (other.version > 1 ? " v\(other.version)" : "") + (other.status == .utkast ? " (utkast)" : ""),
                href: SiteRoutes.planYear.path(other.year, query: [("version", "\(other.version)")]), current: other.id == plan.id)
        }
        let view = PlanPage(
            plan: PlanViews.summary(plan), plans: plans, sections: PlanViews.sections(matching, statuses: statusByMeasure),
            sectionOptions: PlanViews.sectionOptions(selected: filter.section),
            organisationOptions: PlanViews.organisationOptions(organisations, selected: filter.responsibleOrganisation),
            partner: filter.partner,
            statusOptions: FollowUpReport.statuses.map {
                SelectOption(
                    value: FollowUpReport.statusName($0), label: FollowUpReport.statusName($0),
                    selected: FollowUpReport.statusName($0) == wantedStatus)
            },
            q: filter.text, includeRetired: filter.includeRetired,
            filtered: filter != MeasureFilter(includeRetired: filter.includeRetired) || !wantedStatus.isEmpty,
            matchCount: matching.count, totalCount: all.count, canEdit: user.role.allows(.editPlan),
            exportHref: SiteRoutes.planExportCSV.path(plan.year, query: [("version", "\(plan.version)")]),
            exportXlsxHref: SiteRoutes.planExportXlsx.path(plan.year, query: [("version", "\(plan.version)")]), nextYear: plan.year + 1,
            statusHeading: latestRound.map { "Status \($0.year)" },
            problems: PlanViews.problemHeadings(inForce, measures: all, lineage: try await store.lineage()),
            hasLagesbild: inForce != nil,
            lagesbildHref: SiteRoutes.lagesbildDocument.route.isOpen(to: user.role) ? inForce.map { SiteRoutes.lagesbildDocument.path($0.id) } : nil)
        return deps.renderer.page(
            .plan, title: "Åtgärdsplan \(plan.year)" + (plan.version > 1 ? ", version \(plan.version)" : ""),
            context: context, content: view, notice: notice, error: error, status: status)
    }

    private func importFile(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editPlan)
        func failure(_ message: String) -> Response {
            deps.renderer.page(
                .planEmpty, title: "Import av åtgärdsplan", context: context, content: EmptyPage(canEdit: true),
                error: message, status: .badRequest)
        }
        guard let file = context.files["file"], !file.data.isEmpty else {
            return failure(UploadedFile.absence(of: context.files["file"], choose: "Välj en CSV- eller Excel-fil att importera."))
        }
        let rows: [PlanRow]
        do { rows = try PlanFiles.rows(from: file.data) } catch { return failure(error.description) }
        do {
            let summary = try await PlanStore(context.kommun).importRows(
                rows, source: file.filename,
                by: context.actor)
            return Response.seeOther(SiteRoutes.planYear.path(summary.plan.year, query: [("version", "\(summary.plan.version)")]))
        } catch let error as ImportFailure {
            return failure(error.description)
        } catch let error as StoreError {
            return failure(error.description)
        }
    }
}

/// The decision that adopts a plan.
struct PlanAdoptionForm: Decodable {
    @FormText var title: String
    @FormText var diarienummer: String
    @FormText var adoptedBy: String
    @FormText var adoptedOn: String

    enum CodingKeys: String, CodingKey { case title, diarienummer, adoptedBy = "adopted_by", adoptedOn = "adopted_on" }
}

/// A copy of a plan: a new version of the same year (`ny-version`) or next year's draft.
struct PlanCopyForm: Decodable {
    @FormText var target: String

    enum CodingKeys: String, CodingKey { case target = "mal" }
}
