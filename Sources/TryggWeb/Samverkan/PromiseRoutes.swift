import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Medborgarlöften: the list with missing follow-ups flagged, a new promise, its page with the
/// follow-up per month or quarter, editing and publishing on the kommun's public page.
struct PromiseRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.promises) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.promiseCreate) { _, context in
            let form = try context.decodeForm(PromiseForm.self)
            let (draft, missing) = form.promise(id: UUID())
            if missing { return try await list(context: context, form: draft, error: Self.missingResponsible, status: .badRequest) }
            if let problem = Self.personalData(draft) { return try await list(context: context, form: draft, error: problem, status: .badRequest) }
            do {
                let promise = try await PromiseStore(context.kommun).save(draft, id: nil, by: context.actor)
                return Response.seeOther(SiteRoutes.promise.path(promise.id), notice: "Medborgarlöftet ”\(promise.title)” är sparat.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, form: draft, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.promise) { _, context in try await page(try await promise(context), context: context) }
        routes.staff(SiteRoutes.promiseSave) { _, context in
            let typed = try context.decodeForm(PromiseForm.self)
            return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
                let stored = try await promise(context)
                return try await EditedRecord.save(typed, over: PromiseForm(shown: stored)) { error, status, conflict in
                    try await page(stored, context: context, form: typed, conflict: conflict, error: error, status: status)
                } _: { merged in
                    let (changed, missing) = merged.promise(id: stored.id)
                    if missing { throw FormRefusal(message: Self.missingResponsible) }
                    if let problem = Self.personalData(changed) { throw FormRefusal(message: problem) }
                    try await PromiseStore(context.kommun).save(changed, id: stored.id, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.promise.path(stored.id), notice: EditedRecord.notice("Medborgarlöftet är sparat.", typed: typed, merged: merged),
                        context: context)
                }
            }
        }
        routes.staff(SiteRoutes.promisePublish) { _, context in
            let promise = try await promise(context)
            let publish = promise.publishedAt == nil
            try await PromiseStore(context.kommun).setPublished(publish, id: promise.id, by: context.actor)
            return Response.seeOther(
                SiteRoutes.promise.path(promise.id),
                notice: publish ? "Löftet visas nu på kommunens öppna sida." : "Löftet visas inte längre på kommunens öppna sida.", context: context)
        }
        routes.staff(SiteRoutes.promiseFollowUp) { _, context in
            let promise = try await promise(context)
            guard Self.mayFollowUp(promise, context: context) else { throw HTTPError(.forbidden) }
            let form = try context.decodeForm(PromiseFollowUpForm.self)
            guard let status = CitizenPromise.FollowUp.Status(rawValue: form.status) else {
                return try await page(promise, context: context, followUp: form, error: "Välj hur det gick under perioden.", status: .badRequest)
            }
            if let problem = PersonalDataGuard.message(for: form.text, field: "Uppföljningen") {
                return try await page(promise, context: context, followUp: form, error: problem, status: .badRequest)
            }
            do {
                try await PromiseStore(context.kommun).followUp(promise, period: form.period, status: status, text: form.text, by: context.actor)
            } catch let error as StoreError {
                return try await page(promise, context: context, followUp: form, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.promise.path(promise.id), notice: "Uppföljningen för \(form.period) är sparad.", context: context)
        }
    }

    static let missingResponsible = "Varje aktivitet behöver en ansvarig organisation."

    /// Promises are published: nothing in them may identify a person.
    static func personalData(_ promise: CitizenPromise) -> String? {
        PersonalDataGuard.message(
            for: ([promise.title, promise.problem] + promise.activities.map(\.text) + promise.indicators).joined(separator: "\n"), field: "Löftet")
    }

    /// The samordnare, and whoever's organisation carries one of the promised activities (the police).
    static func mayFollowUp(_ promise: CitizenPromise, context: StaffContext) -> Bool {
        context.user.role.allows(.administerForums) || promise.activities.contains { $0.responsibleID == context.user.organisation.id }
    }

    func promise(_ context: StaffContext) async throws -> CitizenPromise {
        guard let promise = try await PromiseStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Medborgarlöftet finns inte.")
        }
        return promise
    }

    struct ListRow {
        let title: String
        let href: String
        let area: String
        let period: String
        let published: Bool
        let missing: String?
    }

    struct ListView {
        let rows: [ListRow]
        let canCreate: Bool
        let form: PromiseFormView
    }

