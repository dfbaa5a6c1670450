import Foundation
import HTTPTypes
import Testing
import TryggCore
@testable import TryggWeb

/// Every staff page without parameters, opened by each role of its own kommun: the route table's
/// permission decides, and the page agrees (opens, or redirects within the app, where the role
/// may; 403 where it may not), and the menu offers only what opens.
@Suite("Varje roll × varje personalsida")
struct RoleMatrixTests {
    static let emails: [Role: String] = [
        .admin: "admin@linkoping.demo", .samordnare: "samordnare@linkoping.demo", .analytiker: "analytiker@linkoping.demo",
        .ansvarig: "ansvarig.sf@linkoping.demo", .rapportor: "rapportor@linkoping.demo", .partner: "polisen@linkoping.demo",
    ]

    static let pages = SiteRoutes.all.filter { route in
        guard route.method == .get, !route.pattern.contains("{"), case .staff = route.zone else { return false }
        return true
    }

    @Test("Sidan öppnas där rollen får, annars 403", arguments: Role.allCases)
    func pagesFollowTheTable(role: Role) async throws {
        #expect(Self.pages.count >= 15)
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login(try #require(Self.emails[role]))
            for route in Self.pages {
                let allowed = route.isOpen(to: role)
                let response = try await browser.get(route.pattern)
                if allowed {
                    #expect(response.status == .ok || response.status == .seeOther, "\(role) \(route.pattern): \(response.status)")
                    #expect(response.location.map { !$0.hasPrefix("/login") } ?? true, "\(role) \(route.pattern) skickas inte till inloggningen")
                } else {
                    #expect(response.status == .forbidden, "\(role) \(route.pattern): \(response.status)")
                }
            }
            let menu = try await browser.get("/").text
            // Each of these users' role or organisation takes part in LOS where the role may at all.
            for (label, route) in Layout.modules(for: role, seesInspections: role.allows(.readInspections)) {
                #expect(menu.contains("href=\"\(route.path)\""), "\(role): menyn visar \(label)")
                #expect(route.route.isOpen(to: role), "\(role): menyn visar bara sidor rollen får öppna (\(label))")
            }
        }
    }
}
