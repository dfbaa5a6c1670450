import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The police's list of utsatta områden for a year: the kommun's own first (with which of its
/// areas each one overlaps), the whole country on request, and what changed since the list before.
struct PoliceAreaRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.policeAreas) { request, context in try await page(request, context: context) }
    }

    struct Row {
        let name: String
        let ort: String
        let category: String
        let since: String
        let polygon: String
        let overlaps: String
        let deso: String
    }

    struct Change {
        let kind: String
        let name: String
        let what: String
    }

    struct View {
        let years: [SelectOption]
        let hasList: Bool
        let year: Int
        let rows: [Row]
        let wholeCountry: Bool
        let toggleHref: String
        let toggleText: String
        let changes: [Change]
        let previousYear: Int?
        let action = SiteRoutes.policeAreas.path
        let mapJSON: String?
        let influenceHref = SiteRoutes.influence.path
    }

    func page(_ request: Request, context: StaffContext) async throws -> Response {
        let store = PoliceAreaStore(deps.database)
        let years = try await store.years()
        let year = request.uri.queryParameters.get("ar").flatMap { Int($0) }.flatMap { years.contains($0) ? $0 : nil } ?? years.first ?? 0
        let wholeCountry = request.uri.queryParameters.get("hela-landet") == "ja"
        let list = years.isEmpty ? [] : try await store.list(year: year)
        // The police name the town, the kommun is "Linköpings kommun".
        let town = context.user.kommun.name.replacingOccurrences(of: "s kommun", with: "").replacingOccurrences(of: " kommun", with: "")
        let own = try await AreaStore(context.kommun).all()
        let shown = wholeCountry ? list : list.filter { $0.ort == town }
        let rows = shown.map { area in
            let overlapping = own.filter { Self.overlap(area.shape, $0.shape) }
            return Row(
                name: area.name, ort: area.ort, category: area.category, since: area.since, polygon: area.shape == nil ? "Nej" : "Ja",
                overlaps: overlapping.map(\.name).joined(separator: ", "), deso: overlapping.flatMap(\.desoCodes).joined(separator: ", "))
        }
        // The listed polygons as outlines beside the kommun's own areas, when Leaflet is installed.
        let listed = shown.compactMap { area in
            area.shape.map { Area(id: UUID(), kommunID: context.kommunID, name: "\(area.category): \(area.name)", shape: $0, desoCodes: [], source: "") }
        }
        let settings = deps.configuration.map
        let mapJSON =
            settings.leafletAvailable && !listed.isEmpty && !wholeCountry
            ? try? InteractiveMapData(areas: own.filter { $0.shape != nil } + listed, settings: settings).scriptJSON() : nil
        let previousYear = years.first { $0 < year }
        var changes: [Change] = []
        if let previousYear {
            let before = try await store.list(year: previousYear)
            changes = PoliceAreaChange.between(before, list).filter { wholeCountry || $0.ort == town }.map {
                Change(kind: $0.kind.rawValue, name: "\($0.name) (\($0.ort))", what: [$0.before, $0.after].compactMap { $0 }.joined(separator: " → "))
            }
        }
        let view = View(
            years: years.map { SelectOption(value: "\($0)", label: "\($0)", selected: $0 == year) }, hasList: !list.isEmpty, year: year, rows: rows,
            wholeCountry: wholeCountry,
            toggleHref: SiteRoutes.policeAreas.path(query: [("ar", "\(year)")] + (wholeCountry ? [] : [("hela-landet", "ja")])),
            toggleText: wholeCountry ? "Visa bara \(town)" : "Visa hela landet", changes: changes, previousYear: previousYear, mapJSON: mapJSON)
        return deps.renderer.page(.policeAreas, title: "Utsatta områden", context: context, content: view)
    }

    /// Two shapes overlap when a corner of one lies in the other (enough for districts and the
    /// police's polygons, which are not thin slivers).
    static func overlap(_ first: AreaShape?, _ second: AreaShape?) -> Bool {
        guard let first, let second else { return false }
        let corners = { (shape: AreaShape) in shape.polygons.flatMap(\.outer) }
        return corners(first).contains(where: second.contains) || corners(second).contains(where: first.contains)
    }
}
