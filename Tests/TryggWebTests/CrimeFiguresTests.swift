import Foundation
import Testing
import TryggCore
@testable import TryggWeb

/// The kartläggning page: the samordnare imports the police's extract and SCB's population and
/// sees crimes per area; partners see small counts hidden; the other kommun sees nothing.
@Suite("Kartläggning: anmälda brott per område i webben")
struct CrimeFiguresTests {
    static let header = "Id,Brottskod,Brottskod.klartext,Inskrivningsdatum,Brottsdatum,Kommun,Län,DeSO.område,Antal\n"

    /// Skäggetorp (demo area with DeSO codes): 12 sabotage in 2022 and 3 bilbränder; 2 without DeSO; 1 in Norrköping.
    static var extract: String {
        var lines = header
        var id = 100
        func add(_ code: Int, _ name: String, _ date: String, _ kommun: String, _ deso: String) {
            id += 1
            lines += "\(id),\(code),\"\(name)\",\(date),\(date),\(kommun),Östergötlands Län,\(deso),1\n"
        }
        for day in 1...12 { add(1311, "Sabotage mot blåljusverksamhet", String(format: "2022-04-%02d", day), "Linköping", "0580C1610") }
        for day in 1...3 { add(1211, "Skadegörelse, bilbrand", String(format: "2022-05-%02d", day), "Linköping", "0580C1630") }
        add(1311, "Sabotage mot blåljusverksamhet", "2022-06-01", "Linköping", "")
        add(1311, "Sabotage mot blåljusverksamhet", "2021-06-01", "Linköping", "0580C1160")
        add(1311, "Sabotage mot blåljusverksamhet", "2022-06-01", "Norrköping", "0581C1070")
        return lines
    }

    static let population = "deso,folkmangd_2022\n0580C1610,2000\n0580C1630,2000\n0580C1660,2000\n0580C1670,2000\n0580C1680,2000\n0580C1160,5000\n"

