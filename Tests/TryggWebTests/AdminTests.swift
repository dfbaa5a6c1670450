import Foundation
import HTTPTypes
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Administration: användare, områden, organisationer, granskningslogg")
struct AdminTests {
    @Test("Admin lägger till en användare som sedan kan logga in; fel i formuläret sparar inget")
    func addUser() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let kof = try #require(try await OrganisationStore(harness.scope(kommun)).organisation(abbreviation: "KOF"))
            let weak = try await admin.post(
                "/admin/anvandare",
                [
                    "email": "ny@linkoping.se", "name": "Ny", "role": "ansvarig",
                    "organisation": kof.id.uuidString, "password": "kort",
                ])
            #expect(weak.status == .badRequest && weak.text.contains("minst 10 tecken"))
            #expect(weak.text.contains("value=\"ny@linkoping.se\""), "formuläret behåller det som skrevs")
            let created = try await admin.submit(
                "/admin/anvandare",
                [
                    "email": "Ny@Linkoping.se", "name": "Ny Person", "role": "ansvarig",
                    "organisation": kof.id.uuidString, "password": "ett långt lösenord",
                ])
            #expect(created.status == .ok && created.text.contains("ny@linkoping.se är tillagd"))
            let duplicate = try await admin.post(
                "/admin/anvandare",
                [
                    "email": "ny@linkoping.se", "name": "Igen", "role": "ansvarig",
                    "organisation": kof.id.uuidString, "password": "ett långt lösenord",
                ])
            #expect(duplicate.status == .badRequest && duplicate.text.contains("finns redan"))

