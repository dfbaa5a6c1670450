import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Search in the audit log. Read only: there is no route that changes an entry.
struct AuditRoutes {
    let deps: AppDependencies

    struct Row {
        let at: String
        let actor: String
        let action: String
        let object: String
        let detail: String
        let address: String
    }

    struct ListView {
        let q: String
        let from: String
        let to: String
        let rows: [Row]
        let limit: Int
        let truncated: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.audit) { request, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            let parameters = request.uri.queryParameters
            let q = String(parameters["q"] ?? "").prefix(200)
            let from = String(parameters["fran"] ?? "")
            let to = String(parameters["till"] ?? "")
            var error: String?
            let fromDate = from.isEmpty ? nil : SwedishTime.startOfDay(from)
            let toDate = to.isEmpty ? nil : SwedishTime.startOfDay(to).map { $0.addingTimeInterval(86_400) }
            if (!from.isEmpty && fromDate == nil) || (!to.isEmpty && toDate == nil) {
                error = "Datum skrivs som ÅÅÅÅ-MM-DD."
            }
            let limit = 500
            let entries = try await AuditLog.search(AuditQuery(text: String(q), from: fromDate, to: toDate, limit: limit), in: context.kommun)
            let rows = entries.map { entry in
                Row(
                    at: SwedishTime.dateTime(entry.at), actor: entry.actor, action: entry.action,
                    object: "\(entry.objectType): \(entry.objectID)", detail: entry.detail, address: entry.address)
            }
            let view = ListView(q: String(q), from: from, to: to, rows: rows, limit: limit, truncated: rows.count == limit)
            return deps.renderer.page(
                .audit, title: "Granskningslogg", context: context, content: view, error: error,
                status: error == nil ? .ok : .badRequest)
        }
    }
}
