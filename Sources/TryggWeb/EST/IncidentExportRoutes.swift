import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The event list's selection as a file for the analyst: Excel with Swedish headings for
/// reading, CSV with the import's columns (and a few more after them) so it can be read back
/// into Trygg or another kommun's EST.
struct IncidentExportRoutes {
    let deps: AppDependencies
    /// A whole kommun's years of events is a database copy, not a download: pick a period.
    static let maximumRows = 50_000
    static let csvColumns = IncidentCSV.columns + ["subcategory", "place", "source", "id"]
    static let xlsxHeader = ["Tidpunkt", "Kategori", "Underkategori", "Område", "Plats", "Beskrivning", "Latitud", "Longitud", "Organisation", "Källa"]

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.incidentExportCSV) { request, context in
            try await export(request: request, context: context, format: "CSV") { events, names in
                Response.csv(header: Self.csvColumns, rows: events.map { Self.csvFields($0, names) }, filename: "handelser.csv")
            }
        }
        routes.staff(SiteRoutes.incidentExportXlsx) { request, context in
            try await export(request: request, context: context, format: "Excel") { events, names in
                let rows = events.map { Self.xlsxCells($0, names) }
                return Response.download(
                    try XlsxWriter.workbook(sheetName: "Händelser", header: Self.xlsxHeader, rows: rows), contentType: Response.xlsxType,
                    filename: "handelser.xlsx")
            }
        }
    }

    /// Names people know in place of the stored ids.
    struct Names {
        let areas: [UUID: String]
        let categories: [UUID: String]
        let organisations: [UUID: String]

        func area(_ event: Incident) -> String { event.areaID.flatMap { areas[$0] } ?? "" }
        func category(_ event: Incident) -> String { categories[event.categoryID] ?? "" }
        func organisation(_ event: Incident) -> String { event.organisationID.flatMap { organisations[$0] } ?? "" }
    }

    private func export(
        request: Request, context: StaffContext, format: String, write: ([Incident], Names) throws -> Response
    ) async throws -> Response {
        _ = try context.requireUser(allowedTo: .readAllIncidents)
        var selection = EventSelection(request.uri.queryParameters, user: context.user)
        let back = SiteRoutes.incidents.path(query: selection.query)
        if let problem = selection.problem { return Response.seeOther(back, error: problem, context: context) }
        let store = IncidentStore(context.kommun)
        let count = try await store.count(filter: selection.filter)
        guard count <= Self.maximumRows else {
            return Response.seeOther(
                back,
                error:
                    "Urvalet har \(SwedishNumber.integer(count)) händelser; högst \(SwedishNumber.integer(Self.maximumRows)) går att ladda ner på en gång. Välj en kortare period, ett område eller en kategori.",
                context: context)
        }
        var events: [Incident] = []
        selection.filter.limit = 5_000
        while events.count < count {
            selection.filter.offset = events.count
            let page = try await store.list(filter: selection.filter)
            if page.isEmpty { break }
            events += page
        }
        events.reverse()
        let names = Names(
            areas: Dictionary(uniqueKeysWithValues: try await AreaStore(context.kommun).all().map { ($0.id, $0.name) }),
            categories: Dictionary(uniqueKeysWithValues: try await CategoryStore(context.kommun).all().map { ($0.id, $0.name) }),
            organisations: Dictionary(uniqueKeysWithValues: try await OrganisationStore(context.kommun).organisations().map { ($0.id, $0.abbreviation) }))
        try await AuditLog.record(
            context.actor, action: "laddade ner händelser", objectType: "händelser", objectID: format,
            detail: "\(events.count) händelser; urval: \(selection.query.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))",
            kommunID: context.kommunID, on: deps.database.db)
        return try write(events, names)
    }

    static func csvFields(_ event: Incident, _ names: Names) -> [String] {
        [
            SwedishTime.minute(event.occurredAt), names.category(event), event.point.map { String($0.latitude) } ?? "",
            event.point.map { String($0.longitude) } ?? "", names.area(event), CSVWriter.inertText(event.description), names.organisation(event),
            CSVWriter.inertText(event.subcategory), CSVWriter.inertText(event.place), event.source.rawValue, event.id.uuidString,
        ]
    }

    static func xlsxCells(_ event: Incident, _ names: Names) -> [XlsxWriter.Cell] {
        [
            .text(SwedishTime.minute(event.occurredAt)), .text(names.category(event)), .text(event.subcategory),
            .text(event.areaID == nil ? WeekSummary.restOfKommun : names.area(event)), .text(event.place), .text(event.description),
            event.point.map { .decimal($0.latitude) } ?? .empty, event.point.map { .decimal($0.longitude) } ?? .empty,
            .text(names.organisation(event)), .text(event.source.displayName),
        ]
    }
}