            let newUser = Browser(client)
            #expect(try await newUser.login("ny@linkoping.se", password: "ett långt lösenord").location == "/")
            #expect(try await newUser.get("/").text.contains("Ny Person"))
        }
    }

    @Test("Inaktiverad användare loggas ut, kan inte logga in och hennes API-nyckel slutar gälla direkt")
    func disableUser() async throws {
        try await Harness.run { harness, client in
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            let id = try #require(try await APITokenStore(harness.database).userID(email: "rapportor@linkoping.demo"))
            var bearer = HTTPFields()
            bearer[.authorization] = "Bearer " + (try await APITokenStore(harness.database).create(userID: id, label: "app", by: .commandLine()))
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer).status == .ok)
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.submit("/admin/anvandare/\(id)/inaktivera").text.contains("inaktiverad"))
            #expect(try await reporter.get("/").location == "/login")
            #expect(try await Browser(client).login("rapportor@linkoping.demo").status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer).status == .unauthorized)
        }
    }

    @Test(
        "Roller utan adminbehörighet får 403 och kan inte ändra något",
        arguments: [
            "samordnare@linkoping.demo", "analytiker@linkoping.demo", "ansvarig.sf@linkoping.demo", "rapportor@linkoping.demo", "polisen@linkoping.demo",
        ]
    )
    func roleChecks(email: String) async throws {
        try await Harness.run { harness, client in
            do {
                let browser = Browser(client)
                try await browser.login(email)
                #expect(try await browser.get("/admin/anvandare").status == .forbidden, "\(email)")
                #expect(try await browser.get("/admin/logg").status == .forbidden, "\(email)")
                #expect(try await browser.post("/omraden", ["name": "Nytt", "deso": "0580C1160"]).status == .forbidden, "\(email)")
                #expect(try await browser.post("/organisationer", ["abbreviation": "X", "name": "X", "kind": "enhet"]).status == .forbidden)
                #expect(try await browser.get("/omraden").status == .ok, "alla läser områden")
                let nav = try await browser.get("/").text
                #expect(!nav.contains("href=\"/admin/anvandare\""), "menyn visar bara det rollen får öppna")
            }
            #expect(try await AreaStore(try await harness.scope("linkoping")).all().count == 4)
        }
    }

    @Test("Områden läggs till med DeSO-koder eller GeoJSON; felaktig GeoJSON ger ett begripligt fel")
    func addAreas() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let deso = try await admin.submit("/omraden", ["name": "Ekholmen", "deso": "0580C1310, 0580C1320"])
            #expect(deso.status == .ok && deso.text.contains("Området Ekholmen är tillagt"))
            let wrongKommun = try await admin.post("/omraden", ["name": "Fel", "deso": "0581C1020"])
            #expect(wrongKommun.status == .badRequest && wrongKommun.text.contains("hör inte till kommunkod 0580"))

            let polygon =
                #"{"type":"Feature","properties":{"name":"Johannelund"},"geometry":{"type":"Polygon","coordinates":[[[15.64,58.42],[15.66,58.42],[15.66,58.43],[15.64,58.42]]]}}"#
            let geo = try await admin.submit("/omraden", ["name": "Johannelund", "geojson": polygon])
            #expect(geo.status == .ok)
            let broken = try await admin.post(
                "/omraden", ["name": "Trasigt", "geojson": #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[15.64,58.42],[15.66,58.42]]]}"#])
            #expect(broken.status == .badRequest && broken.text.contains("GeoJSON kunde inte läsas"))
            #expect(broken.text.contains("Trasigt"), "formuläret behåller namnet")

            let areas = try await AreaStore(try await harness.scope("linkoping")).all()
            #expect(areas.map(\.name).sorted() == ["Berga", "City", "Ekholmen", "Johannelund", "Ryd", "Skäggetorp"])
            let johannelund = try #require(areas.first { $0.name == "Johannelund" })
            #expect(johannelund.shape?.contains(GeoPoint(latitude: 58.421, longitude: 15.655)) == true)
            let detail = try await admin.get("/omraden/\(johannelund.id)")
            #expect(detail.status == .ok && detail.text.contains("<svg"))
            #expect(try await harness.auditActions("linkoping").filter { $0 == "skapade område" }.count == 6)
        }
    }

    @Test("Admin bekräftar ett organisationsnamn som dokumenten inte skrev ut")
    func renameOrganisation() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let vof = try #require(try await OrganisationStore(harness.scope(kommun)).organisation(abbreviation: "VOF"))
            #expect(!vof.nameConfirmed)
            #expect(try await admin.get("/organisationer").text.contains("ej bekräftat"))
            let saved = try await admin.submit("/organisationer/\(vof.id)", ["name": "Vård- och omsorgsförvaltningen", "kind": "forvaltning"])
            #expect(saved.status == .ok && saved.text.contains("VOF är sparad"))
            #expect(try await OrganisationStore(harness.scope(kommun)).organisation(id: vof.id)?.nameConfirmed == true)
            let empty = try await admin.post("/organisationer/\(vof.id)", ["name": " ", "kind": "forvaltning"])
            #expect(empty.status == .badRequest)
        }
    }

    @Test("Granskningsloggen visar vem som gjorde vad och varifrån, går att söka i och bläddras en sida i taget")
    func auditPage() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            try await admin.post("/omraden", ["name": "Lambohov", "deso": "0580C1400"])
            let page = try await admin.get("/admin/logg?q=lambohov")
            #expect(page.status == .ok)
            #expect(page.text.contains("admin@linkoping.demo") && page.text.contains("skapade område") && page.text.contains("Lambohov"))
            #expect(!page.text.contains("skapade användare"))
            let badDate = try await admin.get("/admin/logg?fran=igår")
            #expect(badDate.status == .badRequest && badDate.text.contains("ÅÅÅÅ-MM-DD"))

            // The dataskyddsombud's copy: the same search as a file, and the download is itself logged.
            #expect(page.text.contains("href=\"/admin/logg/export.csv?q=lambohov\""))
            let file = try await admin.get("/admin/logg/export.csv?q=lambohov")
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"granskningslogg.csv\"")
            let table = try CSVReader.read(Data(buffer: file.body))
            #expect(table.header == ["tid", "vem", "handling", "objekttyp", "objekt", "detaljer", "adress"])
            #expect(table.rows.count == 1 && table.rows.first?.fields[2] == "skapade område" && table.rows.first?.fields[4] == "Lambohov")
            #expect(try await admin.get("/admin/logg?q=granskningsloggen").text.contains("laddade ner granskningsloggen"))

            // The whole log a page at a time, newest first; the pager keeps the search.
            let whole = try await admin.get("/admin/logg")
            let total = try await AuditLog.count(AuditQuery(), in: harness.scope("linkoping"))
            #expect(total > 100, "demodatan har fler än en sidas poster")
            let pages = (total + 99) / 100
            #expect(whole.text.contains("Sida 1 av \(pages) (\(SwedishNumber.integer(total)) poster)"))
            #expect(whole.text.components(separatedBy: "<td data-label=\"Tid\">").count - 1 == 100)
            #expect(whole.text.contains("href=\"/admin/logg?sida=1\"") && !whole.text.contains("Nyare poster"))
            let last = try await admin.get("/admin/logg?sida=\(pages - 1)")
            #expect(last.text.components(separatedBy: "<td data-label=\"Tid\">").count - 1 == total - (pages - 1) * 100)
            #expect(last.text.contains("Nyare poster") && !last.text.contains("Äldre poster"))
            #expect(!page.text.contains("Sida 1"), "en sökning med en träff har ingen bläddring")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/admin/logg/export.csv").status == .forbidden)
        }
    }
}
