import Foundation
import TryggCore
import TryggStore

/// A trygghetsvandring in Berga two months ago, after dark: four observations along the route
/// with their causes, measures decided with owners (one not carried out, with the reason), the
/// protocol published, and the uppföljningsvandring planned.
enum DemoWalks {
    static func seed(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        guard let berga = try await AreaStore(scope).all().first(where: { $0.name == "Berga" }), let centre = berga.shape?.centre,
            let samordnare = try await UserStore(scope).accounts().first(where: { $0.role == .samordnare })
        else { return }
        let organisations = try await OrganisationStore(scope).organisations()
        func organisation(_ abbreviation: String) -> UUID? { organisations.first { $0.abbreviation == abbreviation }?.id }
        let actor = Actor(user: samordnare, address: "demo")
        func near(_ north: Double, _ east: Double) -> GeoPoint {
            GeoPoint(latitude: centre.latitude + north / 111_320, longitude: centre.longitude + east / (111_320 * cos(centre.latitude * .pi / 180)))
        }
        let date = StockholmCalendar.local(TryggClock.now.addingTimeInterval(-60 * 86_400)).dateText
        let walks = WalkStore(scope)
        let walk = try await walks.save(
            SafetyWalk(
                id: UUID(), title: "Kvällsvandring Berga centrum", areaID: berga.id, date: date, time: "19:30", light: .dark,
                route: [near(-150, -200), near(-50, -100), near(0, 0), near(80, 120), near(150, 180)], groups: [.boende, .kvinnor, .unga, .fastighetsagare],
                premeeting:
                    "Förmöte i Berga bibliotek en vecka innan: rutten från busshållplatsen genom gångtunneln till centrum, Boverkets checklista, kommunen leder (demo)."
            ),
            id: nil, by: actor)
        let seen: [(GeoPoint, WalkObservation.Category, String, String)] = [
            (
                near(-50, -100), .belysning, "Gångtunneln under Bergavägen är mörk, två armaturer trasiga.",
                "Trasiga armaturer har inte felanmälts; ingen ansvarar för tunneln."
            ),
            (near(0, 0), .siktVegetation, "Höga buskar skymmer sikten vid gångvägen mot centrum.", "Buskagen har inte beskurits sedan planteringen."),
            (near(80, 120), .skotsel, "Klotter och nedskräpning vid återvinningsstationen.", "Tömning för sällan, ingen belysning kvällstid."),
            (near(150, 180), .trafik, "Mopeder kör på gångvägen vid skolan.", ""),
        ]
        var observations: [WalkObservation] = []
        for (point, category, text, cause) in seen {
            let observation = try await walks.addObservation(to: walk, area: berga, point: point, category: category, text: text, photo: nil, by: actor)
            if !cause.isEmpty { try await walks.saveCause(observationID: observation.id, cause: cause, by: actor) }
            observations.append(observation)
        }
        let measures = WalkMeasureStore(scope)
        let plans: [(Int, String, UUID?, String, WalkMeasure.Decision, String)] = [
            (0, "Byt armaturerna i gångtunneln och sätt upp felanmälningsskylt.", organisation("MOS"), "", .carriedOut, ""),
            (1, "Beskär buskagen längs gångvägen till högst 0,5 meter.", organisation("Stångåstaden"), "", .carriedOut, ""),
            (
                2, "Flytta återvinningsstationen till en belyst plats.", nil, "Fastighetsägaren Berga Centrum AB", .notCarriedOut,
                "Ingen annan plats finns; tömningen görs i stället två gånger i veckan."
            ),
            (3, "Utred fysiska hinder mot mopedtrafik på gångvägen.", organisation("MOS"), "", .investigated, ""),
        ]
        for (index, text, owner, ownerName, decision, reason) in plans {
            try await measures.save(
                WalkMeasure(
                    id: UUID(), walkID: walk.id, observationIDs: [observations[index].id], text: text, ownerID: owner, ownerName: ownerName, decision: decision,
                    reason: reason, dueOn: walk.defaultDueDate), id: nil, by: actor)
        }
        try await walks.setProtocolPublished(true, id: walk.id, by: actor)
        _ = try await walks.save(
            SafetyWalk(
                id: UUID(), title: "Uppföljningsvandring Berga centrum", areaID: berga.id,
                date: StockholmCalendar.local(TryggClock.now.addingTimeInterval(120 * 86_400)).dateText, time: "19:30", light: .dark, route: walk.route,
                groups: walk.groups, premeeting: "", followsUpID: walk.id), id: nil, by: actor)
    }
}
