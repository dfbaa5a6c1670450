import Foundation
import Hummingbird
import TryggCore
import TryggReports
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
            guard let file = context.files["file"], !file.data.isEmpty else {
                return try await failure(UploadedFile.absence(of: context.files["file"], choose: "Välj en CSV-fil med händelser att importera."))
            }
            do {
                let table = try CSVReader.read(file.data)
                let count = try await IncidentStore(context.kommun).importCSV(table, fileName: file.filename, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.incidents.path,
                    notice: "Importerade \(SwedishGrammar.count(count, "händelse", "händelser")) från \(file.filename).", context: context)
            } catch let problem as CSVReader.Problem {
                return try await failure("Ingenting importerades. \(problem.description)")
            } catch let problems as ImportFailure {
                return try await failure(problems.description)
            }
        }
    }
}
