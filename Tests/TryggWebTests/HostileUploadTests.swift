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
                "/plan/import", file: try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", sheet)]), filename: "plan.xlsx")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("utanför Excels kolumner A–XFD"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await PlanStore(harness.scope(kommun)).plans().count == 1, "inget importerat")
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

    @Test("En Excel-fil vars zip-huvud pekar förbi filens slut ger ett fel på sidan (FuzzXlsx fann en krasch)")
    func zipHeaderPastTheEnd() async throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>år</t></is></c></row></sheetData></worksheet>"
        let intact = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", sheet)])
        #expect(try XlsxReader.read(intact).header == ["år"])
        // The central directory's offset of the local header (46-byte record, offset at 42) and the
        // end record's offset of the central directory (at 16), each moved past the end of the file.
        let central = try #require(intact.firstRange(of: Data([0x50, 0x4B, 0x01, 0x02]))).lowerBound
        let end = try #require(intact.lastRange(of: Data([0x50, 0x4B, 0x05, 0x06]))).lowerBound
        for field in [central + 42, end + 16] {
            var broken = intact
            let pastEnd = UInt32(intact.count + 500)
            broken.replaceSubrange(field..<field + 4, with: withUnsafeBytes(of: pastEnd.littleEndian) { Data($0) })
            #expect(throws: XlsxReader.Problem.self) { try XlsxReader.read(broken) }
        }
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            var broken = intact
            broken.replaceSubrange(central + 42..<central + 46, with: Data([0xFF, 0xFF, 0x00, 0x00]))
            let response = try await browser.upload("/plan/import", file: broken, filename: "plan.xlsx")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Excel"))
            #expect(try await browser.get("/plan/2023").status == .ok, "servern lever")
        }
    }

    @Test("En multipart-del med en byte över 127 i ett huvudnamn, eller en gräns med CR, avvisas med 400 (FuzzMultipart fann en krasch)")
    func nonASCIIHeaderName() async throws {
        #expect(MultipartForm.parse(ByteBuffer(string: "--B\r\nNamn: x\r\n\r\ntext\r\n--B--"), boundary: "B") != nil)
        #expect(MultipartForm.parse(ByteBuffer(bytes: Array("--B\r\n\u{FF}x: y\r\n\r\nbody\r\n--B--".utf8)), boundary: "B") == nil)
        #expect(MultipartForm.parse(ByteBuffer(bytes: [0x2D, 0x2D, 0x42, 13, 10, 0xFF, 0x3A, 13, 10, 13, 10]), boundary: "B") == nil)
        #expect(!MultipartForm.isValidBoundary("\r") && !MultipartForm.isValidBoundary("a ") && MultipartForm.isValidBoundary("----WebKitFormBoundary7MA4YWxk"))
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=B"
            var body = ByteBuffer(string: "--B\r\n")
            body.writeBytes([0xFF, 0x3A, 0x20, 0x78, 13, 10, 13, 10])
            body.writeString("x\r\n--B--\r\n")
            let response = try await browser.send("/plan/import", method: .post, headers: headers, body: body)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("felaktig multipart-kodning"))
            #expect(try await browser.get("/plan").status == .seeOther, "servern lever")
        }
    }
}
