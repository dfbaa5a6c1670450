import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Kriminell påverkan per district, assessed yearly with the police on the kommun's scale: the
/// districts over the years, each year's motivation, and the form for the samordnare, the
/// analytiker and the police. It feeds section 5 of the strategic lägesbild.
struct InfluenceRoutes {
    let deps: AppDependencies

    /// The lägesbild's writers and the police assess; everyone who reads the figures sees it.
    static func mayAssess(_ user: UserAccount) -> Bool {
        user.role.allows(.editLagesbild) || (user.role == .partner && user.organisation.isPolice)
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.influence) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.influenceSave) { _, context in
            guard Self.mayAssess(context.user) else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(InfluenceForm.self)
            let assessment = InfluenceAssessment(
                id: UUID(), areaID: UUID(uuidString: form.area) ?? UUID(), year: Int(form.year) ?? 0, stage: Int(form.stage) ?? -1, stageLabel: "",
                assessedOn: form.assessedOn, assessors: form.assessors, motivation: form.motivation)
            if let problem = PersonalDataGuard.message(for: assessment.motivation + "\n" + assessment.assessors, field: "Bedömningen") {
                return try await page(context: context, form: assessment, error: problem, status: .badRequest)
            }
            do {
                try await InfluenceStore(context.kommun).save(assessment, by: context.actor)
            } catch let error as StoreError {
                return try await page(context: context, form: assessment, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.influence.path, notice: "Bedömningen är sparad.", context: context)
        }
        routes.staff(SiteRoutes.influenceScale) { _, context in
            let form = try context.decodeForm(ScaleForm.self)
            do {
                try await InfluenceStore(context.kommun).saveScale(form.labels.components(separatedBy: .newlines), by: context.actor)
            } catch let error as StoreError {
                return try await page(context: context, typedScale: form.labels, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.influence.path, notice: "Skalan är sparad.", context: context)
        }
    }

    struct InfluenceForm: Decodable {
        @FormText var area: String
        @FormText var year: String
        @FormText var stage: String
        @FormText var assessedOn: String
        @FormText var assessors: String
        @FormRaw var motivation: String
        enum CodingKeys: String, CodingKey {
            case area = "omrade", year = "ar", stage = "steg", assessedOn = "datum", assessors = "bedomare", motivation = "motivering"
        }
    }

    struct ScaleForm: Decodable {
        @FormRaw var labels: String
        enum CodingKeys: String, CodingKey { case labels = "skala" }
    }

    struct Row {
        let area: String
        let cells: [String]
    }

    struct Motivation {
        let area: String
        let year: Int
        let stage: String
        let assessedOn: String
        let assessors: String
        let text: String
    }

    struct View {
        let years: [Int]
        let rows: [Row]
        let hasRows: Bool
        let motivations: [Motivation]
        let canAssess: Bool
        let canEditScale: Bool
        let action = SiteRoutes.influenceSave.path
        let scaleAction = SiteRoutes.influenceScale.path
        let scaleText: String
        /// The scale's form stands open after a refused change.
        let scaleOpen: Bool
        /// The steps, lowest first, "A; B; C".
        let scale: String
        let areas: [SelectOption]
        let stages: [SelectOption]
        let year: String
        let assessedOn: String
        let assessors: String
        let motivation: String
        let policeAreasHref = SiteRoutes.policeAreas.path
    }

    /// `typedScale` is a refused scale, shown again in its opened form.
    func page(
        context: StaffContext, form: InfluenceAssessment? = nil, typedScale: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let store = InfluenceStore(context.kommun)
        let scale = try await store.scale()
        let assessments = try await store.all()
        let areas = try await AreaStore(context.kommun).all()
        let years = Array(Set(assessments.map(\.year))).sorted().suffix(6)
        let byKey = Dictionary(assessments.map { ("\($0.areaID)|\($0.year)", $0) }) { first, _ in first }
        let rows = areas.filter { area in assessments.contains { $0.areaID == area.id } }.map { area in
            Row(area: area.name, cells: years.map { byKey["\(area.id)|\($0)"]?.stageLabel ?? "–" })
        }
        let names = Dictionary(areas.map { ($0.id, $0.name) }) { first, _ in first }
        let thisYear = StockholmCalendar.local(TryggClock.now).year
        let view = View(
            years: Array(years), rows: rows, hasRows: !rows.isEmpty,
            motivations: assessments.prefix(20).map {
                Motivation(
                    area: names[$0.areaID] ?? "Område", year: $0.year, stage: $0.stageLabel, assessedOn: $0.assessedOn, assessors: $0.assessors,
                    text: $0.motivation)
            },
            canAssess: Self.mayAssess(context.user), canEditScale: context.user.role.allows(.editLagesbild),
            scaleText: typedScale ?? scale.joined(separator: "\n"), scaleOpen: typedScale != nil,
            scale: scale.joined(separator: "; "),
            areas: areas.offered(keeping: form?.areaID).map { .init(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == form?.areaID) },
            stages: scale.enumerated().map { .init(value: "\($0.offset)", label: $0.element, selected: $0.offset == form?.stage) },
            year: form.map { "\($0.year)" } ?? "\(thisYear)", assessedOn: form?.assessedOn ?? StockholmCalendar.local(TryggClock.now).dateText,
            assessors: form?.assessors ?? "", motivation: form?.motivation ?? "")
        return deps.renderer.page(.influence, title: "Kriminell påverkan per område", context: context, content: view, error: error, status: status)
    }
}
