import Foundation
import TryggCore
import TryggStore

/// Planning or editing an insats: the day, its lead and status, and this kommun's participants.
struct InspectionForm: Decodable, EditedRecordForm {
    @FormText var title: String
    @FormText var date: String
    @FormText var status: String
    @FormText var lead: String
    @FormText var area: String
    @FormText var partner: String
    @FormRaw var note: String
    @FormChoices var participants: [String]
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case title = "rubrik", date = "datum", status = "status", lead = "leds_av", area = "omrade", partner = "ros_partner", note = "beskrivning"
        case participants = "deltagare", seen = "sett"
    }

    // The ROS partner is chosen when the insats is planned, not on the edit form.
    static let editedFields: [EditedField<InspectionForm>] = [
        .init(name: "rubrik", label: "Rubrik", path: \.title), .init(name: "datum", label: "Datum", path: \.date),
        .init(name: "status", label: "Status", path: \.status), .init(name: "leds_av", label: "Leds av", path: \.lead),
        .init(name: "omrade", label: "Område", path: \.area), .init(name: "beskrivning", label: "Inriktning och upplägg", path: \.note),
        .init(name: "deltagare", label: "Deltagande myndigheter och förvaltningar", path: \.participantList),
    ]

    init() {}

    /// The edit form as it shows a stored insats and this kommun's participants in it.
    init(shown inspection: JointInspection, participants: Set<UUID>) {
        title = inspection.title
        date = inspection.date
        status = inspection.status.rawValue
        lead = inspection.leadID.uuidString
        area = inspection.areaID?.uuidString ?? ""
        partner = inspection.partnerKommunID?.uuidString ?? ""
        note = inspection.note
        self.participants = participants.map(\.uuidString)
    }

    /// The ticked participants as one field, in a fixed order, so they merge like the texts.
    var participantList: String {
        get { Set(participants.map { $0.uppercased() }).sorted().joined(separator: " ") }
        set { participants = newValue.split(separator: " ").map(String.init) }
    }

    func inspection(id: UUID, kommunID: UUID) -> JointInspection {
        JointInspection(
            id: id, kommunID: kommunID, partnerKommunID: UUID(uuidString: partner), title: title, date: date,
            status: JointInspection.Status(rawValue: status) ?? .planned, leadID: UUID(uuidString: lead) ?? UUID(), areaID: UUID(uuidString: area),
            note: note.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    var participantIDs: Set<UUID> { Set(participants.compactMap { UUID(uuidString: $0) }) }
}

struct ParticipantsForm: Decodable {
    @FormChoices var participants: [String]
    enum CodingKeys: String, CodingKey { case participants = "deltagare" }
}

/// An object for an insats: one from the register, or a new one described here.
struct VisitForm: Decodable {
    @FormText var object: String
    @FormText var name: String
    @FormText var orgNumber: String
    @FormText var address: String
    @FormText var branch: String
    @FormText var latitude: String
    @FormText var longitude: String

    enum CodingKeys: String, CodingKey {
        case object = "objekt", name = "namn", orgNumber = "orgnr", address = "adress", branch = "bransch", latitude = "lat", longitude = "lon"
    }

    var objectID: UUID? { UUID(uuidString: object) }

    /// The new object as described, or nil when none was (or the point is not a number).
    var newObject: Result<InspectedObject?, StoreError> {
        if name.isEmpty && orgNumber.isEmpty && address.isEmpty { return .success(nil) }
        var point: GeoPoint?
        if !latitude.isEmpty || !longitude.isEmpty {
            guard let lat = Double(latitude.replacingOccurrences(of: ",", with: ".")), let lon = Double(longitude.replacingOccurrences(of: ",", with: "."))
            else { return .failure(.invalid("Skriv punkten som latitud och longitud i decimalgrader (WGS84), eller markera den på kartan.")) }
            point = GeoPoint(latitude: lat, longitude: lon)
        }
        return .success(
            InspectedObject(
                id: UUID(), name: name, orgNumber: orgNumber, address: address, point: point, branch: InspectedObject.Branch(rawValue: branch) ?? .annat))
    }
}

/// One authority's part of the protocol for one object.
struct FindingForm: Decodable, EditedRecordForm {
    @FormText var organisation: String
    @FormText var caseNumber: String
    @FormRaw var finding: String
    @FormChoices var decisions: [String]
    @FormText var vite: String
    @FormText var fee: String
    @FormText var revisitDue: String
    @FormText var revisitDoneOn: String
    @FormRaw var revisitOutcome: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case organisation = "organisation", caseNumber = "diarienummer", finding = "iakttagelser", decisions = "beslut", vite = "vite"
        case fee = "sanktionsavgift", revisitDue = "aterbesok", revisitDoneOn = "aterbesok_gjort", revisitOutcome = "utfall", seen = "sett"
    }

    static let editedFields: [EditedField<FindingForm>] = [
        .init(name: "diarienummer", label: "Myndighetens diarienummer", path: \.caseNumber),
        .init(name: "aterbesok", label: "Återbesök senast", path: \.revisitDue), .init(name: "iakttagelser", label: "Iakttagelser", path: \.finding),
        .init(name: "beslut", label: "Beslut", path: \.decisionList), .init(name: "vite", label: "Vite (kronor)", path: \.vite),
        .init(name: "sanktionsavgift", label: "Sanktionsavgift (kronor)", path: \.fee),
        .init(name: "aterbesok_gjort", label: "Återbesök gjort den", path: \.revisitDoneOn),
        .init(name: "utfall", label: "Vad återbesöket visade", path: \.revisitOutcome),
    ]

    init() {}

    /// The form as it shows what the authority has recorded (empty before its first save).
    init(shown finding: InspectionFinding?, organisationID: UUID) {
        organisation = organisationID.uuidString
        caseNumber = finding?.caseNumber ?? ""
        self.finding = finding?.finding ?? ""
        decisions = finding?.decisions.map(\.kind.rawValue) ?? []
        vite = finding?.decisions.first { $0.kind == .vite }?.amount.map(String.init) ?? ""
        fee = finding?.decisions.first { $0.kind == .sanktionsavgift }?.amount.map(String.init) ?? ""
        revisitDue = finding?.revisitDue ?? ""
        revisitDoneOn = finding?.revisitDoneOn ?? ""
        revisitOutcome = finding?.revisitOutcome ?? ""
    }

    /// The ticked decisions as one field, in a fixed order, so they merge like the texts.
    var decisionList: String {
        get { Set(decisions).sorted().joined(separator: " ") }
        set { decisions = newValue.split(separator: " ").map(String.init) }
    }

    /// The finding as filled in, or what is wrong with an amount that is not a whole number.
    func finding(visitID: UUID) -> Result<InspectionFinding, StoreError> {
        var decisions: [InspectionFinding.Decision] = []
        for kind in self.decisions.compactMap(InspectionFinding.DecisionKind.init(rawValue:)) {
            guard kind.hasAmount else {
                decisions.append(.init(kind))
                continue
            }
            let typed = (kind == .vite ? vite : fee).filter { !$0.isWhitespace && $0 != "\u{00A0}" }
            if typed.isEmpty {
                decisions.append(.init(kind))
            } else if let amount = Int(typed) {
                decisions.append(.init(kind, amount: amount))
            } else {
                return .failure(.invalid("Skriv beloppet för \(kind.displayName.lowercased()) i hela kronor."))
            }
        }
        return .success(
            InspectionFinding(
                id: UUID(), visitID: visitID, organisationID: UUID(uuidString: organisation) ?? UUID(), caseNumber: caseNumber,
                finding: finding.trimmingCharacters(in: .whitespacesAndNewlines), decisions: decisions, revisitDue: revisitDue.isEmpty ? nil : revisitDue,
                revisitOutcome: revisitOutcome.trimmingCharacters(in: .whitespacesAndNewlines), revisitDoneOn: revisitDoneOn.isEmpty ? nil : revisitDoneOn))
    }
}

struct InspectionSettingsForm: Decodable {
    @FormChoices var roles: [String]
    @FormChoices var participants: [String]
    enum CodingKeys: String, CodingKey { case roles = "roller", participants = "deltagare" }
}

struct ROSOfferForm: Decodable {
    @FormText var partner: String
    @FormText var validFrom: String
    @FormText var decidedBy: String
    enum CodingKeys: String, CodingKey { case partner = "kommun", validFrom = "galler_fran", decidedBy = "beslutat_av" }
}

struct ROSAcceptForm: Decodable {
    @FormText var decidedBy: String
    enum CodingKeys: String, CodingKey { case decidedBy = "beslutat_av" }
}
