import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Trygghetsvandringar: plan a walk, pin observations on a phone (with a photo, its metadata
/// removed), write the orsaksanalys, propose and decide measures, make a measure an EST insats,
/// and publish the protocol on the kommun's public page.
struct WalkRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.walks) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.walkCreate) { _, context in
            let form = try context.decodeForm(WalkForm.self)
            switch form.walk(id: UUID()) {
            case .failure(let problem): return try await list(context: context, form: form, error: problem.description, status: .badRequest)
            case .success(let draft):
                if let problem = PersonalDataGuard.message(for: draft.title + "\n" + draft.premeeting, field: "Planeringen") {
                    return try await list(context: context, form: form, error: problem, status: .badRequest)
                }
                do {
                    let walk = try await WalkStore(context.kommun).save(draft, id: nil, by: context.actor)
                    return Response.seeOther(SiteRoutes.walk.path(walk.id), notice: "Vandringen ”\(walk.title)” är planerad.", context: context)
                } catch let error as StoreError {
                    return try await list(context: context, form: form, error: error.description, status: .badRequest)
                }
            }
        }
        routes.staff(SiteRoutes.walk) { _, context in try await WalkPage(deps: deps).render(try await walk(context), context: context) }
        routes.staff(SiteRoutes.walkSave) { _, context in
            let form = try context.decodeForm(WalkForm.self)
            let page = WalkPage(deps: deps)
            return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
                let stored = try await walk(context)
                return try await EditedRecord.save(form, over: WalkForm(shown: stored)) { error, status, conflict in
                    try await page.render(stored, context: context, walkForm: form, walkConflict: conflict, error: error, status: status)
                } _: { merged in
                    let changed = try merged.walk(id: stored.id).mapError { FormRefusal(message: $0.description) }.get()
                    if let problem = PersonalDataGuard.message(for: changed.title + "\n" + changed.premeeting, field: "Planeringen") {
                        throw FormRefusal(message: problem)
                    }
                    try await WalkStore(context.kommun).save(changed, id: stored.id, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.walk.path(stored.id), notice: EditedRecord.notice("Vandringen är sparad.", typed: form, merged: merged), context: context)
                }
            }
        }
        routes.staff(SiteRoutes.walkObservationAdd) { _, context in try await addObservation(try await walk(context), context: context) }
        routes.staff(SiteRoutes.walkObservationCause) { _, context in
            let walk = try await walk(context)
            let form = try context.decodeForm(CauseForm.self)
            let observation = try context.parameters.require("observation", as: UUID.self)
            let typed = WalkPage.TypedCause(observationID: observation, text: form.cause)
            if let problem = PersonalDataGuard.message(for: form.cause, field: "Orsaksanalysen") {
                return try await WalkPage(deps: deps).render(walk, context: context, typedCause: typed, error: problem, status: .badRequest)
            }
            do {
                try await WalkStore(context.kommun).saveCause(observationID: observation, cause: form.cause, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Observationen finns inte.")
            } catch let error as StoreError {
                return try await WalkPage(deps: deps).render(walk, context: context, typedCause: typed, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.walk.path(walk.id), notice: "Orsaksanalysen är sparad.", context: context)
        }
        routes.staff(SiteRoutes.walkCauseAdd) { _, context in
            let walk = try await walk(context)
            let form = try context.decodeForm(CauseGroupForm.self)
            let typed = WalkPage.TypedCause(observationID: nil, text: form.cause, observations: form.observations)
            if let problem = PersonalDataGuard.message(for: form.cause, field: "Orsaksanalysen") {
                return try await WalkPage(deps: deps).render(walk, context: context, typedCause: typed, error: problem, status: .badRequest)
            }
            do {
                try await WalkCauseStore(context.kommun).add(
                    walk: walk, observationIDs: form.observations.compactMap { UUID(uuidString: $0) }, text: form.cause, by: context.actor)
            } catch let error as StoreError {
                return try await WalkPage(deps: deps).render(walk, context: context, typedCause: typed, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.walk.path(walk.id), notice: "Orsaksanalysen för flera observationer är sparad.", context: context)
        }
        routes.staff(SiteRoutes.walkCauseRemove) { _, context in
            let walk = try await walk(context)
            do {
                try await WalkCauseStore(context.kommun).remove(id: try context.parameters.require("cause", as: UUID.self), walkID: walk.id, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Orsaksanalysen finns inte.")
            }
            return Response.seeOther(SiteRoutes.walk.path(walk.id), notice: "Orsaksanalysen är borttagen.", context: context)
        }
        routes.staff(SiteRoutes.walkPhoto) { _, context in
            _ = try await walk(context)
            guard let photo = try await WalkStore(context.kommun).photo(observationID: try context.parameters.require("observation", as: UUID.self)) else {
                throw HTTPError(.notFound, message: "Bilden finns inte.")
            }
            var headers = HTTPFields()
            headers[.contentType] = photo.kind.contentType
            headers[.cacheControl] = "private, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: photo.data)))
        }
        routes.staff(SiteRoutes.walkMeasureAdd) { _, context in
            let walk = try await walk(context)
            let form = try context.decodeForm(WalkMeasureForm.self)
            var measure = form.measure(walkID: walk.id, id: UUID())
            // Proposing is everyone's; the decision is the samordnare's (on the measure's own form).
            if !context.user.role.allows(.administerForums) { measure.decision = .proposed }
            return try await saveMeasure(measure, id: nil, walk: walk, form: form, context: context)
        }
        routes.staff(SiteRoutes.walkMeasureDecide) { _, context in
            let walk = try await walk(context)
            let form = try context.decodeForm(WalkMeasureForm.self)
            let id = try context.parameters.require("measure", as: UUID.self)
            // The decision form changes the decision, its reason and the due date; the rest stays as proposed.
            guard var measure = try await WalkMeasureStore(context.kommun).find(id: id), measure.walkID == walk.id else {
                throw HTTPError(.notFound, message: "Åtgärden finns inte.")
            }
            measure.decision = WalkMeasure.Decision(rawValue: form.decision) ?? measure.decision
            measure.reason = form.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            measure.dueOn = form.dueOn
            return try await saveMeasure(measure, id: id, walk: walk, form: nil, decided: (id, form), context: context)
        }
        routes.staff(SiteRoutes.walkMeasureInsats) { _, context in
            let walk = try await walk(context)
            let id = try context.parameters.require("measure", as: UUID.self)
            let area = try await AreaStore(context.kommun).all().first { $0.id == walk.areaID }?.name ?? walk.title
            do {
                let insats = try await WalkMeasureStore(context.kommun).makeInsats(measureID: id, place: "\(area) (trygghetsvandring)", by: context.actor)
                return Response.seeOther(
                    SiteRoutes.walk.path(walk.id), notice: "Åtgärden är nu en EST-insats beslutad \(insats.decidedWeek.swedishName).", context: context)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Åtgärden finns inte.")
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.walk.path(walk.id), error: error.description, context: context)
            }
        }
        routes.staff(SiteRoutes.walkPublish) { _, context in
            let walk = try await walk(context)
            let publish = walk.protocolPublishedAt == nil
            do {
                try await WalkStore(context.kommun).setProtocolPublished(publish, id: walk.id, by: context.actor)
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.walk.path(walk.id), error: error.description, context: context)
            }
            return Response.seeOther(
                SiteRoutes.walk.path(walk.id),
                notice: publish ? "Protokollet är publicerat på kommunens öppna sida." : "Protokollet är inte längre publicerat.",
                context: context)
        }
        routes.publicPage(SiteRoutes.publicWalk) { _, context in try await WalkPage(deps: deps).publicProtocol(context: context) }
    }

    func walk(_ context: StaffContext) async throws -> SafetyWalk {
        guard let walk = try await WalkStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Vandringen finns inte.")
        }
        return walk
    }

    func addObservation(_ walk: SafetyWalk, context: StaffContext) async throws -> Response {
        let form = try context.decodeForm(ObservationForm.self)
        let page = WalkPage(deps: deps)
        guard let category = WalkObservation.Category(rawValue: form.category) else {
            return try await page.render(walk, context: context, observationForm: form, error: "Välj en kategori ur checklistan.", status: .badRequest)
        }
        if let problem = PersonalDataGuard.message(for: form.text, field: "Observationen") {
            return try await page.render(walk, context: context, observationForm: form, error: problem, status: .badRequest)
        }
        var photo: (data: Data, kind: PhotoCleaner.Kind)?
        if let file = context.files["bild"], !file.data.isEmpty {
            do {
                photo = try PhotoCleaner.clean(file.data)
            } catch {
                return try await page.render(walk, context: context, observationForm: form, error: error.description, status: .badRequest)
            }
        }
        guard let area = try await AreaStore(context.kommun).all().first(where: { $0.id == walk.areaID }) else {
            throw HTTPError(.notFound, message: "Vandringens område finns inte.")
        }
        do {
            try await WalkStore(context.kommun).addObservation(
                to: walk, area: area, point: form.point, category: category, text: form.text, photo: photo, by: context.actor)
        } catch let error as StoreError {
            return try await page.render(walk, context: context, observationForm: form, error: error.description, status: .badRequest)
        }
        return Response.seeOther(SiteRoutes.walk.path(walk.id) + "#observationer", notice: "Observationen är sparad.", context: context)
    }

    /// `form` is a new measure's form, `decided` a decision on an existing one: a refusal shows
    /// either again as sent.
    func saveMeasure(
        _ measure: WalkMeasure, id: UUID?, walk: SafetyWalk, form: WalkMeasureForm?, decided: (id: UUID, form: WalkMeasureForm)? = nil,
        context: StaffContext
    ) async throws -> Response {
        if let problem = PersonalDataGuard.message(for: measure.text + "\n" + measure.ownerName + "\n" + measure.reason, field: "Åtgärden") {
            return try await WalkPage(deps: deps).render(walk, context: context, measureForm: form, decided: decided, error: problem, status: .badRequest)
        }
        do {
            try await WalkMeasureStore(context.kommun).save(measure, id: id, by: context.actor)
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "Åtgärden finns inte.")
        } catch let error as StoreError {
            return try await WalkPage(deps: deps).render(
                walk, context: context, measureForm: form, decided: decided, error: error.description, status: .badRequest)
        }
        return Response.seeOther(
            SiteRoutes.walk.path(walk.id) + "#atgarder", notice: id == nil ? "Åtgärden är föreslagen." : "Beslutet är sparat.", context: context)
    }

    struct ListRow {
        let title: String
        let href: String
        let area: String
        let when: String
        let published: Bool
    }

    struct ListView {
        let rows: [ListRow]
        let canPlan: Bool
        let form: WalkFormView
    }

    func list(context: StaffContext, form: WalkForm? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let walks = try await WalkStore(context.kommun).all()
        let areas = Dictionary(uniqueKeysWithValues: try await AreaStore(context.kommun).all().map { ($0.id, $0.name) })
        let view = ListView(
            rows: walks.map {
                ListRow(
                    title: $0.title, href: SiteRoutes.walk.path($0.id), area: areas[$0.areaID] ?? "",
                    when: "\($0.date) \($0.time), \($0.light.displayName.lowercased())",
                    published: $0.protocolPublishedAt != nil)
            }, canPlan: context.user.role.allows(.conductWalks),
            form: try await WalkFormView.make(form, walk: nil, action: SiteRoutes.walkCreate.path, context: context, mapSettings: deps.configuration.map))
        return deps.renderer.page(.walks, title: "Trygghetsvandringar", context: context, content: view, error: error, status: status)
    }
}
