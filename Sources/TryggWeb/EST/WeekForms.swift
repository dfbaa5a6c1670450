import Foundation
import TryggCore
import TryggStore

/// The EST group's assessment of the week, kept as written.
struct AssessmentForm: Decodable {
    @FormRaw var text: String
    /// The fingerprint of the assessment the page showed (see `ConcurrentEdit`).
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case text = "bedomning", seen = "sett_bedomning" }
}

/// Publish (`ja`) or withdraw the week's lägesbild.
struct PublishForm: Decodable {
    @FormText var publish: String

    enum CodingKeys: String, CodingKey { case publish = "publicera" }
}

/// A place the EST group gives priority this week.
struct PriorityPlaceForm: Decodable {
    @FormText var name: String
    @FormText var latitude: String
    @FormText var longitude: String
    @FormText var note: String

    enum CodingKeys: String, CodingKey { case name = "namn", latitude = "lat", longitude = "lon", note = "anteckning" }
}

/// An insats decided by the EST group, from the week page or from a resident's tip.
struct InsatsForm: Decodable {
    @FormText var organisation: String
    @FormText var kind: String
    @FormText var what: String
    @FormText var place: String
    @FormText var latitude: String
    @FormText var longitude: String
    @FormText var startsOn: String
    @FormText var dueOn: String
    @FormText var presenceDays: String
    @FormText var presenceTimes: String
    /// The plan's measure the insats carries out; empty for none.
    @FormText var measure: String

    enum CodingKeys: String, CodingKey {
        case organisation, kind = "typ", what = "vad", place = "plats", latitude = "lat", longitude = "lon"
        case startsOn = "start", dueOn = "klart", presenceDays = "dagar", presenceTimes = "tider", measure = "atgard"
    }

    func decision(at point: GeoPoint?) throws -> InsatsStore.Decision {
        guard let organisationID = UUID(uuidString: organisation) else { throw StoreError.invalid("Välj en ansvarig organisation.") }
        let measureID = UUID(uuidString: measure)
        if !measure.isEmpty && measureID == nil { throw StoreError.invalid("Välj en åtgärd ur kommunens plan.") }
        return InsatsStore.Decision(
            kind: Insats.Kind(rawValue: kind) ?? .situational, what: what, place: place, point: point,
            organisationID: organisationID, startsOn: startsOn, dueOn: dueOn, presenceDays: presenceDays, presenceTimes: presenceTimes,
            measureID: measureID)
    }
}

/// This week's follow-up of an insats.
struct InsatsFollowUpForm: Decodable {
    @FormText var status: String
    @FormText var note: String

    enum CodingKeys: String, CodingKey { case status, note = "notering" }
}
