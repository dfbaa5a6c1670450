import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The samordnare edits the kommun's event categories. Categories are retired, not deleted.
struct CategoryRoutes {
    let deps: AppDependencies

    struct Row {
        let id: String
        let code: String
        let name: String
        let subcategories: String
        let isPublic: Bool
        let retired: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.categories) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.categorySave) { _, context in
            _ = try context.requireUser(allowedTo: .leadEST)
            let form = try context.decodeForm(CategoryForm.self)
            var id: UUID?
            if !form.id.isEmpty {
                guard let parsed = UUID(uuidString: form.id) else { throw HTTPError(.badRequest) }
                id = parsed
            }
            do {
                try await CategoryStore(context.kommun).save(
                    id: id, name: form.name, subcategories: form.subcategories.split(separator: ",").map(String.init),
                    isPublic: form.isPublic == "ja", retired: form.retired == "ja", by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound)
            } catch let error as StoreError {
                return try await page(context: context, error: error.description)
            }
            return Response.seeOther(SiteRoutes.categories.path, notice: "Kategorin är sparad.", context: context)
        }
    }

    private func page(context: StaffContext, notice: String? = nil, error: String? = nil) async throws -> Response {
        _ = try context.requireUser(allowedTo: .leadEST)
        let rows = try await CategoryStore(context.kommun).all().map {
            Row(
                id: $0.id.uuidString, code: $0.code, name: $0.name, subcategories: $0.subcategories.joined(separator: ", "),
                isPublic: $0.isPublic, retired: $0.retired)
        }
        return deps.renderer.page(
            .estCategories, title: "Händelsekategorier", context: context, content: ["rows": rows],
            notice: notice, error: error, status: error == nil ? .ok : .badRequest)
    }
}

/// A new or changed event category; `id` is empty for a new one.
struct CategoryForm: Decodable {
    @FormText var id: String
    @FormText var name: String
    @FormText var subcategories: String
    @FormText var isPublic: String
    @FormText var retired: String

    enum CodingKeys: String, CodingKey {
        case id, name = "namn", subcategories = "underkategorier", isPublic = "publik", retired = "avvecklad"
    }
}
