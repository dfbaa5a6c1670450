import Foundation
import Testing

@testable import TryggCore

/// Small real image files, built byte by byte: a JPEG with an EXIF block holding a GPS tag, and a
/// PNG with a text chunk.
enum TestImages {
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    /// SOI, APP0 (JFIF), APP1 (EXIF with "GPS"), COM, DQT, SOS with scan data (a stuffed FF00 and
    /// a restart marker inside), EOI.
    static var jpegWithExif: Data {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        bytes += segment(0xE1, Array("Exif".utf8) + [0, 0] + Array("GPSLatitude 58.41 GPSLongitude 15.62 iPhone".utf8))
        bytes += segment(0xFE, Array("Anna Berg tog bilden".utf8))
        bytes += segment(0xDB, [0] + Array(repeating: 1, count: 64))
        bytes += segment(0xDA, [1, 1, 0, 0, 63, 0])
        bytes += [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78]
        bytes += [0xFF, 0xD9]
        return Data(bytes)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let length = UInt32(data.count)
        return [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)] + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    static var pngWithText: Data {
        var bytes = PhotoCleaner.pngSignature
        bytes += chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])
        bytes += chunk("tEXt", Array("Author\u{0}Anna Berg".utf8))
        bytes += chunk("eXIf", Array("GPS".utf8))
        bytes += chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])
        bytes += chunk("IEND", [])
        return Data(bytes)
    }
}

@Suite("Trygghetsvandringar: bilder utan platsuppgifter, rutt, åtgärder")
struct WalkTests {
    @Test("EXIF (med GPS) och kommentarer tas bort ur en JPEG; bilddata och JFIF finns kvar")
    func jpegMetadataRemoved() throws {
        let (cleaned, kind) = try PhotoCleaner.clean(TestImages.jpegWithExif)
        let text = String(decoding: cleaned, as: UTF8.self)
        #expect(kind == .jpeg && !text.contains("GPS") && !text.contains("Exif") && !text.contains("Anna Berg") && text.contains("JFIF"))
        #expect(cleaned.suffix(10) == Data([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xD9]), "skanningsdatan är orörd")
        #expect(try PhotoCleaner.clean(cleaned).data == cleaned, "en rensad bild rensas inte mer")
    }

    @Test("Textbitar och EXIF tas bort ur en PNG; bildens egna delar finns kvar")
    func pngMetadataRemoved() throws {
        let (cleaned, kind) = try PhotoCleaner.clean(TestImages.pngWithText)
        let text = String(decoding: cleaned, as: UTF8.self)
        #expect(
            kind == .png && !text.contains("Anna Berg") && !text.contains("eXIf") && text.contains("IHDR") && text.contains("IDAT") && text.contains("IEND"))
    }

    @Test("Annat än en bild, en för stor bild och en avklippt bild avvisas med tydliga fel")
    func refusals() {
        #expect(throws: PhotoCleaner.Problem.self) { try PhotoCleaner.clean(Data("%PDF-1.7".utf8)) }
        #expect(throws: PhotoCleaner.Problem("Bilden är större än 5 MB. Ta en mindre bild eller minska den först.")) {
            try PhotoCleaner.clean(Data([0xFF, 0xD8, 0xFF]) + Data(count: PhotoCleaner.maxBytes))
        }
        #expect(throws: PhotoCleaner.Problem("Bilden är skadad och kan inte sparas.")) { try PhotoCleaner.clean(TestImages.jpegWithExif.prefix(40)) }
        #expect(throws: PhotoCleaner.Problem("Bilden är skadad och kan inte sparas.")) { try PhotoCleaner.clean(TestImages.pngWithText.prefix(30)) }
        // A stuffed zero (0xFF 0x00) where a marker must stand: read as a segment, the cleaned file
        // parsed differently the next time (found by FuzzPhoto).
        #expect(throws: PhotoCleaner.Problem("Bilden är skadad och kan inte sparas.")) {
            try PhotoCleaner.clean(Data([0xFF, 0xD8, 0xFF, 0x00, 0x00, 0x04, 0x41, 0x42, 0xFF, 0xD9]))
        }
    }

    @Test("Rutten läses rad för rad; en punkt utanför Sverige säger vilken rad; åtgärder förfaller efter sex månader")
    func routeAndDueDate() throws {
        let route = try SafetyWalk.route(from: "58.3925, 15.6450\n58,3930;15,6460\n").get()
        #expect(route.count == 2 && route[1].latitude == 58.393)
        guard case .failure(let problem) = SafetyWalk.route(from: "58.39, 15.64\n40.0, 15.6") else {
            Issue.record("en punkt i Medelhavet godtogs")
            return
        }
        #expect(problem.description == "Rad 2 i rutten är ingen punkt i Sverige (latitud, longitud i WGS84).")
        let walk = SafetyWalk(
            id: UUID(), title: "Berga", areaID: UUID(), date: "2026-08-31", time: "19:30", light: .dark, route: [], groups: [], premeeting: "")
        #expect(walk.defaultDueDate == "2027-02-28")
        let measure = WalkMeasure(
            id: UUID(), walkID: walk.id, observationIDs: [], text: "Flytta återvinningsstationen", ownerID: nil, ownerName: "", decision: .notCarriedOut,
            reason: "", dueOn: walk.defaultDueDate)
        #expect(
            measure.problems() == [
                "Ange vem som äger åtgärden: en förvaltning, ett bolag eller en fastighetsägare.", "Skriv varför åtgärden inte genomförs.",
            ])
    }
}

@Suite("EU:s kriterier för organiserad brottslighet")
struct EUCriteriaTests {
    static func assessment(met: Set<Int>) -> CriteriaAssessment {
        CriteriaAssessment(
            id: UUID(), title: "Nätverk kring narkotikaförsäljning i centrum", description: "", assessedOn: "2026-03-01",
            assessedBy: "Kommunpolis, säkerhetssamordnare",
            criteria: EUCriteria.all.map { .init(number: $0.number, met: met.contains($0.number), evidence: met.contains($0.number) ? "Underlag" : "") })
    }

    @Test("Definitionen är uppfylld först med minst sex kriterier och alla obligatoriska; inställningen avgör vilka")
    func outcome() {
        let six = Self.assessment(met: [1, 2, 3, 4, 7, 11])
        #expect(six.outcome(mandatory: EUCriteria.programmeMandatory).fulfils)
        let police = six.outcome(mandatory: EUCriteria.policeMandatory)
        #expect(!police.fulfils && police.missingMandatory == [5])
        #expect(police.text == "Uppfyller inte definitionen: obligatoriska kriterier saknas: 5.")
        let five = Self.assessment(met: [1, 2, 3, 4, 7]).outcome(mandatory: EUCriteria.programmeMandatory)
        #expect(!five.fulfils && five.text == "Uppfyller inte definitionen: 5 av 11 kriterier är uppfyllda (minst 6 krävs).")
    }

    @Test("Ett uppfyllt kriterium utan underlag avvisas")
    func evidenceRequired() {
        var assessment = Self.assessment(met: [1, 2])
        assessment.criteria[1].evidence = " "
        #expect(assessment.problems() == ["Kriterium 2 är markerat som uppfyllt men saknar underlag."])
    }
}
