import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb
import TryggDemo

/// The demo installation (Linköping and Norrköping, one user per role) in a private database,
/// served by the real router. Every test gets its own.
struct Harness {
    let database: TryggDatabase
    let configuration: AppConfiguration

    static let password = DemoSeed.password

    /// `followUp` adds the demo's closed 2023 follow-up round (about 300 answers); most tests do
    /// not need it and run faster without. `est` adds the demo's EST year (about 6 000 events).
    static func run(
        followUp: Bool = false, est: Bool = false, citizen: Bool = false, statistics: Bool = false, openRound: Bool = false,
        configure: (inout AppConfiguration) -> Void = { _ in },
        _ body: @Sendable (Harness, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabaseSlots.withSlot {
            try await TryggClock.$current.withValue(.fixed(now)) {
                try await run(
                    followUp: followUp, est: est, citizen: citizen, statistics: statistics, openRound: openRound, configure: configure,
                    atFixedTime: body)
            }
        }
    }

    /// The instant every web test runs at (a Wednesday morning in Sweden), so the demo year,
    /// "this week" and every stored time are the same on every run.
    static let now = Date(timeIntervalSince1970: 1_773_219_600)  // 2026-03-11 09:00 UTC

    private static func run(
        followUp: Bool, est: Bool, citizen: Bool, statistics: Bool, openRound: Bool, configure: (inout AppConfiguration) -> Void,
        atFixedTime body: @Sendable (Harness, any TestClientProtocol) async throws -> Void
    ) async throws {
        let location = DatabaseLocation.isolatedForTest()
        var configuration = AppConfiguration(database: location, bcryptCost: 4, loginAttemptsPerMinute: 1000)
        configure(&configuration)
        let database = try TryggDatabase(location: location)
        do {
            try await database.migrate()
            try await DemoSeed.seedIfEmpty(
                database, passwordCost: 4, followUp: followUp, est: est, citizen: citizen, statistics: statistics, openRound: openRound)
            let harness = Harness(database: database, configuration: configuration)
            let router = try await buildRouter(configuration: configuration, database: database)
            try await Application(router: router).test(.router) { client in try await body(harness, client) }
            try await database.dropTestSchema()
            await database.shutdown()
        } catch {
            try? await database.dropTestSchema()
            await database.shutdown()
            throw error
        }
    }

    /// `Authorization: Bearer …` with a new personal token of a demo user, for the API.
    func bearer(_ email: String) async throws -> HTTPFields {
        let userID = try #require(try await APITokenStore(database).userID(email: email))
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(try await APITokenStore(database).create(userID: userID, label: "test", by: .commandLine()))"
        return headers
    }

    func kommun(_ slug: String) async throws -> Kommun {
        try await KommunStore(database).require(slug: slug)
    }

    /// The stores' view of one kommun, as a signed-in user of it gets them.
    func scope(_ slug: String) async throws -> KommunScope { scope(try await kommun(slug)) }
    func scope(_ kommun: Kommun) -> KommunScope { KommunScope(database, kommunID: kommun.id) }
    func scope(id kommunID: UUID) -> KommunScope { KommunScope(database, kommunID: kommunID) }

    func auditActions(_ slug: String) async throws -> [String] {
        try await AuditLog.search(AuditQuery(limit: 1000), in: KommunScope(database, kommunID: try await kommun(slug).id)).map(\.action)
    }
}

/// A cookie-keeping client that fills in the CSRF token like a browser submitting a real form.
final class Browser {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf = ""
    private(set) var loggedInAs: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// Posts a form; the page's CSRF token is added unless the test supplies its own `_csrf`.
    @discardableResult
    func post(_ path: String, _ fields: [String: String] = [:]) async throws -> TestResponse {
        var fields = fields
        if fields["_csrf"] == nil {
            if csrf.isEmpty { try await get("/login") }
            fields["_csrf"] = csrf
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: Self.encode(fields)))
    }

    /// Posts a form whose fields may repeat (checkboxes), with the page's CSRF token.
    @discardableResult
    func post(_ path: String, pairs: [(String, String)], headers extra: HTTPFields = [:]) async throws -> TestResponse {
        if csrf.isEmpty && !pairs.contains(where: { $0.0 == "_csrf" }) { try await get("/login") }
        let all = pairs.contains { $0.0 == "_csrf" } ? pairs : pairs + [("_csrf", csrf)]
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(path, method: .post, headers: headers, body: ByteBuffer(string: Self.encode(pairs: all)))
    }

    /// Sends a file the way a browser's upload form does (`multipart/form-data`, with the CSRF token
    /// and any other fields of the form).
    func upload(
        _ path: String, file: Data, filename: String, field: String = "file", fields: [(String, String)] = [],
        boundary: String = "----trygg\(UUID().uuidString)"
    ) async throws -> TestResponse {
        var body = ByteBuffer(
            string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n"
                + fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await send(path, method: .post, headers: headers, body: body)
    }

    /// Posts a form that should succeed, as a browser does: the answer is a redirect (Post/Redirect/
    /// Get, so a reload does not send the form again), which is followed to the page it names.
    @discardableResult
    func submit(_ path: String, _ fields: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        try await submit(path, pairs: fields.map { ($0.key, $0.value) }, sourceLocation: sourceLocation)
    }

    /// `submit` with repeated names (checkboxes named `name[]`).
    @discardableResult
    func submit(_ path: String, pairs: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
        let response = try await post(path, pairs: pairs)
        #expect(response.status == .seeOther, "POST \(path) svarade \(response.status), inte 303: \(response.text.prefix(300))", sourceLocation: sourceLocation)
        guard response.status == .seeOther, let location = response.location else { return response }
        return try await get(String(location.prefix { $0 != "#" }))
    }

    @discardableResult
    func login(_ email: String, password: String = Harness.password) async throws -> TestResponse {
        try await get("/login")
        let response = try await post("/login", ["email": email, "password": password, "next": "/"])
        // Like a browser, follow the redirect: the page there carries the session's CSRF token.
        if response.status == .seeOther, let location = response.location {
            loggedInAs = email
            try await get(location)
        }
        return response
    }

    func forgetCookie(_ name: String) { cookies[name] = nil }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if let token = Self.csrfToken(in: response.text) { csrf = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ fields: [String: String]) -> String { encode(pairs: fields.map { ($0.key, $0.value) }) }

    /// A urlencoded form body; names may repeat.
    static func encode(pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return pairs.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}
