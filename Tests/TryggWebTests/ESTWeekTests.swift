import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb
import TryggDemo

@Suite("EST: veckans lägesbild, insatser, rapporter och analyser")
struct ESTWeekTests {
    static func report(_ browser: Browser, _ fields: [String: String]) async throws {
        let base = [
            "kategori": "skadegorelse", "datum": "2024-03-27", "tid": "21:40", "precision": "exakt", "lat": "58.4320", "lon": "15.5800",
            "omrade": "", "platsnamn": "Torget", "beskrivning": "Klotter",
        ]
        let response = try await browser.post("/est/rapportera", base.merging(fields) { _, new in new })
        #expect(response.status == .seeOther, "\(fields)")
    }

    @Test("Lägesbilden räknar veckan i svensk tid, bedöms, får en insats som följs upp, och publiceras till rapportörerna")
    func weekCycle() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            // Monday 2024-03-25 00:30 is week 13 although it is Sunday evening in UTC; Sunday 2024-03-24 23:30 is week 12.
            for (date, time) in [("2024-03-25", "00:30"), ("2024-03-27", "21:40"), ("2024-03-31", "03:15"), ("2024-03-24", "23:30"), ("2024-03-13", "20:00")] {
                try await Self.report(rapportor, ["datum": date, "tid": time])
            }
            #expect(try await rapportor.get("/est/vecka/2024-W13").status == .notFound)

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let page = try await samordnare.get("/est/vecka/2024-W13")
            #expect(page.status == .ok && page.text.contains("Lägesbild vecka 13 2024"))
            #expect(
                page.text.contains(
                    "<th scope=\"row\">Skäggetorp</th><td data-label=\"Veckan\" class=\"num\">3</td><td data-label=\"Föregående vecka\" class=\"num\">1</td><td data-label=\"Snitt 4 veckor före\" class=\"num\">0,5</td>"
                ))
            // Three events at the square this week and two in the four weeks before: a recurring hot place.
            #expect(
                page.text.contains(
                    "Torget <span class=\"tag\">återkommande</span></th><td data-label=\"Område\">Skäggetorp</td><td data-label=\"Händelser\" class=\"num\">3</td><td data-label=\"Fyra veckorna före\" class=\"num\">2</td>"
                ))

            let saved = try await samordnare.submit("/est/vecka/2024-W13/bedomning", ["bedomning": "Ökat klotter vid torget."])
            #expect(saved.text.contains("Bedömningen är sparad") && saved.text.contains("Ökat klotter vid torget."))
            #expect(page.text.contains("Bedömning av veckan (högst 4 000 tecken)"), "gränsen står vid fältet")
            let tooLong = try await samordnare.post("/est/vecka/2024-W13/bedomning", ["bedomning": String(repeating: "a", count: 4_001)])
            #expect(tooLong.status == .badRequest && tooLong.text.contains("högst \(SwedishNumber.integer(4_000)) tecken"))
            let mos = try #require(
                try await OrganisationStore(try await harness.scope("linkoping")).organisation(abbreviation: "MOS")
            )
            let decided = try await samordnare.submit(
                "/est/vecka/2024-W13/insatser",
                [
                    "typ": "situationell", "vad": "Sanera klottret och byt belysning", "plats": "Torget", "lat": "58.4320", "lon": "15.5800",
                    "organisation": mos.id.uuidString, "start": "2024-03-28", "klart": "2024-04-05",
                ])
            #expect(decided.text.contains("Insatsen är beslutad") && decided.text.contains("Sanera klottret"))
            let bad = try await samordnare.post(
                "/est/vecka/2024-W13/insatser",
                [
                    "typ": "situationell", "vad": "Ring 070-123 45 67", "plats": "Torget", "organisation": mos.id.uuidString, "start": "2024-03-28",
                    "klart": "2024-03-01",
                ])
            #expect(bad.status == .badRequest)
            let insats = try #require(try await InsatsStore(try await harness.scope("linkoping")).all().first)
            #expect(try await InsatsStore(try await harness.scope("linkoping")).all().count == 1)

            // The next week the insats is still open and is followed up there.
            let nextWeek = try await samordnare.get("/est/vecka/2024-W14")
            #expect(nextWeek.text.contains("Sanera klottret") && nextWeek.text.contains("/insatser/\(insats.id)/uppfoljning"))
            let named = try await samordnare.post(
                "/est/vecka/2024-W14/insatser/\(insats.id)/uppfoljning", ["status": "genomford", "notering": "Sanerat av anna.svensson@example.com"])
            #expect(named.status == .badRequest && named.text.contains("Uppföljningen ser ut att innehålla"))
            #expect(named.text.contains(#"value="Sanerat av anna.svensson@example.com""#), "noteringen står kvar")
            #expect(named.text.contains(#"<option value="genomford" selected>"#), "och statusen")
            let followed = try await samordnare.submit(
                "/est/vecka/2024-W14/insatser/\(insats.id)/uppfoljning", ["status": "genomford", "notering": "Klottret är borta."])
            #expect(followed.text.contains("Uppföljningen är sparad"))
            #expect(!(try await samordnare.get("/est/vecka/2024-W15").text.contains("Sanera klottret")))
            let insatsPage = try await samordnare.get("/est/insatser/\(insats.id)")
            #expect(insatsPage.text.contains("vecka 14 2024: Genomförd.") && insatsPage.text.contains("Klottret är borta."))
            #expect(insatsPage.text.contains("(Demo samordnare (KLF (SÄK)), "), "uppföljningen med namn, inte e-postadress")

            try await samordnare.post("/est/vecka/2024-W13/publicera", ["publicera": "ja"])
            let published = try await rapportor.get("/est/vecka/2024-W13")
            #expect(published.status == .ok && published.text.contains("Ökat klotter vid torget.") && !published.text.contains("Besluta en insats"))
            #expect(published.text.contains(" av Demo samordnare (KLF (SÄK))."), "den som publicerade, med namn")
            #expect(try await rapportor.get("/est").text.contains("/est/vecka/2024-W13"))
            #expect(try await rapportor.post("/est/vecka/2024-W13/bedomning", ["bedomning": "x"]).status == .forbidden)
        }
    }

    @Test("Veckorapporten som JSON, HTML och Word har samma siffror")
    func weeklyReport() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            try await Self.report(rapportor, [:])
            try await Self.report(rapportor, ["kategori": "nedskrapning", "lat": "58.3925", "lon": "15.6450"])
            try await Self.report(rapportor, ["datum": "2024-03-20"])
            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            let json = try await analytiker.get("/est/vecka/2024-W13/rapport.json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            let areas = try #require(object["areas"] as? [[String: Any]])
            let skaggetorp = try #require(areas.first { $0["area"] as? String == "Skäggetorp" })
            #expect(skaggetorp["total"] as? Int == 1 && skaggetorp["previous_week_total"] as? Int == 1)
            #expect(skaggetorp["four_week_average"] as? Double == 0.25)
            #expect((skaggetorp["categories"] as? [String: Int]) == ["Skadegörelse": 1])
            #expect(areas.first { $0["area"] as? String == "Berga" }?["total"] as? Int == 1)
            #expect(areas.last?["area"] as? String == "Övriga kommunen")
            let html = try await analytiker.get("/est/vecka/2024-W13/rapport")
            #expect(html.text.contains("<h1>Lägesbild vecka 13 2024</h1>") && html.text.contains("25 mars 2024 – 31 mars 2024"))
            let docx = try await analytiker.get("/est/vecka/2024-W13/rapport.docx")
            #expect(docx.status == .ok && Array(docx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
        }
    }

    @Test("Demoårets mönster syns: signifikant hotspot vid torget, insatsen i tunneln minskade händelserna, trender per månad")
    func analyses() async throws {
        try await Harness.run(est: true) { harness, client in
            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let skaggetorp = try #require(try await AreaStore(harness.scope(kommun)).all().first { $0.name == "Skäggetorp" })
            let hotspots = try await analytiker.get("/est/hotspots?omrade=\(skaggetorp.id)")
            #expect(hotspots.status == .ok && hotspots.text.contains("p &lt; 0,001"), "decimalkomma")
            #expect(hotspots.text.contains("händelser med position; Skäggetorp täcker ") && hotspots.text.contains(" rutor.</p>"))
            // A hot cell is named by the place its events name, not only by coordinates.
            #expect(hotspots.text.contains("<th scope=\"row\">Skäggetorps torg</th>") || hotspots.text.contains("<th scope=\"row\">nära "))
            let insatser = try await InsatsStore(harness.scope(kommun)).all()
            let tunnel = try #require(insatser.first { $0.place == DemoEvents.tunnel.name })
            let effect = try await analytiker.get("/est/insatser/\(tunnel.id)?radie=150&veckor=8")
            #expect(effect.text.contains("färre") && effect.text.contains("slumpen"))
            // The presence at the school yard after the weekend's spike has a point, so its effect is estimated too.
            let presence = try #require(insatser.first { $0.place == "Bergaskolans skolgård" })
            let after = try await analytiker.get("/est/insatser/\(presence.id)")
            #expect(after.text.contains("Kvot (skillnad-i-skillnader)") && !after.text.contains("ingen punkt på kartan"))
            let year = StockholmCalendar.local(TryggClock.now).year
            let trends = try await analytiker.get("/est/trender?ar=\(year)")
            #expect(trends.status == .ok && trends.text.contains("Hela kommunen") && trends.text.contains("<svg"))
            // The tests run on 11 March: March is running, April has not begun.
            // The demo year began last March: January and February have no data the year before, so no change is shown.
            #expect(trends.text.contains("mar (hittills)") && trends.text.contains("Ingen förändring visas"))
            let spike = ISOWeek.containing(TryggClock.now).adding(-DemoEvents.spikeWeeksAgo)
            let week = try await analytiker.get("/est/vecka/\(spike)")
            #expect(week.text.contains("Bergaskolans skolgård") && week.text.contains("en ökning med"))
            #expect(try await analytiker.get("/est/trender?ar=1").status == .badRequest)
        }
    }
}
