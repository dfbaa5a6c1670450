import Foundation
import Hummingbird
import Testing
import TryggCore
import TryggStore
import ZIPFoundation

@testable import TryggWeb

/// The admin downloads all of the kommun's data from the audit page; nobody else can.
@Suite("Kommunens data som ZIP")
struct KommunExportWebTests {
    @Test("Administratören laddar ner allt som ZIP med README och en fil per tabell; utan lösenord; nedladdningen loggas; andra roller nekas")
    func adminDownloads() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let audit = try await admin.get("/admin/logg")
            #expect(audit.text.contains("href=\"/admin/export.zip\""))
            let zip = try await admin.get("/admin/export.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(zip.headers[.contentDisposition] == "attachment; filename=\"trygg-linkoping.zip\"")
            let archive = try Archive(data: Data(zip.body.readableBytesView), accessMode: .read)
            func text(_ name: String) throws -> String {
                guard let entry = archive[name] else { return "" }
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                return String(decoding: data, as: UTF8.self)
            }
            let readme = try text("README.txt")
            #expect(readme.contains("Trygg – export av Linköpings kommun") && readme.contains("incidents.jsonl:") && readme.contains("Följer inte med:"))
            let users = try text("users.jsonl")
            #expect(users.contains("admin@linkoping.demo") && !users.contains("norrkoping.demo") && !users.contains("password_hash"))
            #expect(try text("plan_measures.jsonl").split(separator: "\n").count > 100)
            #expect(try await harness.auditActions("linkoping").contains("exporterade kommunens data"))

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/admin/export.zip").status == .forbidden)
        }
    }
}
