import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// The area's page gathers what an områdesgrupp looks at, each part for those who may read it.
@Suite("Områdesbilden")
struct AreaProfileTests {
    static func areaPage(_ browser: Browser, _ harness: Harness, _ name: String) async throws -> (String, UUID) {
        let area = try #require(try await AreaStore(try await harness.scope("linkoping")).all().first { $0.name == name })
        return (try await browser.get("/omraden/\(area.id)").text, area.id)
    }

    @Test("Samordnaren ser områdets brott mot kommunen, händelserna, insatser, möten, löften och tips på områdets sida")
    func samordnare() async throws {
        try await Harness.run(est: true, citizen: true, statistics: true) { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let (page, id) = try await Self.areaPage(samordnare, harness, "Skäggetorp")
            for text in [
                "<h2 id=\"area-crimes\">Anmälda brott</h2>", "Hela kommunen per 1 000", "<h2 id=\"area-events\">Händelser i EST</h2>",
                "href=\"/est/handelser?omrade=\(id)\"", "Områdesgrupp Skäggetorp", "Tryggare kvällar i Skäggetorps centrum",
                "<h2 id=\"area-tips\">Tips från invånare</h2>",
            ] {
                #expect(page.contains(text), "saknar \(text)")
            }
            // The demo's EST year is its first: the year before is not shown as zero.
            #expect(page.contains("inga jämförbara siffror för året innan"))
            #expect(!page.contains("Antal 1–4 visas inte"), "samordnaren ser alla antal")
            // The link leads to the area's events.
            let events = try await samordnare.get("/est/handelser?omrade=\(id)")
            #expect(events.status == .ok && events.text.contains("Skäggetorp"))
            // An area without DeSO codes has no crime figures to show, and says nothing of them.
            #expect(!(try await Self.areaPage(samordnare, harness, "City").0.contains("area-crimes")))
        }
    }

    @Test("Polisen ser brotten med små antal dolda men inte EST-händelserna eller tipsen; rapportören bara samverkan")
    func othersSeeTheirPart() async throws {
        try await Harness.run(est: true, citizen: true, statistics: true) { harness, client in
            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let (page, _) = try await Self.areaPage(police, harness, "Skäggetorp")
            #expect(page.contains("area-crimes") && page.contains("Antal 1–4 visas inte"))
            #expect(!page.contains("area-events") && !page.contains("area-tips"))
            #expect(page.contains("Områdesgrupp Skäggetorp"))
            // The admin does not sit in the områdesgrupp: its meetings would answer 404.
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let adminPage = try await Self.areaPage(admin, harness, "Skäggetorp").0
            #expect(adminPage.contains("Tryggare kvällar i Skäggetorps centrum") && !adminPage.contains("Områdesgrupp Skäggetorp"))
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            let reporterPage = try await Self.areaPage(reporter, harness, "Skäggetorp").0
            #expect(!reporterPage.contains("area-crimes") && !reporterPage.contains("area-events") && !reporterPage.contains("area-tips"))
        }
    }

    @Test("Polisens senaste lista över utsatta områden står på det område den överlappar, och att ingen gör det på de andra")
    func policeList() async throws {
        try await Harness.run { harness, client in
            let areas = try await AreaStore(try await harness.scope("linkoping")).all()
            let skaggetorp = try #require(areas.first { $0.name == "Skäggetorp" })
            let listed = PoliceArea(
                year: 2023, specialID: "", name: "Skäggetorp", category: "Särskilt utsatt område", ort: "Linköping", lokalpolis: "Linköping",
                since: "2015-12-01", shape: skaggetorp.shape, areaM2: nil)
            _ = try await PoliceAreaStore(harness.database).importList([listed], year: 2023, fileName: "utsatta_2023.geojson", by: .commandLine())
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let page = try await Self.areaPage(samordnare, harness, "Skäggetorp").0
            #expect(page.contains("Polisens lista över utsatta områden") && page.contains("Skäggetorp (Linköping): särskilt utsatt område"))
            #expect(page.contains("på polisens lista 2023"))
            let other = try await Self.areaPage(samordnare, harness, "Ryd").0
            #expect(other.contains("Området överlappar inget område på polisens lista 2023."))
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(!(try await Self.areaPage(reporter, harness, "Skäggetorp").0.contains("area-police")))
        }
    }

    @Test("Året innan jämförs bara när kommunens händelser når så långt tillbaka")
    func yearBefore() {
        let first = ISOWeek.containing(Harness.now).adding(-103)
        #expect(!AreaProfile.comparesYearBefore(earliestWeek: nil, yearBeforeStarts: first))
        #expect(AreaProfile.comparesYearBefore(earliestWeek: first.key, yearBeforeStarts: first))
        #expect(AreaProfile.comparesYearBefore(earliestWeek: first.adding(4).key, yearBeforeStarts: first))
        #expect(!AreaProfile.comparesYearBefore(earliestWeek: first.adding(5).key, yearBeforeStarts: first))
    }
}
