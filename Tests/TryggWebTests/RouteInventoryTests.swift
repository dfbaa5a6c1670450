import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// Walks every route the router knows, so a route added later is covered without anyone
/// remembering to write its tenancy test: a Norrköping admin (cookie and API token) calls each
/// one with Linköping's ids, and Linköping's data must neither show up nor change.
@Suite("Varje väg håller kommunerna åtskilda")
struct RouteInventoryTests {
    /// Markers that only Linköping's data contains.
    static let linkopingMarkers = ["Skäggetorp", "linkoping.demo", "Linköpings kommun", "0580C1610"]

    struct Snapshot: Equatable {
        var areas: [String]
        var organisations: [String]
        var users: [String]
        var auditCount: Int
    }

    static func snapshot(_ harness: Harness, _ kommun: Kommun) async throws -> Snapshot {
        Snapshot(
            areas: try await AreaStore(harness.database).all(kommunID: kommun.id).map { "\($0.name) \($0.desoCodes)" },
            organisations: try await KommunStore(harness.database).organisations(kommunID: kommun.id).map { "\($0.abbreviation) \($0.name) \($0.kind)" },
            users: try await AccountStore(harness.database).accounts(kommunID: kommun.id).map { "\($0.email) \($0.disabled) \($0.role)" },
            auditCount: try await AuditLog.search(kommunID: kommun.id, AuditQuery(limit: 1000), on: harness.database.db).count)
    }

    @Test("Norrköpings admin ser och ändrar inget av Linköpings data via någon väg")
    func everyRoute() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.kommun("linkoping")
            let ids: [String: String] = [
                "/omraden/": try #require(try await AreaStore(harness.database).all(kommunID: linkoping.id).first).id.uuidString,
                "/organisationer/": try #require(try await KommunStore(harness.database).organisation(abbreviation: "SF", kommunID: linkoping.id)).id.uuidString,
                "/admin/anvandare/": try #require(try await AccountStore(harness.database).accounts(kommunID: linkoping.id).first { $0.role == .rapportor }).id.uuidString,
            ]
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "admin@norrkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            let before = try await Self.snapshot(harness, linkoping)

            let router = try await buildRouter(configuration: harness.configuration, database: harness.database)
            // Logout last, so the session lives through the walk.
            let routes = router.routes.sorted { ($0.path.description == "/logout" ? 1 : 0, $0.path.description) < ($1.path.description == "/logout" ? 1 : 0, $1.path.description) }
            #expect(routes.count >= 20)
            let browser = Browser(client)
            try await browser.login("admin@norrkoping.demo")
            var bearer = HTTPFields()
            bearer[.authorization] = "Bearer \(token)"
            for route in routes {
                var path = route.path.description
                var targetsAnObject = false
                if path.contains("{") {
                    guard let (prefix, id) = ids.first(where: { path.hasPrefix($0.key) }) else {
                        Issue.record("Vägen \(path) har en parameter men ingen kontroll av kommungränsen i detta test")
                        continue
                    }
                    path = prefix + id + (path.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).dropFirst().first.map { "/" + $0 } ?? "")
                    targetsAnObject = true
                }
                let response: TestResponse
                if route.method == .get {
                    response = try await browser.get(path, headers: path.hasPrefix("/api/") ? bearer : [:])
                } else {
                    // Plausible form fields, as an attacker would send them.
                    response = try await browser.post(path, ["name": "Kapad", "kind": "extern", "abbreviation": "KAP",
                                                              "deso": "0580C1160", "email": "kapad@example.se", "role": "admin",
                                                              "organisation": ids["/organisationer/"]!, "password": "ett långt lösenord"])
                }
                if targetsAnObject {
                    #expect(response.status == .notFound, "\(route.method) \(path)")
                }
                for marker in Self.linkopingMarkers {
                    #expect(!response.text.contains(marker), "\(route.method) \(path) visar \(marker)")
                }
            }
            #expect(try await Self.snapshot(harness, linkoping) == before)
        }
    }
}
