import Foundation
import TryggCore
import TryggStore

/// LOS and ROS days in the meeting calendar (month view and feed) of those who may see LOS: the
/// days are planned by the same people who meet in the forums, and a ROS day is in both kommuners' calendars.
enum InspectionCalendar {
    /// The days from `from` up to (not including) `to`, both `yyyy-MM-dd`; none for a user without LOS access.
    static func days(for user: UserAccount, scope: KommunScope, from: String, to: String) async throws -> [JointInspection] {
        let store = InspectionStore(scope)
        guard try await store.access().maySee(user) else { return [] }
        return try await store.inspections().filter { $0.date >= from && $0.date < to }
    }

    static func label(_ inspection: JointInspection) -> String { (inspection.partnerKommunID == nil ? "LOS: " : "ROS: ") + inspection.title }

    static func event(_ inspection: JointInspection, baseURL: String) -> ICalendar.Event {
        let url = baseURL + SiteRoutes.inspection.path(inspection.id)
        let start = SwedishTime.startOfDay(inspection.date) ?? TryggClock.now
        return ICalendar.Event(
            uid: "\(inspection.id.uuidString.lowercased())@trygg-los", start: start, end: start.addingTimeInterval(86_400),
            summary: (inspection.status == .cancelled ? "INSTÄLLT: " : "") + label(inspection), location: "",
            description: "Myndighetsgemensam kontroll, \(inspection.status.displayName.lowercased()).\n\n" + url, url: url,
            cancelled: inspection.status == .cancelled, day: inspection.date)
    }
}
