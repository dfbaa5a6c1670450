import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// Uploads of the kartläggning's sources: the police's crime extract and SCB's population per
/// DeSO. All or nothing; a problem is shown on the page with its line and column.
struct CrimeImportRoutes {
    let page: CrimeFiguresPage
    var deps: AppDependencies { page.deps }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.crimeImport) { request, context in
            try await importing(request, context, limit: 200 * 1024 * 1024) { user, table, fileName in
                let known = try await PopulationStore(context.kommun).knownDeso()
                let extract = try CrimeExtract.read(table, kommun: user.kommun, knownDeso: known)
                let summary = try await CrimeStore(context.kommun).importExtract(
                    extract, fileName: fileName, replacePeriod: try context.decodeForm(CrimeImportForm.self).replacePeriod == "ja", by: context.actor)
                return summary.sentences.joined(separator: " ")
            }
        }
        routes.staff(SiteRoutes.populationImport) { request, context in
            try await importing(request, context, limit: 50 * 1024 * 1024) { user, table, fileName in
                let result = try PopulationTable.read(table, kommun: user.kommun)
                try await PopulationStore(context.kommun).importCounts(result, fileName: fileName, by: context.actor)
                return result.sentences.joined(separator: " ")
            }
        }
    }

    /// Reads the uploaded CSV file (at most `limit` bytes) and hands it to `store`, whose notice
    /// follows the redirect; any problem shows the page again and nothing is stored.
    private func importing(
        _ request: Request, _ context: StaffContext, limit: Int,
        store: (UserAccount, CSVTable, String) async throws -> String
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .editLagesbild)
        do {
            let upload = try context.uploadedTable(choose: "Välj en CSV-fil att importera.", limit: limit)
            let notice = try await store(user, upload.table, upload.filename)
            return Response.seeOther(SiteRoutes.crimeFigures.path, notice: notice, context: context)
        } catch let refused as UploadRefused {
            return try await failure(refused.message, request: request, context: context)
        } catch let failure as ImportFailure {
            return try await self.failure(failure.description, request: request, context: context)
        }
    }

    /// The page again with the problems; nothing was stored.
    func failure(_ message: String, request: Request, context: StaffContext) async throws -> Response {
        try await page.page(request, context: context, error: message, status: .badRequest)
    }
}

/// Beside the file: whether the extract replaces the stored reports of its period.
struct CrimeImportForm: Decodable {
    @FormText var replacePeriod: String

    enum CodingKeys: String, CodingKey { case replacePeriod = "ersatt" }
}
