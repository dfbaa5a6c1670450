import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// What the kommun's monitoring reads at `/metrics`, and that nobody else can.
@Suite("Övervakningen läser /metrics", .serialized)
struct MetricsTests {
    static let token = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"

    @Test("Utan nyckel i konfigurationen finns ingen /metrics")
    func offByDefault() async throws {
        try await Harness.run { _, client in
            let answer = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(answer.status == .notFound)
        }
    }

    @Test("Fel eller ingen nyckel ger 401; rätt nyckel ger svar per väg, databasen och utkorgen, utan adresser eller id:n")
    func scrape() async throws {
        try await Harness.run(configure: { $0.metricsToken = Self.token }) { harness, client in
            let none = try await client.execute(uri: "/metrics", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let wrong = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token.dropLast())x"])
            #expect(wrong.status == .unauthorized)

            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let area = try #require(try await AreaStore(try await harness.scope("linkoping")).all().first)
            #expect(try await browser.get("/omraden/\(area.id)").status == .ok)
            #expect(try await browser.get("/finns-inte-alls?q=hemligt").status == .notFound)
            try await OutboxStore(try await harness.scope("linkoping")).enqueue([
                OutgoingNotice(key: "test-1", kind: "påminnelse", message: MailMessage(to: "a@linkoping.demo", subject: "Ämne", body: "Text"))
            ])

            let answer = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)"])
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: answer.body)
            #expect(text.contains(#"trygg_http_requests_total{method="GET",route="/omraden/{id}",status="200"} 1"#))
            #expect(text.contains(#"trygg_http_requests_total{method="GET",route="(ingen väg)",status="404"} 1"#))
            #expect(text.contains(#"trygg_http_request_duration_seconds_count{method="GET",route="/omraden/{id}"} 1"#))
            #expect(text.contains("trygg_database_up 1"))
            #expect(text.contains(#"trygg_mail_outbox_messages{state="waiting"} 1"#))
            #expect(text.contains("process_resident_memory_bytes "))
            for secret in [area.id.uuidString, "finns-inte-alls", "hemligt", "a@linkoping.demo", "samordnare"] {
                #expect(!text.contains(secret), "\(secret) står inte i mätvärdena")
            }
        }
    }

    @Test("Nyckeln jämförs hel: prefix, tomt och annat schema räcker inte")
    func tokenComparison() {
        #expect(MetricsRoutes.authorised("Bearer \(Self.token)", token: Self.token))
        #expect(MetricsRoutes.authorised("Bearer  \(Self.token) ", token: Self.token))
        #expect(!MetricsRoutes.authorised("Bearer \(Self.token.prefix(20))", token: Self.token))
        #expect(!MetricsRoutes.authorised("Bearer ", token: Self.token))
        #expect(!MetricsRoutes.authorised("Basic \(Self.token)", token: Self.token))
        #expect(!MetricsRoutes.authorised(nil, token: Self.token))
    }
}
