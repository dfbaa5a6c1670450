import Foundation
import TryggCore

/// Planning a walk: title, area, date and time, light, the route as points, the groups, the förmöte.
struct WalkForm: Decodable, EditedRecordForm {
    @FormText var title: String
    @FormText var area: String
    @FormText var date: String
    @FormText var time: String
    @FormText var light: String
    @FormRaw var route: String
    @FormChoices var groups: [String]
    @FormRaw var premeeting: String
    @FormText var followsUp: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case title = "rubrik", area = "omrade", date = "datum", time = "tid", light = "ljus", route = "rutt", groups = "grupper", premeeting = "formote"
        case followsUp = "foljer_upp", seen = "sett"
    }

    static let editedFields: [EditedField<WalkForm>] = [
        .init(name: "rubrik", label: "Rubrik", path: \.title), .init(name: "omrade", label: "Område", path: \.area),
        .init(name: "datum", label: "Datum", path: \.date), .init(name: "tid", label: "Tid", path: \.time), .init(name: "ljus", label: "Ljus", path: \.light),
        .init(name: "rutt", label: "Rutt", path: \.route), .init(name: "grupper", label: "Deltagande grupper", path: \.groupList),
        .init(name: "formote", label: "Förmöte", path: \.premeeting), .init(name: "foljer_upp", label: "Uppföljningsvandring av", path: \.followsUp),
    ]

    init() {}

    /// The form as it shows a stored walk.
    init(shown walk: SafetyWalk) {
        title = walk.title
        area = walk.areaID.uuidString
        date = walk.date
        time = walk.time
        light = walk.light.rawValue
        route = walk.route.map { "\($0.latitude), \($0.longitude)" }.joined(separator: "\n")
        groups = walk.groups.map(\.rawValue)
        premeeting = walk.premeeting
        followsUp = walk.followsUpID?.uuidString ?? ""
    }

    /// The ticked groups as one field, in a fixed order, so they merge like the texts.
    var groupList: String {
        get { Set(groups).sorted().joined(separator: " ") }
        set { groups = newValue.split(separator: " ").map(String.init) }
    }

    /// The walk as filled in, or what is wrong with its route.
    func walk(id: UUID) -> Result<SafetyWalk, WalkProblem> {
        SafetyWalk.route(from: route).map { points in
            SafetyWalk(
                id: id, title: title, areaID: UUID(uuidString: area) ?? UUID(), date: date, time: time, light: SafetyWalk.Light(rawValue: light) ?? .dark,
                route: points, groups: groups.compactMap(SafetyWalk.Group.init(rawValue:)),
                premeeting: premeeting.trimmingCharacters(in: .whitespacesAndNewlines),
                followsUpID: UUID(uuidString: followsUp))
        }
    }
}

struct ObservationForm: Decodable {
    @FormText var category: String
    @FormRaw var text: String
    @FormText var latitude: String
    @FormText var longitude: String

    enum CodingKeys: String, CodingKey { case category = "kategori", text = "text", latitude = "lat", longitude = "lon" }

    var point: GeoPoint? {
        guard let latitude = Double(latitude.replacingOccurrences(of: ",", with: ".")),
            let longitude = Double(longitude.replacingOccurrences(of: ",", with: "."))
        else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }
}

struct CauseForm: Decodable {
    @FormRaw var cause: String
    enum CodingKeys: String, CodingKey { case cause = "orsak" }
}

/// One orsaksanalys for several observations.
struct CauseGroupForm: Decodable {
    @FormRaw var cause: String
    @FormChoices var observations: [String]
    enum CodingKeys: String, CodingKey { case cause = "orsak", observations = "observationer" }
}

struct WalkMeasureForm: Decodable {
    @FormRaw var text: String
    @FormText var owner: String
    @FormText var ownerName: String
    @FormText var decision: String
    @FormRaw var reason: String
    @FormText var dueOn: String
    @FormChoices var observations: [String]
    @FormText var planMeasure: String

    enum CodingKeys: String, CodingKey {
        case text = "atgard", owner = "agare", ownerName = "fastighetsagare", decision = "beslut", reason = "skal", dueOn = "klart"
        case observations = "observationer", planMeasure = "planens_atgard"
    }

    func measure(walkID: UUID, id: UUID) -> WalkMeasure {
        WalkMeasure(
            id: id, walkID: walkID, observationIDs: observations.compactMap(UUID.init(uuidString:)), text: text.trimmingCharacters(in: .whitespacesAndNewlines),
            ownerID: UUID(uuidString: owner), ownerName: ownerName, decision: WalkMeasure.Decision(rawValue: decision) ?? .proposed,
            reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), dueOn: dueOn, planMeasureID: UUID(uuidString: planMeasure))
    }
}
