import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The programme's frame and the kommun's governing documents (program, handlingsplaner,
/// åtgärdsplaner) with diarienummer, adoption, validity, review date and links.
struct GoverningDocumentRoutes {
    let deps: AppDependencies

    struct DocumentRow {
        let id: String
        let saveAction: String
        let kind: String
        let title: String
        let diarienummer: String
        let adoptedBy: String
        let adoptedOn: String
        let validity: String
        let reviewOn: String
        let links: [String]
        let form: Fields
    }

    /// A document's form (the `plan-document-form` partial): the stored document, or what a
    /// refused save sent, which then opens again.
    struct Fields {
        let id: String
        let kindOptions: [SelectOption]
        let title: String
        let diarienummer: String
        let adoptedBy: String
        let adoptedOn: String
        let validity: String
        let reviewOn: String
        let linksText: String
        let open: Bool
        /// On a stored document's form: the fingerprints it was shown with and what collided.
        let edited: EditedRecordView?

        init(id: String, document: GoverningDocument?, typed: GoverningDocumentForm?, conflict: RecordConflict<GoverningDocumentForm>? = nil) {
            self.id = id
            let kind = typed.map { GoverningDocument.Kind(rawValue: $0.kind) ?? .handlingsplan } ?? document?.kind ?? .handlingsplan
            kindOptions = GoverningDocumentRoutes.kinds(selected: kind)
            title = typed?.title ?? document?.title ?? ""
            diarienummer = typed?.diarienummer ?? document?.diarienummer ?? ""
            adoptedBy = typed?.adoptedBy ?? document?.adoptedBy ?? ""
            adoptedOn = typed?.adoptedOn ?? document?.adoptedOn ?? ""
            validity = typed?.validity ?? document?.validity ?? ""
            reviewOn = typed?.reviewOn ?? document?.reviewOn ?? ""
            linksText = typed?.links ?? document?.links.joined(separator: "\n") ?? ""
            open = typed != nil
            edited = document.map { document in
                EditedRecordView(stored: GoverningDocumentForm(shown: document), typed: typed, conflict: conflict) { field, value in
                    field == "kind" ? GoverningDocument.Kind(rawValue: value)?.displayName ?? value : value
                }
            }
        }
    }

    struct PageView {
        let targetAreas: [String]
        let efforts: [String]
        let methods: [String]
        let levels: [String]
        let documents: [DocumentRow]
        let canEdit: Bool
        let newForm: Fields
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.governingDocuments) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.governingDocumentAdd) { _, context in try await save(id: nil, context: context) }
        routes.staff(SiteRoutes.governingDocumentSave) { _, context in
            try await save(id: try context.parameters.require("id", as: UUID.self), context: context)
        }
    }

    private func save(id: UUID?, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editPlan)
        let typed = try context.decodeForm(GoverningDocumentForm.self)
        guard let id else { return try await store(typed, id: nil, context: context) }
        return try await deps.recordLocks.serially(id) {
            // Another kommun's document is "not found" before anything about the form is said.
            guard let stored = try await GoverningDocumentStore(context.kommun).all().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
            return try await EditedRecord.save(typed, over: GoverningDocumentForm(shown: stored)) { error, status, conflict in
                try await page(context: context, error: error, typed: (id, typed), conflict: conflict, status: status)
            } _: { merged in
                try await store(merged, id: id, typed: typed, context: context)
            }
        }
    }

    /// Saves `form` (merged with what is stored, for a document that exists); a refusal shows `typed` again.
    private func store(_ form: GoverningDocumentForm, id: UUID?, typed: GoverningDocumentForm? = nil, context: StaffContext) async throws -> Response {
        let document = GoverningDocument(
            id: id ?? UUID(), kind: GoverningDocument.Kind(rawValue: form.kind) ?? .handlingsplan, title: form.title,
            diarienummer: form.diarienummer, adoptedBy: form.adoptedBy, adoptedOn: form.adoptedOn,
            validity: form.validity, reviewOn: form.reviewOn,
            links: form.links.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        do {
            try await GoverningDocumentStore(context.kommun).save(document, id: id, by: context.actor)
            let notice = "\(document.title) är sparat."
            return Response.seeOther(
                SiteRoutes.governingDocuments.path, notice: typed.map { EditedRecord.notice(notice, typed: $0, merged: form) } ?? notice, context: context)
        } catch StoreError.notFound {
            throw HTTPError(.notFound)
        } catch let error as StoreError {
            return try await page(context: context, error: error.description, typed: (id, typed ?? form), status: .badRequest)
        }
    }

    /// `typed` is a refused form and the document it was for (nil: a new one).
    private func page(
        context: StaffContext, notice: String? = nil, error: String? = nil, typed: (id: UUID?, form: GoverningDocumentForm)? = nil,
        conflict: RecordConflict<GoverningDocumentForm>? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readPlan)
        let documents = try await GoverningDocumentStore(context.kommun).all().map { document in
            DocumentRow(
                id: document.id.uuidString, saveAction: SiteRoutes.governingDocumentSave.path(document.id), kind: document.kind.displayName,
                title: document.title, diarienummer: document.diarienummer, adoptedBy: document.adoptedBy, adoptedOn: document.adoptedOn,
                validity: document.validity, reviewOn: document.reviewOn, links: document.links,
                form: Fields(
                    id: document.id.uuidString, document: document, typed: typed?.id == document.id ? typed?.form : nil,
                    conflict: typed?.id == document.id ? conflict : nil))
        }
        let view = PageView(
            targetAreas: PlanSection.allCases.filter(\.isTargetArea).map(\.heading), efforts: LongTermEffort.allCases.map(\.rawValue),
            methods: PlanSection.allCases.filter(\.isWorkingMethod).map(\.rawValue),
            levels: PreventionLevel.allCases.map(\.rawValue), documents: documents, canEdit: user.role.allows(.editPlan),
            newForm: Fields(id: "", document: nil, typed: typed.flatMap { $0.id == nil ? $0.form : nil }))
        return deps.renderer.page(
            .planDocuments, title: "Program och styrdokument", context: context, content: view,
            notice: notice, error: error, status: status)
    }

    static func kinds(selected: GoverningDocument.Kind) -> [SelectOption] {
        GoverningDocument.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == selected) }
    }
}