    @Test("Samordnaren importerar befolkning och uttag och ser brotten per område; partnern ser små antal dolda; rapportören och andra kommunen ser inget")
    func importAndRead() async throws {
        try await Harness.run { _, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let empty = try await samordnare.get("/lagesbild/brott")
            #expect(empty.status == .ok && empty.text.contains("Det finns inga anmälda brott"))
            let population = try await samordnare.upload("/lagesbild/befolkning/import", file: Data(Self.population.utf8), filename: "scb.csv")
            #expect(population.status == .seeOther)
            let imported = try await samordnare.upload("/lagesbild/brott/import", file: Data(Self.extract.utf8), filename: "polisen.csv")
            #expect(imported.status == .seeOther)
            let page = try await samordnare.get(try #require(imported.location))
            #expect(page.text.contains("Importerade 17 rader (17 nya)"), "meddelandet efter importen")
            #expect(page.text.contains("1 rad gällde andra kommuner"))
            // Skäggetorp: 12 sabotage on 10,000 inhabitants = 1,20 per 1 000.
            #expect(page.text.contains("<td class=\"num\">12</td>") && page.text.contains("1,20"))
            #expect(page.text.contains("Okänt område"))
            #expect(page.text.contains("Brott per 1 000 invånare räknas på befolkningen 2022."))
            let again = try await samordnare.upload("/lagesbild/brott/import", file: Data(Self.extract.utf8), filename: "polisen.csv")
            #expect(try await samordnare.get(try #require(again.location)).text.contains("(0 nya)"), "samma fil igen ändrar inget")
            let csv = try await samordnare.get("/lagesbild/brott.csv?ar=2022&datum=brott&niva=omraden")
            #expect(csv.text.hasPrefix("area,crime_code") && csv.text.contains("Skäggetorp,1311,Sabotage mot blåljusverksamhet,12,"))

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let shared = try await police.get("/lagesbild/brott?ar=2022")
            #expect(shared.status == .ok && shared.text.contains("Antal 1–4 visas inte"))
            #expect(!shared.text.contains("Importera polisens uttag"), "partnern importerar inte")
            let sharedJSON = try await police.get("/lagesbild/brott.json?ar=2022")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(sharedJSON.text.utf8)) as? [String: Any])
            let rows = try #require(json["rows"] as? [[String: Any]])
            let bilbrand = try #require(rows.first { $0["area"] as? String == "Skäggetorp" && $0["crime_code"] as? Int == 1211 })
            #expect(bilbrand["count"] is NSNull && bilbrand["hidden"] as? Bool == true, "3 bilbränder döljs för partnern")
            #expect(try await police.upload("/lagesbild/brott/import", file: Data(Self.extract.utf8), filename: "x.csv").status == .forbidden)

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(try await reporter.get("/lagesbild/brott").status == .forbidden)

            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(try await norrkoping.get("/lagesbild/brott?ar=2022").text.contains("Det finns inga anmälda brott"))
        }
    }

    @Test("Ett felaktigt uttag visar felen med rad och kolumn och sparar ingenting")
    func refusesBadExtract() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("analytiker@linkoping.demo")
            let bad =
                Self.header + "1,1311,Sabotage,2022-04-01,2022-04-01,Linköping,Östergötlands Län,0580C1610,-1\n"
                + "2,1311,Sabotage,2022-04-01,2022-04-01,Linköping,Östergötlands Län,0580C1610,1\n"
            let response = try await browser.upload("/lagesbild/brott/import", file: Data(bad.utf8), filename: "polisen.csv")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Rad 2, kolumn Antal"))
            #expect(try await browser.get("/lagesbild/brott?ar=2022").text.contains("Det finns inga anmälda brott"), "inget halvt importerat")
            let other = Self.header + "1,1311,Sabotage,2022-04-01,2022-04-01,Norrköping,Östergötlands Län,0581C1070,1\n"
            let onlyOther = try await browser.upload("/lagesbild/brott/import", file: Data(other.utf8), filename: "norrkoping.csv")
            #expect(onlyOther.status == .badRequest && onlyOther.text.contains("bara för Norrköping"))
            let broken = try await browser.upload("/lagesbild/brott/import", file: Data((Self.header + "1,\"1311,x\n").utf8), filename: "trasig.csv")
            #expect(broken.status == .badRequest && broken.text.contains("Ingenting importerades"))
            let foreign = try await browser.upload(
                "/lagesbild/befolkning/import", file: Data("deso,folkmangd_2023\n0581C1070,1500\n".utf8), filename: "scb.csv")
            #expect(foreign.status == .badRequest && foreign.text.contains("Ingen DeSO i filen hör till Linköpings kommun"))
        }
    }

    @Test("Demons kartläggning: Skäggetorp, Ryd och Berga bär sina DeSO-koder, och april 2022 syns i Skäggetorp")
    func demo() async throws {
        try await Harness.run(statistics: true) { _, client in
            let browser = Browser(client)
            try await browser.login("analytiker@linkoping.demo")
            let page = try await browser.get("/lagesbild/brott?ar=2022&datum=brott")
            #expect(page.status == .ok)
            for area in ["Skäggetorp", "Ryd", "Berga"] { #expect(page.text.contains(">\(area)<"), "\(area) har DeSO-koder") }
            let json = try JSONSerialization.jsonObject(with: Data(try await browser.get("/lagesbild/brott.json?ar=2022").text.utf8)) as? [String: Any]
            let rows = try #require(json?["rows"] as? [[String: Any]])
            let sabotage = try #require(rows.first { $0["area"] as? String == "Skäggetorp" && $0["crime_code"] as? Int == 1311 })
            #expect((sabotage["count"] as? Int ?? 0) >= 55 && (sabotage["rate_per_1000"] as? Double ?? 0) > 1)
            #expect(json?["covered_years"] as? [Int] == [2019, 2020, 2021, 2022])
        }
    }

    @Test("Utvecklingen år för år: en kurva och en tabell per område och brottskod; partnern ser små antal dolda även där")
    func trend() async throws {
        try await Harness.run(statistics: true) { _, client in
            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            let all = try await analytiker.get("/lagesbild/brott?ar=2022").text
            #expect(all.contains("Utveckling år för år") && all.contains("<svg") && all.contains("aria-label=\"Alla anmälda brott per år och område\""))
            #expect(all.contains((2019...2022).map { "<th scope=\"col\" class=\"num\">\($0)</th>" }.joined()))
            for area in ["Skäggetorp", "Ryd", "Berga", "Hela kommunen"] { #expect(all.contains("<th scope=\"row\">\(area)</th><td class=\"num\">")) }
            let sabotage = try await analytiker.get("/lagesbild/brott?ar=2022&kod=1311").text
            #expect(sabotage.contains("(1311) per år och område") && sabotage.contains("<option value=\"1311\" selected>"))
            #expect(try await analytiker.get("/lagesbild/brott?ar=2022&kod=abc").status == .ok, "en okänd kod visar alla brott")

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let shared = try await police.get("/lagesbild/brott?ar=2022").text
            #expect(shared.contains("Utveckling år för år") && shared.contains("Antal 1–4 visas inte."))
        }
    }
}
