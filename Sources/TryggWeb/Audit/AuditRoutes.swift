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
        let download: String?
        let previousPage: String?
        let nextPage: String?
        let pageText: String?
    }

    /// The search as typed: words, and a period in whole Swedish days.
    struct Selection {
        let q: String
        let from: String
        let to: String
        let query: AuditQuery?

        init(_ parameters: Hummingbird.Parameters, limit: Int) {
            q = String(String(parameters["q"] ?? "").prefix(200))
            from = String(parameters["fran"] ?? "")
            to = String(parameters["till"] ?? "")
            let fromDate = from.isEmpty ? nil : SwedishTime.startOfDay(from)
            let toDate = to.isEmpty ? nil : SwedishTime.startOfDay(to).map { $0.addingTimeInterval(86_400) }
            let valid = (from.isEmpty || fromDate != nil) && (to.isEmpty || toDate != nil)
            query = valid ? AuditQuery(text: q, from: fromDate, to: toDate, limit: limit) : nil
        }

        var parameters: [(String, String)] { [("q", q), ("fran", from), ("till", to)].filter { !$0.1.isEmpty } }
    }

    /// Entries per page.
    static let pageSize = 100

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.audit) { request, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            // A page of entries at a time: the whole log stacked on a phone was 110,000 px long.
            let limit = Self.pageSize
            let selection = Selection(request.uri.queryParameters, limit: limit)
            let page = max(0, Int(request.uri.queryParameters["sida"] ?? "0") ?? 0)
            var query = selection.query ?? AuditQuery(limit: limit)
            query.offset = page * limit
            let entries = try await AuditLog.search(query, in: context.kommun)
            let count = try await AuditLog.count(query, in: context.kommun)
            let rows = entries.map { entry in
                Row(
                    at: SwedishTime.dateTime(entry.at), actor: entry.actor, action: entry.action,
                    object: "\(entry.objectType): \(entry.objectID)", detail: entry.detail, address: entry.address)
            }
            let view = ListView(
                q: selection.q, from: selection.from, to: selection.to, rows: rows,
                download: rows.isEmpty ? nil : SiteRoutes.auditExport.path(query: selection.parameters),
                previousPage: page > 0 ? SiteRoutes.audit.path(query: selection.parameters + (page > 1 ? [("sida", "\(page - 1)")] : [])) : nil,
                nextPage: count > query.offset + rows.count ? SiteRoutes.audit.path(query: selection.parameters + [("sida", "\(page + 1)")]) : nil,
                pageText: count > limit ? "Sida \(page + 1) av \((count + limit - 1) / limit) (\(SwedishNumber.integer(count)) poster)" : nil)
            let error = selection.query == nil ? "Datum skrivs som ÅÅÅÅ-MM-DD." : nil
            return deps.renderer.page(
                .audit, title: "Granskningslogg", context: context, content: view, error: error,
                status: error == nil ? .ok : .badRequest)
        }
        routes.staff(SiteRoutes.auditExport) { request, context in try await export(request: request, context: context) }
    }

    /// The search as a CSV file for the dataskyddsombud or an investigation; the download itself
    /// is logged. More than `AuditQuery.maximumLimit` entries: narrow the search first.
    private func export(request: Request, context: StaffContext) async throws -> Response {
        let selection = Selection(request.uri.queryParameters, limit: AuditQuery.maximumLimit + 1)
        let back = SiteRoutes.audit.path(query: selection.parameters)
        guard let query = selection.query else { return Response.seeOther(back, error: "Datum skrivs som ÅÅÅÅ-MM-DD.", context: context) }
        let entries = try await AuditLog.search(query, in: context.kommun)
        guard entries.count <= AuditQuery.maximumLimit else {
            return Response.seeOther(
                back,
                error: "Sökningen ger mer än \(SwedishNumber.integer(AuditQuery.maximumLimit)) poster. Avgränsa med datum eller sökord för att ladda ner.",
                context: context)
        }
        try await AuditLog.record(
            context.actor, action: "laddade ner granskningsloggen", objectType: "granskningslogg", objectID: "CSV",
            detail: "\(entries.count) poster; urval: \(selection.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))",
            kommunID: context.kommunID, on: deps.database.db)
        return Response.csv(
            header: ["tid", "vem", "handling", "objekttyp", "objekt", "detaljer", "adress"],
            rows: entries.map { entry in
                [SwedishTime.dateTime(entry.at)]
                    + [entry.actor, entry.action, entry.objectType, entry.objectID, entry.detail, entry.address].map(CSVWriter.inertText)
            },
            filename: "granskningslogg.csv")
    }
}