/// A governing document; `links` has one address per line.
struct GoverningDocumentForm: Decodable, EditedRecordForm {
    @FormText var kind: String
    @FormText var title: String
    @FormText var diarienummer: String
    @FormText var adoptedBy: String
    @FormText var adoptedOn: String
    @FormText var validity: String
    @FormText var reviewOn: String
    @FormText var links: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case kind, title, diarienummer, validity, links
        case adoptedBy = "adopted_by", adoptedOn = "adopted_on", reviewOn = "review_on", seen = "sett"
    }

    static let editedFields: [EditedField<GoverningDocumentForm>] = [
        .init(name: "kind", label: "Typ", path: \.kind), .init(name: "title", label: "Titel", path: \.title),
        .init(name: "diarienummer", label: "Diarienummer", path: \.diarienummer), .init(name: "adopted_by", label: "Antagen av", path: \.adoptedBy),
        .init(name: "adopted_on", label: "Antagen datum", path: \.adoptedOn), .init(name: "validity", label: "Giltighetstid", path: \.validity),
        .init(name: "review_on", label: "Aktualitetsprövning", path: \.reviewOn), .init(name: "links", label: "Länkar", path: \.links),
    ]

    init() {}

    /// The form as it shows a stored document.
    init(shown document: GoverningDocument) {
        kind = document.kind.rawValue
        title = document.title
        diarienummer = document.diarienummer
        adoptedBy = document.adoptedBy
        adoptedOn = document.adoptedOn
        validity = document.validity
        reviewOn = document.reviewOn
        links = document.links.joined(separator: "\n")
    }
}
