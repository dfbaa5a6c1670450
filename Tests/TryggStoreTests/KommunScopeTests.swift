import Foundation
import Testing
import TryggCore

@testable import TryggStore

@Suite("Butikerna är bundna till en kommun")
struct KommunScopeTests {
    static let storeSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TryggStore")

    /// The declarations of public instance methods, parameters included (they may span lines).
    static func publicMethods(in source: String) -> [String] {
        var found: [String] = []
        var rest = Substring(source)
        while let start = rest.range(of: "public func ") {
            let tail = rest[start.lowerBound...]
            guard let open = tail.firstIndex(of: "(") else { break }
            var depth = 0
            var end = open
            for index in tail[open...].indices {
                if tail[index] == "(" { depth += 1 }
                if tail[index] == ")" { depth -= 1 }
                if depth == 0 {
                    end = index
                    break
                }
            }
            found.append(String(tail[..<end]))
            rest = tail[tail.index(after: end)...]
        }
        return found
    }

    @Test("Ingen metod i en butik tar ett kommun-id: kommunen kommer från butikens KommunScope")
    func noStoreMethodTakesAKommun() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.storeSources.path))
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20, "källorna hittades")
        var offenders: [String] = []
        var scoped = 0
        for file in files {
            let source = try String(contentsOf: Self.storeSources.appendingPathComponent(file), encoding: .utf8)
            if source.contains("public init(_ scope: KommunScope)") { scoped += 1 }
            for method in Self.publicMethods(in: source)
            where method.contains("kommunID: UUID") || method.contains("kommun: Kommun") {
                offenders.append("\(file): \(method.prefix(80))")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
        #expect(scoped >= 15, "butikerna skapas från en KommunScope")
    }

    @Test("En butik för en kommun ser inte en annan kommuns rader")
    func aScopedStoreSeesOnlyItsKommun() async throws {
        try await withMigratedDatabase { database in
            let linkoping = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let norrkoping = try await KommunStore(database).add(slug: "norrkoping", name: "Norrköpings kommun", code: "0581", by: .commandLine())
            let own = AreaStore(KommunScope(database, kommunID: linkoping.id))
            let area = try await own.add(name: "Berga", shape: nil, desoCodes: ["0580C1160"], source: "test", by: .commandLine())
            #expect(try await own.find(id: area.id)?.name == "Berga")
            let other = AreaStore(KommunScope(database, kommunID: norrkoping.id))
            #expect(try await other.find(id: area.id) == nil)
            #expect(try await other.all().isEmpty)
        }
    }
}
