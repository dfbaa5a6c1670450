import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// The EST group reads the police's national list of decisions on gatherings and sees the
/// kommun's coming ones on the page and in the week's lägesbild.
@Suite("Allmänna sammankomster i EST")
struct GatheringWebTests {
    static func list(now: Date) -> String {
        func day(_ offset: Int) -> String { SwedishTime.date(now.addingTimeInterval(Double(offset) * 86_400)) }
        return "nr;Planerat datum;Plats som framgår i ansökan;Status;coord1;coord2\n"
            + "1;\(day(2));Skäggetorps centrum;Bifall;58.4318;15.5790\n"
            + "2;\(day(3));Von Lingens väg 47, Malmö;Avslag;55.5872;13.0476\n"
            + "3;\(day(-60));Berga centrum, alternativt Trädgårdstorget;Avslag Berga, Bifall Trädgårdstorget;58.3890;15.6290\n"
    }

    @Test("Samordnaren läser in listan; Linköpings beslut syns på sidan och i veckans lägesbild, Malmö hoppas över; samma lista igen lägger inte till något")
    func importAndPlan() async throws {
        try await Harness.run { harness, client in
            let now = TryggClock.now
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let imported = try await samordnare.upload("/est/sammankomster/import", file: Data(Self.list(now: now).utf8), filename: "polisen.csv")
            #expect(imported.status == .seeOther)
            let page = try await samordnare.get(try #require(imported.location))
            #expect(page.text.contains("Läste 2 beslut i kommunen: 2 nya, 0 uppdaterade. 1 rad gällde platser utanför kommunen och hoppades över."))
            #expect(page.text.contains("Skäggetorps centrum") && !page.text.contains("Malmö"))
            #expect(page.text.contains("Delvis bifall") && page.text.contains("Avslag Berga, Bifall Trädgårdstorget"))
            let again = try await samordnare.upload("/est/sammankomster/import", file: Data(Self.list(now: now).utf8), filename: "polisen.csv")
            #expect(try await samordnare.get(try #require(again.location)).text.contains("0 nya, 2 uppdaterade"))

            let week = try await samordnare.get("/est/vecka/\(ISOWeek.containing(now).description)")
            #expect(week.text.contains("Allmänna sammankomster veckan och två veckor framåt"))
            #expect(week.text.contains("\(SwedishTime.weekdayDate(SwedishTime.date(now.addingTimeInterval(2 * 86_400)))): Skäggetorps centrum – Bifall"))
            #expect(
                week.text.contains(
                    "class=\"dot gathering\"")
                    && week.text.contains(
                        "<title>Allmän sammankomst \(SwedishTime.weekdayDate(SwedishTime.date(now.addingTimeInterval(2 * 86_400)))): Skäggetorps centrum (bifall)</title>"
                    ),
                "den beviljade sammankomsten står på veckans karta")
            let start = try await samordnare.get("/")
            #expect(start.text.contains("1 beslut från polisen de närmaste två veckorna; först"), "startsidan påminner om dem")
            let docx = try await samordnare.get("/est/vecka/\(ISOWeek.containing(now).description)/rapport.docx")
            #expect(docx.status == .ok)

            let bad = try await samordnare.upload("/est/sammankomster/import", file: Data("nr;Datum\n1;2022\n".utf8), filename: "fel.csv")
            #expect(bad.status == .badRequest && bad.text.contains("Kolumnerna Planerat datum"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await GatheringStore(harness.scope(kommun)).all().count == 2, "inget mer sparat")

            let typed = try await samordnare.submit(
                "/est/sammankomster", ["datum": SwedishTime.date(now.addingTimeInterval(5 * 86_400)), "plats": "Stora torget", "beslut": "Bifall"])
            #expect(typed.text.contains("Stora torget: bifall, sparat."))
            let wrong = try await samordnare.post("/est/sammankomster", ["datum": "2026-02-30", "plats": "", "beslut": "Återkallad"])
            #expect(wrong.status == .badRequest)
            #expect(
                wrong.text.contains("Datum: ") && wrong.text.contains("Plats: Får inte vara tom.") && wrong.text.contains("säger varken bifall eller avslag"))
            #expect(wrong.text.contains("value=\"Återkallad\""), "formuläret behåller det som skrevs")
            #expect(try await GatheringStore(harness.scope(kommun)).all().count == 3)

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(try await reporter.get("/est/sammankomster").status == .forbidden)
            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            let read = try await analytiker.get("/est/sammankomster")
            #expect(read.status == .ok && read.text.contains("Skäggetorps centrum") && !read.text.contains("Läs in polisens beslut"))
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(!(try await norrkoping.get("/est/sammankomster").text.contains("Skäggetorps centrum")))
        }
    }
}
