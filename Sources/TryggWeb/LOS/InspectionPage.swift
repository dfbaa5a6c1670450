import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// One insats: what, when, who takes part; this kommun's objects with one part of the protocol per
/// participating authority; and, for an ROS insats, the partner kommun's objects and findings.
struct InspectionPage {
    let deps: AppDependencies

    struct FindingView {
        let organisation: String
        let organisationID: String
        let action: String
        let formID: String
        let recorded: Bool
        let summary: String
        let caseNumber: String
        let finding: String
        let decisions: [InspectionFormView.Choice]
        let vite: String
        let fee: String
        let revisitDue: String
        let revisitDoneOn: String
        let revisitOutcome: String
        let canRecord: Bool
        /// The user's own organisation's part, not yet recorded: open, the others folded, so the
        /// page shows one form to fill in rather than one per authority.
        let startsOpen: Bool
        /// The fingerprints the form was shown with and what collided (see `EditedRecord`).
        var edited: EditedRecordView?
    }

    struct NewObject {
        let name: String
        let orgNumber: String
        let address: String
        let latitude: String
        let longitude: String
    }

    struct VisitView {
        let id: String
        let name: String
        let href: String?
        let details: String
        let revisit: Bool
        let findings: [FindingView]
    }

    struct PartnerView {
        let kommun: String
        let visits: [VisitView]
    }

    struct View {
        let date: String
        let status: String
        let lead: String
        let area: String
        let ros: String?
        let note: String
        /// The participating organisations, "A; B; C" (empty when none is chosen yet).
        let participants: String
        let hasParticipants: Bool
        let isOwner: Bool
        let canPlan: Bool
        let editForm: InspectionFormView?
        let participantsAction: String
        let participantChoices: [InspectionFormView.Choice]
        let visits: [VisitView]
        let canAddObject: Bool
        let visitAction: String
        let registerOptions: [SelectOption]
        let branches: [SelectOption]
        /// The new object's fields: empty, or as a refused add sent them.
        let newObject: NewObject
        let partner: PartnerView?
        let calendarHref: String
        /// The kommun's areas to click the object's point in, when Leaflet is installed.
        let mapJSON: String?
    }

    func render(
        _ inspection: JointInspection, access: InspectionAccess, context: StaffContext,
        edit: (typed: InspectionForm, conflict: RecordConflict<InspectionForm>?)? = nil,
        typedFinding: (visitID: UUID, form: FindingForm, conflict: RecordConflict<FindingForm>?)? = nil, typedVisit: VisitForm? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let names = try await InspectionNames.load(context)
        let store = InspectionStore(context.kommun)
        let participants = try await store.participants(inspectionID: inspection.id)
        let objects = InspectedObjectStore(context.kommun)
        let visits = try await objects.visits(inspectionID: inspection.id, by: context.actor)
        // The objects visited at another insats too (one query for all).
        let revisited = Set(try await objects.visitCounts(objectIDs: visits.map(\.object.id)).filter { $0.value > 1 }.keys)
        let isOwner = inspection.kommunID == context.kommunID
        let canPlan = context.user.role.allows(.planInspections)
        let participating = names.organisations.filter { participants.contains($0.id) }
        let canAdd = canPlan || participants.contains(context.user.organisation.id)
        let register = canAdd && inspection.status != .cancelled ? try await objects.objects(by: context.actor) : []
        let visitViews = visits.map { visit in
            VisitView(
                id: visit.id.uuidString, name: visit.object.name, href: SiteRoutes.inspectedObject.path(visit.object.id), details: Self.details(visit.object),
                revisit: revisited.contains(visit.object.id),
                findings: participating.map { organisation in
                    let refused = typedFinding.flatMap { $0.visitID == visit.id && $0.form.organisation == organisation.id.uuidString ? $0 : nil }
                    return Self.findingView(
                        visit.findings.first { $0.organisationID == organisation.id }, organisation: organisation, visitID: visit.id, inspection: inspection,
                        canRecord: access.mayRecord(for: organisation.id, user: context.user), own: organisation.id == context.user.organisation.id,
                        typed: refused?.form, conflict: refused?.conflict)
                })
        }
        let view = View(
            date: inspection.date, status: inspection.status.displayName, lead: names.lead(of: inspection),
            area: try await areaName(inspection, context: context),
            ros: inspection.isShared ? "Gemensam ROS-insats med \(names.kommunName(of: inspection))" : nil, note: inspection.note,
            participants: participating.map(\.name).joined(separator: "; "), hasParticipants: !participating.isEmpty, isOwner: isOwner, canPlan: canPlan,
            editForm: isOwner && canPlan
                ? try await editForm(inspection, participants: participants, edit: edit, access: access, context: context, names: names) : nil,
            participantsAction: SiteRoutes.inspectionParticipants.path(inspection.id),
            participantChoices: names.organisations.filter { access.participants.contains($0.id) || participants.contains($0.id) }.map {
                InspectionFormView.Choice(id: "deltar-\($0.id.uuidString)", value: $0.id.uuidString, label: $0.name, checked: participants.contains($0.id))
            },
            visits: visitViews, canAddObject: canAdd && inspection.status != .cancelled, visitAction: SiteRoutes.inspectionVisitAdd.path(inspection.id),
            registerOptions: [.init(value: "", label: "Ett nytt objekt (fyll i nedan)", selected: typedVisit?.objectID == nil)]
                + register.filter { object in !visits.contains { $0.object.id == object.id } }.map {
                    .init(
                        value: $0.id.uuidString, label: $0.name + ($0.orgNumber.isEmpty ? "" : " (\($0.orgNumber))") + ", \($0.address)",
                        selected: $0.id == typedVisit?.objectID)
                },
            branches: InspectedObject.Branch.allCases.map { .init(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == typedVisit?.branch) },
            newObject: NewObject(
                name: typedVisit?.name ?? "", orgNumber: typedVisit?.orgNumber ?? "", address: typedVisit?.address ?? "",
                latitude: typedVisit?.latitude ?? "", longitude: typedVisit?.longitude ?? ""),
            partner: try await partnerView(inspection, context: context, names: names),
            calendarHref: SiteRoutes.inspections.path(query: [("ar", String(inspection.date.prefix(4)))]),
            mapJSON: canAdd ? InteractiveMapData.pickJSON(areas: try await AreaStore(context.kommun).all().current, settings: deps.configuration.map) : nil)
        return deps.renderer.page(
            .inspection, title: inspection.title, context: context, content: view, error: error, status: status)
    }

