import Foundation
import TryggStore
import TryggWeb

/// Times the follow-up report for the whole plan (Linköping 2023, 123 measures, about 300
/// answers): loading plus writing, as `trygg report followup` and the download button do.
func benchmarkFollowUpReport(databasePath: String, rounds: Int = 20) async throws -> (docx: [Double], html: [Double], bytes: Int) {
    let database = try TryggDatabase(location: .sqliteFile(path: databasePath))
    defer { Task { await database.shutdown() } }
    let kommun = try await KommunStore(database).require(slug: "linkoping")
    guard let round = try await FollowUpStore(KommunScope(database, kommunID: kommun.id)).rounds().first else { return ([], [], 0) }
    let renderer = try await Renderer.load()
    var docx: [Double] = [], html: [Double] = []
    var bytes = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let report = try await FollowUpReport.load(roundID: round.id, kommun: kommun, database: database) else { break }
        bytes = try report.docx().count
        docx.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        let htmlStart = DispatchTime.now().uptimeNanoseconds
        guard let again = try await FollowUpReport.load(roundID: round.id, kommun: kommun, database: database) else { break }
        _ = try again.standaloneHTML(renderer: renderer)
        html.append(Double(DispatchTime.now().uptimeNanoseconds - htmlStart) / 1e6)
    }
    await database.shutdown()
    return (docx.sorted(), html.sorted(), bytes)
}
