import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// Answers go compressed to browsers that accept gzip, read back by the system's own `gzip`; the
/// CSRF token in the pages is masked anew on each page, so compression cannot give it away; the
/// stylesheet and scripts are linked with their fingerprint and kept by the browser.
@Suite("Överföring: komprimerade svar, filer i webbläsarens cache och maskerat CSRF-token")
struct CompressionTests {
    static func gzipHeaders(_ value: String = "gzip, deflate, br") -> HTTPFields {
        var headers = HTTPFields()
        headers[.acceptEncoding] = value
        return headers
    }

    /// Unpacked by `gzip -dc`, as any reader of the format would.
    static func gunzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip läser svaret utan fel")
        return result
    }

    @Test("En sida går komprimerad till en webbläsare som tar emot gzip, och packas upp till samma sida")
    func pagesCompressed() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let plain = try await browser.get("/plan/2023")
            #expect(plain.status == .ok && plain.headers[.contentEncoding] == nil, "utan Accept-Encoding går sidan som den är")
            let packed = try await browser.get("/plan/2023", headers: Self.gzipHeaders())
            #expect(packed.status == .ok && packed.headers[.contentEncoding] == "gzip")
            #expect(packed.headers[.vary]?.contains("Accept-Encoding") == true)
            let bytes = Data(buffer: packed.body)
            #expect(bytes.count * 3 < plain.body.readableBytes, "sidan blir minst tre gånger mindre")
            let unpacked = String(decoding: try Self.gunzip(bytes), as: UTF8.self)
            #expect(SnapshotTests.masked(unpacked) == SnapshotTests.masked(plain.text))
            #expect(unpacked.contains("Åtgärdsplan"))
        }
    }

    @Test("Det som inte vinner på gzip, eller inte får den, går som det är")
    func notCompressed() async throws {
        try await Harness.run { _, client in
            let refused = try await client.execute(uri: "/login", method: .get, headers: Self.gzipHeaders("gzip;q=0, br"))
            #expect(refused.status == .ok && refused.headers[.contentEncoding] == nil && refused.text.contains("Logga in"))
            let small = try await client.execute(uri: "/health", method: .get, headers: Self.gzipHeaders())
            #expect(small.text == "ok" && small.headers[.contentEncoding] == nil, "under 1 kB lönar det sig inte")
            let any = try await client.execute(uri: "/login", method: .get, headers: Self.gzipHeaders("*"))
            #expect(any.headers[.contentEncoding] == "gzip")
        }
        #expect(HTTPHeaderValues.acceptsGzip("deflate, gzip;q=0.5") && !HTTPHeaderValues.acceptsGzip("br, deflate"))
        #expect(!HTTPHeaderValues.acceptsGzip("*;q=1, gzip;q=0") && !HTTPHeaderValues.acceptsGzip(""))
        #expect(CompressionMiddleware.isCompressible("text/csv; charset=utf-8") && !CompressionMiddleware.isCompressible("image/png"))
        #expect(!CompressionMiddleware.isCompressible("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
    }

    @Test("Stilmallen är komprimerad en gång vid start och packas upp till samma fil")
    func staticFilesCompressed() async throws {
        try await Harness.run { _, client in
            let plain = try await client.execute(uri: "/static/trygg.css", method: .get)
            let packed = try await client.execute(uri: "/static/trygg.css", method: .get, headers: Self.gzipHeaders())
            #expect(packed.headers[.contentEncoding] == "gzip" && packed.headers[.cacheControl] == "public, max-age=3600")
            #expect(packed.headers[values: .vary] == ["Accept-Encoding"], "sagt en gång")
            #expect(try Self.gunzip(Data(buffer: packed.body)) == Data(buffer: plain.body))
            #expect(packed.body.readableBytes * 2 < plain.body.readableBytes)
        }
    }

    @Test("Sidorna länkar stilmall och skript med deras fingeravtryck: den adressen sparas ett år, en oförändrad fil ger 304")
    func staticFilesCached() async throws {
        try await Harness.run { _, client in
            let page = try await client.execute(uri: "/login", method: .get)
            let fingerprint = try #require(StaticFiles.bundled["trygg.css"]?.fingerprint)
            #expect(page.text.contains("/static/trygg.css?v=\(fingerprint)\""))
            let current = try await client.execute(uri: "/static/trygg.css?v=\(fingerprint)", method: .get)
            #expect(current.status == .ok && current.headers[.cacheControl] == "public, max-age=31536000, immutable")
            // An address from an older release gets today's file, but only for an hour.
            let older = try await client.execute(uri: "/static/trygg.css?v=000000000000", method: .get)
            #expect(older.headers[.cacheControl] == "public, max-age=3600" && older.body == current.body)
            let tag = try #require(current.headers[.eTag])
            var again = HTTPFields()
            again[.ifNoneMatch] = tag
            let unchanged = try await client.execute(uri: "/static/trygg.css", method: .get, headers: again)
            #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0)
            again[.ifNoneMatch] = "\"0123456789ab\""
            #expect(try await client.execute(uri: "/static/trygg.css", method: .get, headers: again).status == .ok)
            let icon = try await client.execute(uri: "/favicon.ico", method: .get)
            #expect(icon.status == .movedPermanently && icon.headers[.location]?.hasPrefix("/static/favicon.svg?v=") == true)
        }
        #expect(HTTPHeaderValues.noneMatch(#"W/"abc", "def-gz""#, tags: [#""def""#, #""def-gz""#]))
        #expect(!HTTPHeaderValues.noneMatch(#""abcd""#, tags: [#""abc""#]) && HTTPHeaderValues.noneMatch("*", tags: []))
        #expect(StaticFiles.text("report.css").contains("@page"))
    }

    @Test("Sidan bär aldrig CSRF-tokenet självt: varje sida har ett nytt maskerat värde, och alla tas emot")
    func maskedToken() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            let first = try await browser.get("/login")
            let raw = try #require(browser.cookies["trygg_csrf"])
            let masked = try #require(Browser.csrfToken(in: first.text))
            #expect(!first.text.contains(raw) && masked.count == 2 * raw.count)
            #expect(RandomToken.unmasked(masked) == raw)
            let again = try await browser.get("/login")
            let second = try #require(Browser.csrfToken(in: again.text))
            #expect(second != masked && RandomToken.unmasked(second) == raw)
            // The older page's value is still good, and so is a form from before the masking.
            let login = try await browser.post("/login", ["_csrf": masked, "email": "admin@linkoping.demo", "password": Harness.password])
            #expect(login.status == .seeOther)
            let kommun = try await harness.kommun("linkoping")
            let before = try await OrganisationStore(harness.scope(kommun)).organisations().count
            let page = try await browser.get("/organisationer")
            let pageToken = try #require(Browser.csrfToken(in: page.text))
            let sessionToken = try #require(RandomToken.unmasked(pageToken))
            #expect(!page.text.contains(sessionToken))
            let created = try await browser.post(
                "/organisationer", ["_csrf": sessionToken, "abbreviation": "NY", "name": "Ny enhet", "kind": "enhet"])
            #expect(created.status == .seeOther)
            // Another token, masked, is not this session's.
            let foreign = try await browser.post(
                "/organisationer", ["_csrf": RandomToken.masked(raw), "abbreviation": "NY2", "name": "Ny enhet 2", "kind": "enhet"])
            #expect(foreign.status == .forbidden)
            #expect(try await OrganisationStore(harness.scope(kommun)).organisations().count == before + 1)
        }
        #expect(RandomToken.unmasked("abc") == nil && RandomToken.unmasked("ab!d") == nil && RandomToken.unmasked("") == nil)
    }

    @Test("gzip-huvudets utfyllnad läses bort av gzip och ändrar svarets längd")
    func padding() throws {
        let text = Data(String(repeating: "Skäggetorp centrum, ", count: 200).utf8)
        let short = try Gzip.compress(text, padding: 1), long = try Gzip.compress(text, padding: 90)
        #expect(long.count - short.count == 89)
        let unpacked = (try Self.gunzip(short), try Self.gunzip(long))
        #expect(unpacked.0 == text && unpacked.1 == text)
    }
}
