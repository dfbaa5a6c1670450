import Foundation
import Testing
import TryggCore
import TryggDemo

@testable import TryggStore

/// A kommun's export holds all of its rows and nothing of another kommun's, and no secrets.
@Suite("Export av en kommuns data")
struct KommunExportTests {
    @Test("Varje tabell i databasen exporteras eller står bland dem som inte följer med, med skälet")
    func everyTableAccountedFor() async throws {
        try await withMigratedDatabase { database in
            let schema = Set(try await KommunExport.schemaTables(database))
            let listed = KommunExport.tables.map(\.name) + KommunExport.leftOut.map(\.name)
            #expect(Set(listed).count == listed.count, "ingen tabell står två gånger")
            #expect(schema.subtracting(listed).sorted() == [], "tabeller som varken exporteras eller har ett skäl")
            // The intake view exists on SQLite only (M015).
            #expect(Set(listed).subtracting(schema).subtracting(["incident_intake"]).sorted() == [], "tabeller i listan som inte finns")
        }
    }

    @Test("Linköpings export: varje rad är ett JSON-objekt, alla händelser följer med sida för sida, inget av Norrköpings, inga lösenord")
    func oneKommunOnly() async throws {
        try await withMigratedDatabase { database in
            _ = try await DemoSeed.seedIfEmpty(database, passwordCost: 4)
            let kommuner = KommunStore(database)
            let linkoping = try #require(try await kommuner.find(slug: "linkoping"))
            let norrkoping = try #require(try await kommuner.find(slug: "norrkoping"))
            let scope = KommunScope(database, kommunID: linkoping.id)
            var lines: [String: [String]] = [:]
            // A small page, so that every large table is read over several pages.
            let counts = try await KommunExport(scope, page: 97).rows { table, page in lines[table, default: []] += page }
            #expect(counts.first { $0.table == "incidents" }?.rows == (try await IncidentStore(scope).count()))
            #expect((lines["incidents"]?.count ?? 0) > 97 * 3)
            #expect(Set(lines["incidents"] ?? []).count == lines["incidents"]?.count, "ingen rad två gånger")
            #expect(lines["kommuner"]?.count == 1 && lines["users"]?.isEmpty == false && lines["plan_measures"]?.isEmpty == false)
            #expect(lines["survey_responses"]?.isEmpty == false && lines["meeting_minutes"]?.isEmpty == false, "rader via sin förälder")
            for (table, rows) in lines {
                for row in rows {
                    let object = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
                    #expect(object != nil, "\(table): \(row.prefix(80))")
                    // A shared ROS insats and a sharing agreement name the other kommun as partner:
                    // the one place its id may stand.
                    let own = (object ?? [:]).filter { !$0.key.hasSuffix("partner_kommun_id") && $0.key != "owner_kommun_id" }
                    let text = String(decoding: try JSONSerialization.data(withJSONObject: own), as: UTF8.self).lowercased()
                    #expect(!text.contains(norrkoping.id.uuidString.lowercased()), "\(table): \(row.prefix(160))")
                    #expect(!text.contains("norrkoping.demo"), "\(table): \(row.prefix(160))")
                }
            }
            let user = try #require(lines["users"]?.first)
            #expect(user.contains("\"email\"") && !user.contains("password_hash") && !user.contains("totp_secret"))
            #expect(!(lines["citizen_reports"] ?? []).contains { $0.contains("token_hash") })
        }
    }
}