    /// The insats's edit form: as stored, or as a refused save sent it (with what collided, if anything did).
    func editForm(
        _ inspection: JointInspection, participants: Set<UUID>, edit: (typed: InspectionForm, conflict: RecordConflict<InspectionForm>?)?,
        access: InspectionAccess, context: StaffContext, names: InspectionNames
    ) async throws -> InspectionFormView {
        var typed = edit?.typed.inspection(id: inspection.id, kommunID: inspection.kommunID)
        typed?.partnerKommunID = inspection.partnerKommunID
        var form = try await InspectionFormView.build(
            typed ?? inspection, participants: edit?.typed.participantIDs ?? participants, access: access, context: context, names: names,
            action: SiteRoutes.inspectionSave.path(inspection.id), allowPartner: false)
        // What collided, as the form names it: the status, the organisations and the area by name, not code.
        var labels = Dictionary(names.organisations.map { ($0.id.uuidString, $0.name) }) { a, _ in a }
        for area in try await AreaStore(context.kommun).all() { labels[area.id.uuidString] = area.choiceLabel }
        form.edited = EditedRecordView(stored: InspectionForm(shown: inspection, participants: participants), typed: edit?.typed, conflict: edit?.conflict) {
            field, value in
            switch field {
            case "status": JointInspection.Status(rawValue: value)?.displayName ?? value
            case "leds_av", "omrade": labels[value] ?? (value.isEmpty ? "Hela kommunen" : value)
            case "deltagare": value.split(separator: " ").map { labels[String($0)] ?? String($0) }.joined(separator: "; ")
            default: value
            }
        }
        form.open = edit != nil
        return form
    }

    func areaName(_ inspection: JointInspection, context: StaffContext) async throws -> String {
        guard let id = inspection.areaID, inspection.kommunID == context.kommunID else {
            return inspection.areaID == nil ? "Hela kommunen" : "Partnerkommunens område"
        }
        return try await AreaStore(context.kommun).find(id: id)?.name ?? "Hela kommunen"
    }

    static func details(_ object: InspectedObject) -> String {
        [object.orgNumber.isEmpty ? "enskild firma, utan nummer" : "org.nr \(object.orgNumber)", object.address, object.branch.displayName]
            .joined(separator: " · ")
    }

