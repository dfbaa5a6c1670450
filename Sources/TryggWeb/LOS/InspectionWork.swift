import Foundation
import TryggCore
import TryggStore

/// What LOS puts on the start page of those who may see it: the next insats within two weeks
/// that their organisation takes part in (every insats, for the samordnare), and the revisits past
/// due (their own authority's, or all for the samordnare). Counts and dates only: no business is named.
enum InspectionWork {
    static func items(for user: UserAccount, in kommun: KommunScope, today: String) async throws -> [HomeWork.Item] {
        let store = InspectionStore(kommun)
        guard try await store.access().maySee(user) else { return [] }
        var items: [HomeWork.Item] = []
        let all = user.role == .samordnare
        let soon = StockholmCalendar.local(TryggClock.now.addingTimeInterval(14 * 86_400)).dateText
        let upcoming = try await store.inspections().filter { $0.status == .planned && $0.date >= today && $0.date <= soon }
        let participants = try await store.participantsByInspection(upcoming.map(\.id))
        if let next = upcoming.first(where: { all || participants[$0.id]?.contains(user.organisation.id) == true }) {
            items.append(
                HomeWork.Item(
                    title: "LOS-insats \(next.date)", text: next.title, href: SiteRoutes.inspection.path(next.id), linkText: "Till insatsen", urgent: false))
        }
        let overdue = try await InspectedObjectStore(kommun).overdueRevisits(today: today, organisationID: all ? nil : user.organisation.id)
        if overdue > 0 {
            items.append(
                HomeWork.Item(
                    title: overdue == 1 ? "1 återbesök efter en LOS-insats är försenat" : "\(overdue) återbesök efter LOS-insatser är försenade",
                    text: all
                        ? "Återbesök som någon av de deltagande myndigheterna skulle ha gjort."
                        : "Återbesök som \(user.organisation.abbreviation) skulle ha gjort.",
                    href: SiteRoutes.revisits.path,
                    linkText: "Till återbesöken", urgent: true))
        }
        return items
    }
}
