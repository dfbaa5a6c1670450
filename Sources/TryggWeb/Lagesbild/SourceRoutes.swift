import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The lägesbild's source register: which sources the kartläggning uses and which it leaves out, and why.
struct SourceRoutes {
    let deps: AppDependencies

    struct Row {
        let id: String
        let name: String
        let owner: String
        let period: String
        let method: String
        let limitations: String
        let included: Bool
        let reason: String
        let action: String
        let form: Fields
    }

    /// A source's form (the `lagesbild-source-fields` partial): the stored entry, or what a
    /// refused save sent, which then opens again.
    struct Fields {
        let suffix: String
        let name: String
        let owner: String
        let period: String
        let method: String
        let limitations: String
        let reason: String
        let usedOptions: [SelectOption]
        let open: Bool
        /// On a stored source's form: the fingerprints it was shown with and what collided.
        let edited: EditedRecordView?

        init(suffix: String, entry: SourceEntry?, typed: SourceForm?, conflict: RecordConflict<SourceForm>? = nil) {
            self.suffix = suffix
            name = typed?.name ?? entry?.name ?? ""
            owner = typed?.owner ?? entry?.owner ?? ""
            period = typed?.period ?? entry?.period ?? ""
            method = typed?.method ?? entry?.method ?? ""
            limitations = typed?.limitations ?? entry?.limitations ?? ""
            reason = typed?.reason ?? entry?.reason ?? ""
            usedOptions = SourceRoutes.options(included: typed.map { $0.used != "nej" } ?? entry?.included ?? true)
            open = typed != nil
            edited = entry.map { entry in
                EditedRecordView(stored: SourceForm(shown: entry), typed: typed, conflict: conflict) { field, value in
                    field == "used" ? (value == "nej" ? "Används inte" : "Används") : value
                }
            }
        }
    }

    struct View {
        let rows: [Row]
        let canEdit: Bool
        let addAction = SiteRoutes.sourceAdd.path
        let figuresHref = SiteRoutes.crimeFigures.path
        let newForm: Fields
        var hasRows = false
    }

    static func options(included: Bool) -> [SelectOption] {
        [SelectOption(value: "ja", label: "Används", selected: included), SelectOption(value: "nej", label: "Används inte", selected: !included)]
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.sources) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.sourceAdd) { _, context in try await save(id: nil, context: context) }
        routes.staff(SiteRoutes.sourceSave) { _, context in
            try await save(id: try context.parameters.require("id", as: UUID.self), context: context)
        }
    }

    func save(id: UUID?, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editLagesbild)
        let typed = try context.decodeForm(SourceForm.self)
        guard let id else { return try await store(typed, id: nil, context: context) }
        return try await deps.recordLocks.serially(id) {
            guard let stored = try await SourceStore(context.kommun).all().first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, message: "Källan finns inte.")
            }
            return try await EditedRecord.save(typed, over: SourceForm(shown: stored)) { error, status, conflict in
                try await page(context: context, error: error, typed: (id, typed), conflict: conflict, status: status)
            } _: { merged in
                try await store(merged, id: id, typed: typed, context: context)
            }
        }
    }

    /// Saves `form` (merged with what is stored, for a source that exists); a refusal shows `typed` again.
    private func store(_ form: SourceForm, id: UUID?, typed: SourceForm? = nil, context: StaffContext) async throws -> Response {
        let entry = SourceEntry(
            id: id ?? UUID(), name: form.name, owner: form.owner, period: form.period, method: form.method,
            limitations: form.limitations, included: form.used != "nej", reason: form.reason)
        do {
            let saved = try await SourceStore(context.kommun).save(entry, id: id, by: context.actor)
            let notice = "Källan ”\(saved.name)” är sparad."
            return Response.seeOther(
                SiteRoutes.sources.path, notice: typed.map { EditedRecord.notice(notice, typed: $0, merged: form) } ?? notice, context: context)
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "Källan finns inte.")
        } catch let error as StoreError {
            return try await page(context: context, error: error.description, typed: (id, typed ?? form), status: .badRequest)
        }
    }

    /// `typed` is a refused form and the entry it was for (nil: a new one).
    func page(
        context: StaffContext, error: String? = nil, typed: (id: UUID?, form: SourceForm)? = nil, conflict: RecordConflict<SourceForm>? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readCrimeStatistics)
        let entries = try await SourceStore(context.kommun).all()
        var view = View(
            rows: entries.map {
                Row(
                    id: $0.id.uuidString, name: $0.name, owner: $0.owner, period: $0.period, method: $0.method, limitations: $0.limitations,
                    included: $0.included, reason: $0.reason, action: SiteRoutes.sourceSave.path($0.id),
                    form: Fields(
                        suffix: "-\($0.id.uuidString)", entry: $0, typed: typed?.id == $0.id ? typed?.form : nil, conflict: typed?.id == $0.id ? conflict : nil)
                )
            }, canEdit: user.role.allows(.editLagesbild),
            newForm: Fields(suffix: "", entry: nil, typed: typed.flatMap { $0.id == nil ? $0.form : nil }))
        view.hasRows = !view.rows.isEmpty
        return deps.renderer.page(.lagesbildSources, title: "Lägesbildens källor", context: context, content: view, error: error, status: status)
    }
}

/// A source of the lägesbild; `used` is `nej` when it is left out (then `reason` is required).
struct SourceForm: Decodable, EditedRecordForm {
    @FormText var name: String
    @FormText var owner: String
    @FormText var period: String
    @FormText var method: String
    @FormText var limitations: String
    @FormText var used: String
    @FormText var reason: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case name, owner, period, method, limitations, used, reason, seen = "sett" }

    static let editedFields: [EditedField<SourceForm>] = [
        .init(name: "name", label: "Källa", path: \.name), .init(name: "owner", label: "Ägare", path: \.owner),
        .init(name: "period", label: "Period", path: \.period), .init(name: "method", label: "Metod", path: \.method),
        .init(name: "limitations", label: "Begränsningar", path: \.limitations), .init(name: "used", label: "Används i lägesbilden", path: \.used),
        .init(name: "reason", label: "Skäl om den inte används", path: \.reason),
    ]

    init() {}

    /// The form as it shows a stored source.
    init(shown entry: SourceEntry) {
        name = entry.name
        owner = entry.owner
        period = entry.period
        method = entry.method
        limitations = entry.limitations
        used = entry.included ? "ja" : "nej"
        reason = entry.reason
    }
}
