import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// EST events from a file, as `trygg import incidents` reads it: the years a kommun kept in
/// Excel before Trygg, or another system's export. The EST group's leads do it from the events
/// page instead of asking for the server's command line. All or nothing.
struct IncidentImportRoutes {
    let incidents: IncidentRoutes

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.incidentImport) { request, context in
            let user = try context.requireUser(allowedTo: .leadEST)
            func failure(_ message: String) async throws -> Response {
                try await incidents.list(request: request, user: user, context: context, error: message)
            }
            do {
                let upload = try context.uploadedTable(choose: "Välj en CSV-fil med händelser att importera.")
                let count = try await IncidentStore(context.kommun).importCSV(upload.table, fileName: upload.filename, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.incidents.path,
                    notice: "Importerade \(SwedishGrammar.count(count, "händelse", "händelser")) från \(upload.filename).", context: context)
            } catch let refused as UploadRefused {
                return try await failure(refused.message)
            } catch let problems as ImportFailure {
                return try await failure(problems.description)
            }
        }
    }
}
