import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The walk's page for staff, and its published protocol for residents.
struct WalkPage {
    let deps: AppDependencies

    /// An orsaksanalys a save refused: for one observation, or (no observation) for those ticked.
    struct TypedCause {
        let observationID: UUID?
        let text: String
        var observations: [String] = []
    }

    struct View {
        let title: String
        let area: String
        let when: String
        let groups: String
        let premeeting: String
        let routePoints: Int
        let followsUp: String?
        let followUps: [String]
        let published: Bool
        let publicHref: String
        let observations: [ObservationRow]
        /// Orsaksanalyser for several observations, and the form for one when there are two or more to choose from.
        let causes: [CauseRow]
        let causeAction: String
        let causeChoices: [WalkFormView.Choice]
        let canGroupCauses: Bool
        /// The cause for several observations as a refused save sent it.
        let groupCauseText: String
        let measures: [WalkMeasureRow]
        let canWalk: Bool
        let canDecide: Bool
        let observationAction: String
        let categories: [SelectOption]
        let observationText: String
        let latitude: String
        let longitude: String
        let mapJSON: String?
        let measureAction: String
        let measureText: String
        let measureOwnerName: String
        let owners: [SelectOption]
        let observationChoices: [WalkFormView.Choice]
        let hasObservations: Bool
        let dueOn: String
        let planMeasures: [SelectOption]
        let publishAction: String
        let form: WalkFormView
        let maxPhotoMB = PhotoCleaner.maxBytes / 1_048_576
    }

