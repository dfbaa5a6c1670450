import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Getis-Ord Gi* over 100 m cells of one area for a chosen period.
struct HotspotPage {
    let deps: AppDependencies

    struct CellRow {
        /// The place the events in the cell name most often, else the nearest named place, else the area.
        let place: String
        let label: String
        let count: Int
        let z: String
        let level: String
    }

    struct View {
        let areas: [SelectOption]
        let from: String
        let until: String
        let map: String
        let hot: [CellRow]
        /// "146 händelser med position; området täcker 212 rutor."
        let summary: String
        let hasArea: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.hotspots) { request, context in
            _ = try context.requireUser(allowedTo: .readAllIncidents)
            let query = request.uri.queryParameters
            let areas = try await AreaStore(context.kommun).all().filter { $0.shape != nil }
            let area = query["omrade"].flatMap { text in areas.first { $0.id.uuidString == text } } ?? areas.first
            let today = TryggClock.now
            let until = query["till"].flatMap { SwedishTime.startOfDay(String($0)) }?.addingTimeInterval(86_400) ?? today
            let from = query["fran"].flatMap { SwedishTime.startOfDay(String($0)) } ?? until.addingTimeInterval(-84 * 86_400)
            guard from < until, until.timeIntervalSince(from) <= 3 * 366 * 86_400 else {
                throw HTTPError(.badRequest, message: "Perioden måste börja före slutet och vara högst tre år.")
            }
            var view = View(
                areas: areas.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == area?.id) },
                from: SwedishTime.date(from), until: SwedishTime.date(until.addingTimeInterval(-86_400)), map: "", hot: [],
                summary: "", hasArea: area != nil)
            if let area, let shape = area.shape, let bounds = shape.bounds {
                let events = try await IncidentStore(context.kommun).points(from: from, until: until, areaID: area.id)
                let lo = Sweref99TM.fromWGS84(bounds.min), hi = Sweref99TM.fromWGS84(bounds.max)
                let grid = GetisOrd.analyse(
                    points: events.map {
                        let p = Sweref99TM.fromWGS84($0.point)
                        return (p.easting, p.northing)
                    },
                    minEasting: min(lo.easting, hi.easting), minNorthing: lo.northing, maxEasting: max(lo.easting, hi.easting), maxNorthing: hi.northing
                ) { e, n in shape.contains(Sweref99TM.toWGS84(easting: e, northing: n)) }
                let size = grid.cellSize
                let named = events.filter { !$0.place.isEmpty }.map { event -> (easting: Double, northing: Double, place: String) in
                    let p = Sweref99TM.fromWGS84(event.point)
                    return (p.easting, p.northing, event.place)
                }
                func place(of cell: GetisOrd.Cell) -> String {
                    let inside = named.filter {
                        $0.easting >= cell.easting && $0.easting < cell.easting + size && $0.northing >= cell.northing && $0.northing < cell.northing + size
                    }
                    if let common = Dictionary(grouping: inside, by: \.place).max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) {
                        return common.key
                    }
                    let centre = (cell.easting + size / 2, cell.northing + size / 2)
                    func distance(_ event: (easting: Double, northing: Double, place: String)) -> Double {
                        ((event.easting - centre.0) * (event.easting - centre.0) + (event.northing - centre.1) * (event.northing - centre.1)).squareRoot()
                    }
                    if let nearest = named.min(by: { distance($0) < distance($1) }), distance(nearest) <= 3 * size {
                        return "nära \(nearest.place)"
                    }
                    return "i \(area.name)"
                }
                let shown = grid.cells.filter { $0.count > 0 || $0.significance != nil }
                let cells = shown.map { cell in
                    AreaMapSVG.Cell(
                        corners: [(0.0, 0.0), (size, 0), (size, size), (0, size)].map {
                            Sweref99TM.toWGS84(easting: cell.easting + $0.0, northing: cell.northing + $0.1)
                        }, title: "\(SwedishGrammar.count(cell.count, "händelse", "händelser")), z = \(SwedishNumber.decimal(cell.z, places: 2))",
                        kind: cell.isHotspot
                            ? "hot\(cell.significance == 0.001 ? "3" : cell.significance == 0.01 ? "2" : "1")" : (cell.z < -1.96 ? "cold" : "plain"))
                }
                view = View(
                    areas: view.areas, from: view.from, until: view.until,
                    map: AreaMapSVG.render([area], cells: cells, label: "Gi*-rutnät över \(area.name)") ?? "",
                    hot: grid.cells.filter(\.isHotspot).sorted { $0.z > $1.z }.prefix(30).map { cell in
                        let centre = Sweref99TM.toWGS84(easting: cell.easting + size / 2, northing: cell.northing + size / 2)
                        return CellRow(
                            place: place(of: cell),
                            label: SwedishNumber.coordinate(latitude: centre.latitude, longitude: centre.longitude),
                            count: cell.count, z: SwedishNumber.decimal(cell.z, places: 2),
                            level: "p < \(SwedishNumber.decimal(cell.significance ?? 0.05, places: 3))")
                    },
                    summary: "\(SwedishGrammar.count(events.count, "händelse", "händelser")) med position; \(area.name) täcker "
                        + "\(SwedishGrammar.count(grid.cells.count, "ruta", "rutor")).",
                    hasArea: true)
            }
            return deps.renderer.page(.estHotspots, title: "Statistiska hotspots (Getis-Ord Gi*)", context: context, content: view)
        }
    }
}
