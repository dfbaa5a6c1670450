import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Uploads of the kartläggning's sources: the police's crime extract and SCB's population per
/// DeSO. All or nothing; a problem is shown on the page with its line and column.
struct CrimeImportRoutes {
    let page: CrimeFiguresPage
    var deps: AppDependencies { page.deps }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.crimeImport) { request, context in
            let user = try context.requireUser(allowedTo: .editLagesbild)
            let table: CSVTable
            switch upload(context, limit: 200 * 1024 * 1024) {
            case .failure(let message): return try await failure(message, request: request, context: context)
            case .success(let read): table = read
            }
            do {
                let known = try await PopulationStore(deps.database).knownDeso(kommunID: user.kommun.id)
                let extract = try CrimeExtract.read(table, kommun: user.kommun, knownDeso: known)
                let summary = try await CrimeStore(deps.database).importExtract(
                    extract, kommun: user.kommun, fileName: context.files["file"]!.filename, replacePeriod: context.form.text("ersatt") == "ja",
                    by: context.actor)
                var notice =
                    "Importerade \(SwedishNumber.integer(summary.rows)) rader (\(SwedishNumber.integer(summary.newRows)) nya) med inskrivningsdatum \(summary.reportedFrom ?? "–") – \(summary.reportedTo ?? "–")."
                if summary.skippedRows > 0 { notice += " \(SwedishNumber.integer(summary.skippedRows)) rader gällde andra kommuner och hoppades över." }
                if summary.replacedRows > 0 { notice += " \(SwedishNumber.integer(summary.replacedRows)) tidigare rader i perioden ersattes." }
                return Response.seeOther(SiteRoutes.crimeFigures.path, notice: notice, context: context)
            } catch let failure as ImportFailure {
                return try await self.failure(failure.description, request: request, context: context)
            }
        }
        routes.staff(SiteRoutes.populationImport) { request, context in
            let user = try context.requireUser(allowedTo: .editLagesbild)
            let table: CSVTable
            switch upload(context, limit: 50 * 1024 * 1024) {
            case .failure(let message): return try await failure(message, request: request, context: context)
            case .success(let read): table = read
            }
            do {
                let result = try PopulationTable.read(table, kommun: user.kommun)
                try await PopulationStore(deps.database).importCounts(result, kommun: user.kommun, fileName: context.files["file"]!.filename, by: context.actor)
                var notice = "Importerade befolkningen i \(result.desoCount) DeSO för år \(result.years.map(String.init).joined(separator: ", "))."
                if result.skippedRows > 0 { notice += " \(result.skippedRows) rader gällde andra kommuner och hoppades över." }
                return Response.seeOther(SiteRoutes.crimeFigures.path, notice: notice, context: context)
            } catch let failure as ImportFailure {
                return try await self.failure(failure.description, request: request, context: context)
            }
        }
    }

    enum Upload {
        case success(CSVTable)
        case failure(String)
    }

    func upload(_ context: StaffContext, limit: Int) -> Upload {
        guard let file = context.files["file"], !file.data.isEmpty else { return .failure("Välj en CSV-fil att importera.") }
        guard file.data.count <= limit else { return .failure("Filen är större än \(limit / 1_048_576) MB; importera den med trygg import på servern.") }
        do { return .success(try CSVReader.read(file.data)) } catch { return .failure("Ingenting importerades. \(error.description)") }
    }

    /// The page again with the problems; nothing was stored.
    func failure(_ message: String, request: Request, context: StaffContext) async throws -> Response {
        try await page.page(request, context: context, error: message, status: .badRequest)
    }
}
