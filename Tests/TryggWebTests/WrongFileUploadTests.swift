import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// The files people really pick by mistake: a screenshot, an empty file, another table, and the
/// semicolon CSV Swedish Excel saves in Windows-1252.
@Suite("Fel fil i en import säger vad som är fel och sparar ingenting")
struct WrongFileUploadTests {
    static let imports = ["/plan/import", "/lagesbild/brott/import", "/lagesbild/befolkning/import", "/lagesbild/jamforelse/import"]

    @Test("En bild och en tom fil får var sin mening i stället för ett kodningsfel eller 'välj en fil'")
    func pictureAndEmptyFile() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
            for path in Self.imports {
                let picture = try await browser.upload(path, file: png, filename: "skärmbild.png")
                #expect(picture.status == .badRequest, "\(path)")
                #expect(picture.text.contains("Filen är en bild, inte en CSV-fil."), "\(path)")
                let empty = try await browser.upload(path, file: Data(), filename: "tom.csv")
                #expect(empty.status == .badRequest, "\(path)")
                #expect(empty.text.contains("Filen tom.csv är tom."), "\(path)")
            }
            let kommun = try await harness.kommun("linkoping")
            #expect(try await PlanStore(harness.scope(kommun)).plans().count == 1, "ingen plan importerad")
        }
    }

    @Test("En annan tabell i planimporten är ett fel om fel fil, inte tolv om var sin kolumn")
    func anotherTable() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let population = "kommunkod,deso,folkmangd_2023\n0580,0580C1010,1200\n"
            let response = try await browser.upload("/plan/import", file: Data(population.utf8), filename: "befolkning.csv")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Ingenting importerades (1 fel)"))
            #expect(response.text.contains("Rad 1: Kolumnerna year, section, target_area"))
            #expect(response.text.contains("En åtgärdsplan har kolumnerna year, section"))
        }
    }

    @Test("Planen sparad av svenska Excel som semikolonavgränsad CSV (Windows-1252) importeras med å, ä och ö hela")
    func excelWindowsFile() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let row = ["2025", "Målområde 1", "", "5", "Styrdokument", "", "", "1", "Trygghetsvandringar i Skäggetorp och Ryd", "SF", "", ""]
            let text = PlanCSV.columns.joined(separator: ";") + "\r\n" + row.joined(separator: ";") + "\r\n"
            let windows = try #require(text.data(using: .windowsCP1252))
            #expect(String(data: windows, encoding: .utf8) == nil, "filen är verkligen inte UTF-8")
            let response = try await browser.upload("/plan/import", file: windows, filename: "plan.csv")
            #expect(response.location == "/plan/2025?version=1")
            let kommun = try await harness.kommun("linkoping")
            let plan = try #require(try await PlanStore(harness.scope(kommun)).plan(year: 2025))
            #expect(try await PlanStore(harness.scope(kommun)).measures(planID: plan.id).map(\.row.measure) == [row[8]])
        }
    }
}