    static func summary(_ finding: InspectionFinding) -> String {
        let decisions = finding.decisions.map { decision in
            decision.amount.map { "\(decision.kind.displayName) \(SwedishNumber.integer($0)) kr" } ?? decision.kind.displayName
        }
        var parts = [decisions.isEmpty ? "Inga beslut" : decisions.joined(separator: ", ")]
        if !finding.caseNumber.isEmpty { parts.append("dnr \(finding.caseNumber)") }
        if let due = finding.revisitDue { parts.append(finding.revisitDoneOn.map { "återbesök gjort \($0)" } ?? "återbesök senast \(due)") }
        return parts.joined(separator: " · ")
    }

    /// One authority's part of the protocol; `typed` is a refused save of it, shown again and open.
    static func findingView(
        _ finding: InspectionFinding?, organisation: Organisation, visitID: UUID, inspection: JointInspection, canRecord: Bool, own: Bool,
        typed: FindingForm? = nil, conflict: RecordConflict<FindingForm>? = nil
    ) -> FindingView {
        let chosen = typed.map { Set($0.decisions.compactMap(InspectionFinding.DecisionKind.init(rawValue:))) } ?? Set(finding?.decisions.map(\.kind) ?? [])
        let key = "\(visitID.uuidString.prefix(8))-\(organisation.id.uuidString.prefix(8))"
        return FindingView(
            organisation: organisation.name, organisationID: organisation.id.uuidString,
            action: SiteRoutes.inspectionFinding.path(inspection.id, visitID), formID: key, recorded: finding != nil,
            summary: finding.map(summary) ?? "Inget registrerat", caseNumber: typed?.caseNumber ?? finding?.caseNumber ?? "",
            finding: typed?.finding ?? finding?.finding ?? "",
            decisions: InspectionFinding.DecisionKind.allCases.map {
                .init(id: "beslut-\(key)-\($0.rawValue)", value: $0.rawValue, label: $0.displayName, checked: chosen.contains($0))
            },
            vite: typed?.vite ?? finding?.decisions.first { $0.kind == .vite }?.amount.map(String.init) ?? "",
            fee: typed?.fee ?? finding?.decisions.first { $0.kind == .sanktionsavgift }?.amount.map(String.init) ?? "",
            revisitDue: typed?.revisitDue ?? finding?.revisitDue ?? "", revisitDoneOn: typed?.revisitDoneOn ?? finding?.revisitDoneOn ?? "",
            revisitOutcome: typed?.revisitOutcome ?? finding?.revisitOutcome ?? "",
            canRecord: canRecord, startsOpen: canRecord && (typed != nil || (own && finding == nil)),
            edited: canRecord
                ? EditedRecordView(stored: FindingForm(shown: finding, organisationID: organisation.id), typed: typed, conflict: conflict) { field, value in
                    field == "beslut"
                        ? SwedishGrammar.list(
                            value.split(separator: " ").map { InspectionFinding.DecisionKind(rawValue: String($0))?.displayName ?? String($0) })
                        : value
                } : nil)
    }

    /// The other kommun's objects and findings on a shared insats, read through the agreement
    /// (and audited on both sides); nothing when the insats is not shared.
    func partnerView(_ inspection: JointInspection, context: StaffContext, names: InspectionNames) async throws -> PartnerView? {
        guard let partnerID = inspection.kommunID == context.kommunID ? inspection.partnerKommunID : inspection.kommunID, inspection.isShared,
            let (_, scope) = try await SharingStore(context.kommun).sharedScope(.ros, code: InspectionStore.rosCode, with: partnerID, by: context.actor)
        else { return nil }
        let organisations = try await OrganisationStore(scope).organisations()
        let visits = try await InspectedObjectStore(scope).visits(inspectionID: inspection.id, by: context.actor)
        return PartnerView(
            kommun: names.kommun(partnerID),
            visits: visits.map { visit in
                VisitView(
                    id: visit.id.uuidString, name: visit.object.name, href: nil, details: Self.details(visit.object), revisit: false,
                    findings: visit.findings.map { finding in
                        let organisation = organisations.first { $0.id == finding.organisationID }
                        return FindingView(
                            organisation: organisation?.name ?? "Okänd organisation", organisationID: "", action: "", formID: "", recorded: true,
                            summary: Self.summary(finding), caseNumber: finding.caseNumber, finding: finding.finding, decisions: [], vite: "", fee: "",
                            revisitDue: "", revisitDoneOn: "", revisitOutcome: "", canRecord: false, startsOpen: false)
                    })
            })
    }
}
