import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Trygghetsvandringar: planera, observera med telefonen, besluta åtgärder, publicera protokollet")
struct WalkWebTests {
    /// A phone photo as it comes: JFIF, then EXIF with the GPS position, then the image.
    static let phonePhoto: Data = {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] { [0xFF, marker, 0, UInt8(payload.count + 2)] + payload }
        var bytes: [UInt8] = [0xFF, 0xD8] + segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        bytes +=
            segment(0xE1, Array("Exif".utf8) + [0, 0] + Array("GPSLatitude 58.3925".utf8)) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0xD9]
        return Data(bytes)
    }()

    @Test("En vandring i Berga: observation utanför området avvisas, bildens GPS tas bort, ”genomförs ej” kräver skäl, protokollet publiceras utan namn")
    func walkFlow() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let berga = try #require(try await AreaStore(scope).all().first { $0.name == "Berga" })
            let centre = try #require(berga.shape?.centre)
            let mos = try #require(try await OrganisationStore(scope).organisation(abbreviation: "MOS"))
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let badRoute = try await officer.post(
                "/samverkan/vandringar",
                [
                    "rubrik": "Kvällsvandring", "omrade": berga.id.uuidString, "datum": "2026-03-05", "tid": "19:30", "ljus": "morker",
                    "rutt": "58.39, 15.64\n12, 13",
                ])
            #expect(badRoute.status == .badRequest && badRoute.text.contains("Rad 2 i rutten är ingen punkt i Sverige"))
            let planned = try await officer.post(
                "/samverkan/vandringar",
                pairs: [
                    ("rubrik", "Kvällsvandring Berga"), ("omrade", berga.id.uuidString), ("datum", "2026-03-05"), ("tid", "19:30"), ("ljus", "morker"),
                    ("rutt", "\(centre.latitude), \(centre.longitude)"), ("grupper[]", "boende"), ("grupper[]", "kvinnor"),
                    ("formote", "Förmöte i biblioteket."),
                ])
            #expect(planned.status == .seeOther)
            let walk = try #require(try await WalkStore(scope).all().first { $0.title == "Kvällsvandring Berga" })
            #expect(walk.groups == [.boende, .kvinnor] && walk.route.count == 1)
            // Nothing to publish before the walk: an empty protocol is refused with the reason.
            await #expect(
                throws: StoreError.invalid(
                    "Vandringen har inga observationer ännu. Protokollet publiceras när vandringen är gjord och observationerna antecknade.")
            ) {
                try await WalkStore(scope).setProtocolPublished(true, id: walk.id, by: .commandLine(kommunID: scope.kommunID))
            }

            let outside = try await officer.post(
                "/samverkan/vandringar/\(walk.id)/observationer", ["kategori": "belysning", "text": "Mörkt", "lat": "58.4100", "lon": "15.6200"])
            #expect(outside.status == .badRequest && outside.text.contains("Platsen ligger utanför vandringens område (Berga)."))
            #expect(outside.text.contains(">Mörkt</textarea>"), "det skrivna finns kvar")
            let notImage = try await officer.upload(
                "/samverkan/vandringar/\(walk.id)/observationer", file: Data("%PDF-1.7".utf8), filename: "tunnel.pdf", field: "bild",
                fields: [("kategori", "belysning"), ("text", "Mörk tunnel"), ("lat", "\(centre.latitude)"), ("lon", "\(centre.longitude)")])
            #expect(notImage.status == .badRequest && notImage.text.contains("Filen är ingen bild i JPEG- eller PNG-format."))
            #expect(try await WalkStore(scope).observations(walkIDs: [walk.id]).isEmpty)
            let saved = try await officer.upload(
                "/samverkan/vandringar/\(walk.id)/observationer", file: Self.phonePhoto, filename: "IMG_0001.jpg", field: "bild",
                fields: [
                    ("kategori", "belysning"), ("text", "Mörk tunnel, två armaturer trasiga"), ("lat", "\(centre.latitude)"), ("lon", "\(centre.longitude)"),
                ])
            #expect(saved.status == .seeOther)
            let observation = try #require(try await WalkStore(scope).observations(walkIDs: [walk.id]).first)
            #expect(observation.hasPhoto && observation.category == .belysning)
            let photo = try await officer.get("/samverkan/vandringar/\(walk.id)/bilder/\(observation.id)")
            #expect(photo.status == .ok && photo.headers[.contentType] == "image/jpeg")
            #expect(!photo.text.contains("GPS") && !photo.text.contains("Exif") && photo.text.contains("JFIF"), "platsuppgifterna är borta")
            let named = try await officer.post(
                "/samverkan/vandringar/\(walk.id)/observationer/\(observation.id)/orsak", ["orsak": "Fråga anna.svensson@example.com om armaturerna."])
            #expect(named.status == .badRequest && named.text.contains(">Fråga anna.svensson@example.com om armaturerna.</textarea>"), "avvisad text står kvar")
            try await officer.submit("/samverkan/vandringar/\(walk.id)/observationer/\(observation.id)/orsak", ["orsak": "Ingen har felanmält armaturerna."])

            // The officer proposes (carrying out a measure of the plan); the samordnare decides. "Genomförs ej" needs its reason.
            let plan = try #require(try await PlanStore(scope).planInForce())
            let planMeasure = try #require(try await PlanStore(scope).measures(planID: plan.id).first)
            try await officer.submit(
                "/samverkan/vandringar/\(walk.id)/atgarder",
                [
                    "atgard": "Byt armaturerna i tunneln", "agare": mos.id.uuidString, "klart": walk.defaultDueDate,
                    "observationer[]": observation.id.uuidString, "beslut": "genomfors", "planens_atgard": planMeasure.id.uuidString,
                ])
            let measure = try #require(try await WalkMeasureStore(scope).measures(walkIDs: [walk.id]).first)
            #expect(measure.decision == .proposed && measure.observationIDs == [observation.id] && measure.dueOn == "2026-09-05", "bara samordnaren beslutar")
            #expect(
                try await officer.post("/samverkan/vandringar/\(walk.id)/atgarder/\(measure.id)", ["beslut": "genomfors", "klart": "2026-09-05"]).status
                    == .forbidden)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let noReason = try await samordnare.post(
                "/samverkan/vandringar/\(walk.id)/atgarder/\(measure.id)", ["beslut": "genomfors-ej", "klart": "2026-09-05"])
            #expect(noReason.status == .badRequest && noReason.text.contains("Skriv varför åtgärden inte genomförs."))
            #expect(noReason.text.contains(#"<option value="genomfors-ej" selected>"#) && noReason.text.contains(#"value="2026-09-05""#), "beslutet står kvar")
            try await samordnare.submit("/samverkan/vandringar/\(walk.id)/atgarder/\(measure.id)", ["beslut": "genomfors", "klart": "2026-09-05"])
            #expect(try await WalkMeasureStore(scope).find(id: measure.id)?.observationIDs == [observation.id], "beslutet behåller observationerna")
            try await samordnare.submit("/samverkan/vandringar/\(walk.id)/atgarder/\(measure.id)/insats")
            let linked = try #require(try await WalkMeasureStore(scope).find(id: measure.id)?.insatsID)
            let insats = try await InsatsStore(scope).find(id: linked)
            #expect(insats?.what == "Byt armaturerna i tunneln" && insats?.measureID == planMeasure.id, "insatsen genomför planens åtgärd")
            #expect(try await samordnare.get("/samverkan/vandringar/\(walk.id)").text.contains("Genomför åtgärd \(planMeasure.reference)"))

            // The observations are a source of the week's lägesbild and of the strategic lägesbild.
            let week = try await samordnare.get("/est/vecka/2026-W10")
            #expect(week.text.contains("Trygghetsvandringar under veckan") && week.text.contains("Kvällsvandring Berga: Belysning – Mörk tunnel"))
            let own = try await LagesbildOwnData.load(from: "2026-01-01", to: "2026-12-31", scope: scope)
            // This walk and the demo's January walk in Berga (its planned follow-up walk has not happened yet).
            #expect(own.lines.contains { $0.source == "Trygghetsvandringar" && $0.what == "Genomförda vandringar" && $0.count == "2" })
            #expect(own.lines.contains { $0.source == "Trygghetsvandringar" && $0.what == "Observationer: Belysning" && $0.count == "2" })

            let resident = Browser(client)
            #expect(try await resident.get("/k/linkoping/vandringar/\(walk.id)").status == .notFound, "inte publicerat än")
            try await samordnare.submit("/samverkan/vandringar/\(walk.id)/publicera")
            let published = try await resident.get("/k/linkoping/vandringar/\(walk.id)")
            #expect(published.status == .ok && published.text.contains("Mörk tunnel, två armaturer trasiga") && published.text.contains("Ingen har felanmält"))
            #expect(
                published.text.contains("Byt armaturerna i tunneln") && !published.text.contains("ansvarig.sf@") && !published.text.contains("Demo ansvarig"))
            #expect(try await resident.get("/k/linkoping/").text.contains("Kvällsvandring Berga"))
            #expect(try await resident.get("/k/norrkoping/vandringar/\(walk.id)").status == .notFound)
        }
    }

    @Test("En orsaksanalys för flera observationer: minst två, bara vandringens egna, syns i det publicerade protokollet")
    func causeForSeveralObservations() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let walk = try #require(try await WalkStore(scope).all().first { $0.protocolPublishedAt != nil })
            let observations = try await WalkStore(scope).observations(walkIDs: [walk.id])
            #expect(observations.count >= 3)
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let page = "/samverkan/vandringar/\(walk.id)"
            #expect(try await officer.get(page).text.contains("Orsaksanalys för flera observationer"))

            let one = try await officer.post(page + "/orsaker", pairs: [("observationer[]", observations[0].id.uuidString), ("orsak", "Belysningen")])
            #expect(one.status == .badRequest && one.text.contains("Välj minst två observationer"))
            #expect(one.text.contains(">Belysningen</textarea>"), "texten står kvar")
            #expect(one.text.contains(#"value="\#(observations[0].id.uuidString)" checked"#), "och det ikryssade")
            let stranger = try await officer.post(
                page + "/orsaker", pairs: [("observationer[]", observations[0].id.uuidString), ("observationer[]", UUID().uuidString), ("orsak", "x")])
            #expect(stranger.text.contains("En vald observation hör inte till vandringen."))
            #expect(try await WalkCauseStore(scope).causes(walkID: walk.id).isEmpty, "inget sparades")

            try await officer.submit(
                page + "/orsaker",
                pairs: [
                    ("observationer[]", observations[2].id.uuidString), ("observationer[]", observations[0].id.uuidString),
                    ("orsak", "Gångstråket saknar belysning hela vägen, och ingen äger frågan."),
                ])
            let shown = try await officer.get(page).text
            #expect(shown.contains("<strong>Observation 1 och 3:</strong> Gångstråket saknar belysning hela vägen"))
            let published = try await Browser(client).get("/k/linkoping/vandringar/\(walk.id)").text
            #expect(published.contains("Orsaker som gäller flera observationer") && published.contains("Observation 1 och 3:"))

            let cause = try #require(try await WalkCauseStore(scope).causes(walkID: walk.id).first)
            let reader = Browser(client)
            try await reader.login("admin@linkoping.demo")
            #expect(try await reader.post(page + "/orsaker/\(cause.id)/ta-bort", pairs: []).status == .forbidden, "administratören håller inte i vandringar")
            try await officer.submit(page + "/orsaker/\(cause.id)/ta-bort")
            #expect(try await WalkCauseStore(scope).causes(walkID: walk.id).isEmpty)
        }
    }
}
