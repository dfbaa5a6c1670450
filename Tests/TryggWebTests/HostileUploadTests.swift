import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
@testable import TryggReports
import TryggStore
@testable import TryggWeb

/// Files and bodies that used to end the server process, sent the way an attacker would.
@Suite("Fientliga uppladdningar stoppar inte servern")
struct HostileUploadTests {

    @Test("En Excel-fil med cellreferensen AAAAAAAAAAAAAAAA1 ger ett fel på sidan, och servern svarar sedan som vanligt")
    func longCellReference() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let sheet =
                "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAA1\"><v>1</v></c></row></sheetData></worksheet>"
            let response = try await browser.upload(
                "/plan/import", file: try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", sheet)]), filename: "plan.xlsx", boundary: "gräns")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("utanför Excels kolumner A–XFD"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await PlanStore(harness.database).plans(kommunID: kommun.id).count == 1, "inget importerat")
            #expect(try await browser.get("/plan/2023").status == .ok)
        }
    }

    @Test("En multipart-kropp med tom eller för lång gräns avvisas med 400 i stället för att stoppa processen")
    func badBoundary() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            for contentType in [
                "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data",
                "multipart/form-data; boundary=" + String(repeating: "x", count: 71),
            ] {
                var headers = HTTPFields()
                headers[.contentType] = contentType
                let response = try await browser.send("/plan/import", method: .post, headers: headers, body: ByteBuffer(string: "--\r\n\r\n"))
                #expect(response.status == .badRequest, "\(contentType)")
                #expect(response.text.contains("felaktig multipart-kodning"), "\(contentType)")
            }
            #expect(try await browser.get("/plan").status == .seeOther, "servern lever")
        }
    }
}
