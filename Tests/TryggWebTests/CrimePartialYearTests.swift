import Foundation
import Testing
import TryggCore
@testable import TryggWeb

/// An extract that ends in March: the page opens on the last whole year, names the quarter as a
/// part of a year, and nothing compares the quarter with a whole year.
@Suite("Kartläggning: ett uttag som slutar mitt i ett år")
struct CrimePartialYearTests {
    /// Bilbränder in Skäggetorp on the 10th of every month from January 2021 to March 2023.
    static var extract: String {
        var lines = CrimeFiguresTests.header
        var id = 0
        for year in 2021...2023 {
            for month in 1...(year == 2023 ? 3 : 12) {
                id += 1
                let date = String(format: "%d-%02d-10", year, month)
                lines += "\(id),1211,\"Skadegörelse, bilbrand\",\(date),\(date),Linköping,Östergötlands Län,0580C1610,1\n"
            }
        }
        // The period runs from New Year's Day to the end of March.
        lines += "900,1211,\"Skadegörelse, bilbrand\",2021-01-01,2021-01-01,Linköping,Östergötlands Län,0580C1610,1\n"
        lines += "901,1211,\"Skadegörelse, bilbrand\",2023-03-31,2023-03-31,Linköping,Östergötlands Län,0580C1610,1\n"
        lines += "902,1211,\"Skadegörelse, bilbrand\",2021-12-31,2021-12-31,Linköping,Östergötlands Län,0580C1610,1\n"
        lines += "903,1211,\"Skadegörelse, bilbrand\",2022-12-31,2022-12-31,Linköping,Östergötlands Län,0580C1610,1\n"
        return lines
    }

    @Test("Sidan öppnar på det senaste hela året; kvartalet heter del av året och jämförs inte")
    func opensOnWholeYear() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let imported = try await browser.upload("/lagesbild/brott/import", file: Data(Self.extract.utf8), filename: "polisen.csv")
            #expect(imported.status == .seeOther)
            let page = try await browser.get("/lagesbild/brott")
            #expect(page.text.contains("<title>Kartläggning: anmälda brott 2022"), "2022 är det senaste hela året")
            #expect(page.text.contains(">2023 (del av året)</option>"))
            let quarter = try await browser.get("/lagesbild/brott?ar=2023")
            #expect(
                quarter.text.contains(
                    "Uttaget täcker bara 2023-01-01 – 2023-03-31 av 2023 (inskrivningsdatum): antalen gäller den delen av året och jämförs inte med hela år."))
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(try await browser.get("/lagesbild/brott.json?ar=2023").text.utf8)) as? [String: Any])
            let total = try #require((json["totals"] as? [[String: Any]])?.first)
            #expect(total["count"] as? Int == 4 && total["previous_count"] is NSNull, "fyra bränder i mars jämförs inte med tretton under 2022")
            #expect(json["partial_year"] as? Bool == true && json["reported_to"] as? String == "2023-03-31")
            #expect(try await browser.get("/lagesbild/brott").text.contains("(del av året)</th>"), "trendtabellen märker delåret")

            // A lägesbild for 2022 – March 2023 shows 2022, the period's last whole year.
            let created = try await browser.submit("/lagesbild/dokument", ["fran": "2022-01-01", "till": "2023-03-31"])
            let report = try #require(created.text.range(of: #"href="(/lagesbild/dokument/[0-9A-F-]+/rapport)""#, options: .regularExpression))
            let href = String(created.text[report].dropFirst(6).dropLast())
            #expect(try await browser.get(href).text.contains("Anmälda brott 2022 i kommunen"))
        }
    }
}
