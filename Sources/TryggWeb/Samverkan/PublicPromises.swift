import Foundation
import TryggCore
import TryggStore

/// The published medborgarlöften of a kommun as its public page shows them: the promise, who
/// does what, and every follow-up (transparency towards the residents it was given to).
enum PublicPromises {
    /// "Stångåstaden tar bort klotter inom ett dygn. – AB Stångåstaden (kommunalt bostadsbolag)": a
    /// dash, since such names carry parentheses of their own; the staff page writes it the same way.
    static func line(_ activity: CitizenPromise.Activity, organisations: [UUID: String]) -> String {
        organisations[activity.responsibleID].map { "\(activity.text) – \($0)" } ?? activity.text
    }

    struct Line {
        let id: String
        let title: String
        let area: String
        let period: String
        let problem: String
        let activities: [String]
        let followUps: [FollowUp]
    }

    struct FollowUp {
        let period: String
        let status: String
        let text: String
    }

    static func lines(scope: KommunScope) async throws -> [Line] {
        let store = PromiseStore(scope)
        let published = try await store.all().filter { $0.publishedAt != nil }
        guard !published.isEmpty else { return [] }
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(scope).organisations().map { ($0.id, $0.name) })
        let areas = Dictionary(uniqueKeysWithValues: try await AreaStore(scope).all().map { ($0.id, $0.name) })
        let followUps = try await store.followUps(promiseIDs: published.map(\.id))
        var lines: [Line] = []
        for promise in published {
            lines.append(
                Line(
                    id: promise.id.uuidString, title: promise.title, area: promise.areaID.flatMap { areas[$0] } ?? "Hela kommunen",
                    period: "\(promise.fromMonth) – \(promise.toMonth)", problem: promise.problem,
                    activities: promise.activities.map { line($0, organisations: organisations) },
                    followUps: (followUps[promise.id] ?? []).reversed().map {
                        FollowUp(period: $0.period, status: $0.status.displayName, text: $0.text)
                    }))
        }
        return lines
    }
}
