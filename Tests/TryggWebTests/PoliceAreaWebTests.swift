import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Utsatta områden på lägesbildens sida")
struct PoliceAreaWebTests {
    @Test("Kommunens egna områden först med överlapp mot kommunens områden, ändringarna sedan förra listan, hela landet på begäran")
    func page() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.kommun("linkoping")
            let skaggetorp = try #require(try await AreaStore(harness.scope(linkoping)).all().first { $0.name == "Skäggetorp" })
            let store = PoliceAreaStore(harness.database)
            func area(_ name: String, _ category: String, ort: String, id: String, shape: AreaShape? = nil) -> PoliceArea {
                PoliceArea(year: 0, specialID: id, name: name, category: category, ort: ort, lokalpolis: "", since: "2018-10-01", shape: shape, areaM2: nil)
            }
            _ = try await store.importList(
                [area("Skäggetorp", "Utsatt område", ort: "Linköping", id: "5"), area("Navestad", "Utsatt område", ort: "Norrköping", id: "33")], year: 2022,
                fileName: "2022.csv", by: .commandLine())
            _ = try await store.importList(
                [
                    area("Skäggetorp", "Särskilt utsatt område", ort: "Linköping", id: "5", shape: skaggetorp.shape),
                    area("Navestad", "Utsatt område", ort: "Norrköping", id: "33"), area("Hageby", "Utsatt område", ort: "Norrköping", id: "72"),
                ], year: 2023, fileName: "2023.csv", by: .commandLine())
            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            let page = try await analyst.get("/lagesbild/utsatta-omraden")
            #expect(page.status == .ok && page.text.contains("<caption>Listan 2023</caption>"))
            #expect(
                page.text.contains(
                    "<th scope=\"row\">Skäggetorp</th><td>Linköping</td><td>Särskilt utsatt område</td><td>2018-10-01</td><td>Ja</td><td>Skäggetorp</td>"))
            #expect(!page.text.contains("Hageby") && page.text.contains("Ny kategori: Skäggetorp (Linköping), Utsatt område → Särskilt utsatt område"))
            let country = try await analyst.get("/lagesbild/utsatta-omraden?ar=2023&hela-landet=ja").text
            #expect(country.contains("Ny på listan: Hageby (Norrköping), Utsatt område") && country.contains(">Navestad</th>"))
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            #expect(try await rapportor.get("/lagesbild/utsatta-omraden").status == .forbidden)
        }
    }
}