    func list(context: StaffContext, form: CitizenPromise? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = PromiseStore(context.kommun)
        let areas = Dictionary(uniqueKeysWithValues: try await AreaStore(context.kommun).all().map { ($0.id, $0.name) })
        let today = StockholmCalendar.local(TryggClock.now).dateText
        var rows: [ListRow] = []
        let promises = try await store.all()
        let followUps = try await store.followUps(promiseIDs: promises.map(\.id))
        for promise in promises {
            let missing = promise.missing(followUps: followUps[promise.id] ?? [], today: today)
            rows.append(
                ListRow(
                    title: promise.title, href: SiteRoutes.promise.path(promise.id), area: promise.areaID.flatMap { areas[$0] } ?? "Hela kommunen",
                    period: "\(promise.fromMonth) – \(promise.toMonth)", published: promise.publishedAt != nil,
                    missing: missing.isEmpty ? nil : "Uppföljning saknas: \(missing.joined(separator: ", "))"))
        }
        let year = String(today.prefix(4))
        let blank = CitizenPromise(
            id: UUID(), title: "", areaID: nil, fromMonth: "\(year)-01", toMonth: "\(year)-12", cadence: .quarter, problem: "", activities: [], indicators: [])
        let view = ListView(
            rows: rows, canCreate: context.user.role.allows(.administerForums),
            form: try await PromiseFormView.make(form ?? blank, action: SiteRoutes.promiseCreate.path, context: context))
        return deps.renderer.page(.promises, title: "Medborgarlöften", context: context, content: view, error: error, status: status)
    }

    struct FollowUpRow {
        let period: String
        let status: String
        let text: String
        let byline: String
    }

    struct PageView {
        let title: String
        let area: String
        let period: String
        let cadence: String
        let problem: String
        let lagesbildProblem: String?
        let activities: [String]
        let indicators: [String]
        let published: Bool
        let publishAction: String
        let followUps: [FollowUpRow]
        let missing: String?
        let canEdit: Bool
        let canFollowUp: Bool
        let followUpAction: String
        let periods: [SelectOption]
        let statuses: [SelectOption]
        let followUpText: String
        let form: PromiseFormView
        let publicHref: String
    }

    func page(
        _ promise: CitizenPromise, context: StaffContext, form: PromiseForm? = nil, conflict: RecordConflict<PromiseForm>? = nil,
        followUp: PromiseFollowUpForm? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let store = PromiseStore(context.kommun)
        let followUps = try await store.followUps(promiseID: promise.id)
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.kommun).organisations().map { ($0.id, $0.name) })
        let today = StockholmCalendar.local(TryggClock.now).dateText
        let missing = promise.missing(followUps: followUps, today: today)
        let done = Set(followUps.map(\.period))
        // Periods that have begun and are not followed up yet, the current one last and chosen.
        let open = promise.periods.filter { $0 <= promise.period(containing: today) && !done.contains($0) }
        var lagesbildProblem: String?
        if let id = promise.lagesbildProblemID,
            let problem = try await LagesbildStore(context.kommun).find(version: nil)?.problems.first(where: { $0.id == id })
        {
            lagesbildProblem = "\(problem.title) (\(problem.area))"
        }
        var area = "Hela kommunen"
        if let id = promise.areaID, let name = try await AreaStore(context.kommun).all().first(where: { $0.id == id })?.name { area = name }
        let people = try await PeopleNames.load(context.kommun)
        let view = PageView(
            title: promise.title,
            area: area,
            period: "\(promise.fromMonth) – \(promise.toMonth)", cadence: promise.cadence.displayName, problem: promise.problem,
            lagesbildProblem: lagesbildProblem, activities: promise.activities.map { PublicPromises.line($0, organisations: organisations) },
            indicators: promise.indicators, published: promise.publishedAt != nil, publishAction: SiteRoutes.promisePublish.path(promise.id),
            followUps: followUps.map {
                FollowUpRow(
                    period: $0.period, status: $0.status.displayName, text: $0.text,
                    byline: "\(SwedishTime.date($0.writtenAt)) \(Actor.byline(people.name($0.writtenBy)))")
            }, missing: missing.isEmpty ? nil : missing.joined(separator: ", "), canEdit: context.user.role.allows(.administerForums),
            canFollowUp: Self.mayFollowUp(promise, context: context) && !open.isEmpty, followUpAction: SiteRoutes.promiseFollowUp.path(promise.id),
            periods: open.map { SelectOption(value: $0, label: $0, selected: $0 == (followUp?.period ?? open.last)) },
            statuses: CitizenPromise.FollowUp.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == followUp?.status)
            },
            followUpText: followUp?.text ?? "",
            form: try await PromiseFormView.make(
                form?.promise(id: promise.id).0 ?? promise, action: SiteRoutes.promiseSave.path(promise.id), context: context,
                edited: (stored: promise, typed: form, conflict: conflict)),
            publicHref: SiteRoutes.publicHome.path(context.user.kommun.slug))
        return deps.renderer.page(.promise, title: promise.title, context: context, content: view, error: error, status: status)
    }
}