    func render(
        _ walk: SafetyWalk, context: StaffContext, walkForm: WalkForm? = nil, walkConflict: RecordConflict<WalkForm>? = nil,
        observationForm: ObservationForm? = nil, measureForm: WalkMeasureForm? = nil,
        decided: (id: UUID, form: WalkMeasureForm)? = nil, typedCause: TypedCause? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let walks = WalkStore(context.kommun)
        let areas = try await AreaStore(context.kommun).all()
        let area = areas.first { $0.id == walk.areaID }
        let observations = try await walks.observations(walkIDs: [walk.id])
        let measures = try await WalkMeasureStore(context.kommun).measures(walkIDs: [walk.id])
        let causes = try await WalkCauseStore(context.kommun).causes(walkID: walk.id)
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let numbers = Dictionary(uniqueKeysWithValues: observations.enumerated().map { ($1.id, $0 + 1) })
        let all = try await walks.all()
        let canDecide = context.user.role.allows(.administerForums)
        let carriedOut = try await PlanStore(context.kommun).measures(ids: Set(measures.compactMap(\.planMeasureID)))
        var mapData = InteractiveMapData.pickJSON(areas: area.map { [$0] } ?? [], settings: deps.configuration.map)
        if mapData != nil, let area {
            var data = InteractiveMapData(
                areas: [area],
                points: observations.map {
                    .init(lat: $0.point.latitude, lon: $0.point.longitude, title: "\(numbers[$0.id] ?? 0). \($0.category.displayName)")
                },
                settings: deps.configuration.map, pointsLabel: "Observationer", pointUnit: ["observation", "observationer"])
            data.route = walk.route.map { [$0.latitude, $0.longitude] }
            mapData = try data.scriptJSON()
        }
        let view = View(
            title: walk.title, area: area?.name ?? "", when: "\(walk.date) kl. \(walk.time), \(walk.light.displayName.lowercased())",
            groups: walk.groups.map(\.displayName).joined(separator: ", "), premeeting: walk.premeeting, routePoints: walk.route.count,
            followsUp: walk.followsUpID.flatMap { id in all.first { $0.id == id } }.map { "\($0.title) (\($0.date))" },
            followUps: all.filter { $0.followsUpID == walk.id }.map { "\($0.title) (\($0.date))" }, published: walk.protocolPublishedAt != nil,
            publicHref: SiteRoutes.publicWalk.path(context.user.kommun.slug, walk.id),
            observations: observations.map { observation in
                ObservationRow(
                    id: observation.id.uuidString, number: numbers[observation.id] ?? 0, category: observation.category.displayName, text: observation.text,
                    cause: observation.cause,
                    causeText: typedCause.flatMap { $0.observationID == observation.id ? $0.text : nil } ?? observation.cause, place: observation.placeText,
                    photoHref: observation.hasPhoto ? SiteRoutes.walkPhoto.path(walk.id, observation.id) : nil,
                    causeAction: SiteRoutes.walkObservationCause.path(walk.id, observation.id))
            },
            causes: causes.map { cause in
                CauseRow(
                    observations: "Observation " + WalkCause.numbers(cause.observationIDs, numbering: numbers), text: cause.text,
                    removeAction: context.user.role.allows(.conductWalks) ? SiteRoutes.walkCauseRemove.path(walk.id, cause.id) : nil)
            },
            causeAction: SiteRoutes.walkCauseAdd.path(walk.id),
            causeChoices: observations.map { observation in
                .init(
                    id: "orsak-obs-\(observation.id.uuidString)", value: observation.id.uuidString,
                    label: "\(numbers[observation.id] ?? 0). \(observation.category.displayName): \(SwedishGrammar.excerpt(observation.text, limit: 60))",
                    checked: typedCause.map { $0.observationID == nil && $0.observations.contains(observation.id.uuidString) } ?? false)
            },
            canGroupCauses: context.user.role.allows(.conductWalks) && observations.count >= 2,
            groupCauseText: typedCause.flatMap { $0.observationID == nil ? $0.text : nil } ?? "",
            measures: measures.map { measure in
                let typed = decided?.id == measure.id ? decided?.form : nil
                let decision = typed.flatMap { WalkMeasure.Decision(rawValue: $0.decision) } ?? measure.decision
                return WalkMeasureRow(
                    id: measure.id.uuidString, text: measure.text, owner: measure.ownerID.flatMap { names[$0] } ?? measure.ownerName,
                    decision: measure.decision.displayName, reason: measure.reason, dueOn: measure.dueOn,
                    observations: measure.observationIDs.compactMap { numbers[$0] }.map { "nr \($0)" }.joined(separator: ", "),
                    insatsHref: measure.insatsID.map { SiteRoutes.insats.path($0) },
                    insatsAction: measure.insatsID == nil && measure.decision == .carriedOut && context.user.role.allows(.leadEST)
                        ? SiteRoutes.walkMeasureInsats.path(walk.id, measure.id) : nil,
                    decideAction: canDecide ? SiteRoutes.walkMeasureDecide.path(walk.id, measure.id) : nil,
                    decisions: WalkMeasure.Decision.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == decision) },
                    formReason: typed?.reason ?? measure.reason, formDueOn: typed?.dueOn ?? measure.dueOn,
                    planMeasure: measure.planMeasureID.flatMap { carriedOut[$0] }.map { $0.label() } ?? "")
            },
            canWalk: context.user.role.allows(.conductWalks), canDecide: canDecide, observationAction: SiteRoutes.walkObservationAdd.path(walk.id),
            categories: WalkObservation.Category.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == observationForm?.category)
            },
            observationText: observationForm?.text ?? "", latitude: observationForm?.latitude ?? "", longitude: observationForm?.longitude ?? "",
            mapJSON: mapData, measureAction: SiteRoutes.walkMeasureAdd.path(walk.id), measureText: measureForm?.text ?? "",
            measureOwnerName: measureForm?.ownerName ?? "",
            owners: [SelectOption(value: "", label: "En privat fastighetsägare (skriv namnet)", selected: (measureForm?.owner ?? "").isEmpty)]
                + organisations.current.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id.uuidString == measureForm?.owner) },
            observationChoices: observations.map {
                .init(
                    id: "obs-\($0.id.uuidString)", value: $0.id.uuidString,
                    label: "\(numbers[$0.id] ?? 0). \($0.category.displayName): \(SwedishGrammar.excerpt($0.text, limit: 60))",
                    checked: measureForm?.observations.contains($0.id.uuidString) ?? false)
            },
            hasObservations: !observations.isEmpty,
            dueOn: measureForm?.dueOn ?? walk.defaultDueDate, planMeasures: try await planMeasures(selected: measureForm?.planMeasure, context: context),
            publishAction: SiteRoutes.walkPublish.path(walk.id),
            form: try await WalkFormView.make(
                walkForm, walk: walk, action: SiteRoutes.walkSave.path(walk.id), context: context, mapSettings: deps.configuration.map,
                conflict: walkConflict))
        return deps.renderer.page(.walk, title: walk.title, context: context, content: view, error: error, status: status)
    }

    /// The measures of the plan in force, for a walk's measure that carries one of them out.
    func planMeasures(selected: String?, context: StaffContext) async throws -> [SelectOption] {
        let plans = PlanStore(context.kommun)
        guard let plan = try await plans.planInForce() else { return [] }
        return [SelectOption(value: "", label: "Ingen", selected: false)]
            + (try await plans.measures(planID: plan.id)).map {
                SelectOption(value: $0.id.uuidString, label: $0.label(), selected: $0.id.uuidString == selected)
            }
    }

    /// The published protocol: the walk, what was seen and why, and what will be done. No names.
    func publicProtocol(context: TryggRequestContext) async throws -> Response {
        let kommun = try await PublicReportRoutes.kommun(context, deps: deps)
        let scope = deps.scope(of: kommun)
        guard let id = context.parameters.get("id", as: UUID.self), let walk = try await WalkStore(scope).find(id: id), walk.protocolPublishedAt != nil else {
            throw HTTPError(.notFound, message: "Protokollet finns inte.")
        }
        let observations = try await WalkStore(scope).observations(walkIDs: [walk.id])
        let causes = try await WalkCauseStore(scope).causes(walkID: walk.id)
        let numbers = Dictionary(uniqueKeysWithValues: observations.enumerated().map { ($1.id, $0 + 1) })
        let names = Dictionary(uniqueKeysWithValues: try await OrganisationStore(scope).organisations().map { ($0.id, $0.name) })
        let area = try await AreaStore(scope).all().first { $0.id == walk.areaID }?.name ?? ""
        let view: [String: Any] = [
            "title": walk.title, "area": area, "when": "\(walk.date), \(walk.light.displayName.lowercased())",
            "groups": walk.groups.map(\.displayName).joined(separator: ", "),
            "observations": observations.map { ["number": numbers[$0.id] ?? 0, "category": $0.category.displayName, "text": $0.text, "cause": $0.cause] },
            "causes": causes.map { ["observations": "Observation " + WalkCause.numbers($0.observationIDs, numbering: numbers), "text": $0.text] },
            "hasCauses": !causes.isEmpty,
            "measures": try await WalkMeasureStore(scope).measures(walkIDs: [walk.id]).map {
                [
                    "text": $0.text, "owner": $0.ownerID.flatMap { names[$0] } ?? $0.ownerName, "decision": $0.decision.displayName, "reason": $0.reason,
                    "dueOn": $0.dueOn,
                ]
            },
            "homeHref": SiteRoutes.publicHome.path(kommun.slug),
        ]
        return deps.renderer.publicPage(.publicWalk, title: "Trygghetsvandring: \(walk.title)", kommun: kommun, context: context, content: view)
    }
}
