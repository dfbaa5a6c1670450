import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The objects of LOS: adding one to an insats (from the register or new), each authority's part
/// of the protocol, the object register with each object's history, and the revisit queue. Every
/// read of company data is audited by the store.
struct InspectionObjectRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.inspectionVisitAdd) { _, context in
            let access = try await InspectionRoutes.access(context)
            let inspection = try await InspectionRoutes.inspection(context)
            let participants = try await InspectionStore(context.kommun).participants(inspectionID: inspection.id)
            guard context.user.role.allows(.planInspections) || participants.contains(context.user.organisation.id) else {
                throw HTTPError(.forbidden, message: "Bara samordnaren och de deltagande organisationerna lägger till objekt.")
            }
            let form = try context.decodeForm(VisitForm.self)
            do {
                let new: InspectedObject?
                switch form.newObject {
                case .success(let object): new = form.objectID == nil ? object : nil
                case .failure(let error): throw error
                }
                try await InspectedObjectStore(context.kommun).addVisit(inspection: inspection, objectID: form.objectID, new: new, by: context.actor)
            } catch let error as StoreError {
                return try await InspectionPage(deps: deps).render(
                    inspection, access: access, context: context, typedVisit: form, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.inspection.path(inspection.id), notice: "Objektet är tillagt i insatsen.", context: context)
        }
        routes.staff(SiteRoutes.inspectionFinding) { _, context in
            let access = try await InspectionRoutes.access(context)
            let inspection = try await InspectionRoutes.inspection(context)
            let visitID = try context.parameters.require("visit", as: UUID.self)
            let form = try context.decodeForm(FindingForm.self)
            // One save per visit at a time: what the authority recorded is read again and merged in the queue.
            return try await deps.recordLocks.serially(visitID) {
                let organisationID = UUID(uuidString: form.organisation) ?? UUID()
                guard access.mayRecord(for: organisationID, user: context.user) else {
                    throw HTTPError(.forbidden, message: "Du registrerar bara för din egen organisation.")
                }
                let stored = try await InspectedObjectStore(context.kommun).finding(visitID: visitID, organisationID: organisationID)
                return try await EditedRecord.save(form, over: FindingForm(shown: stored, organisationID: organisationID)) { error, status, conflict in
                    try await InspectionPage(deps: deps).render(
                        inspection, access: access, context: context, typedFinding: (visitID, form, conflict), error: error, status: status)
                } _: { merged in
                    do {
                        try await InspectedObjectStore(context.kommun).saveFinding(try merged.finding(visitID: visitID).get(), by: context.actor)
                    } catch StoreError.notFound {
                        throw HTTPError(.notFound, message: "Besöket finns inte.")
                    }
                    return Response.seeOther(
                        SiteRoutes.inspection.path(inspection.id) + "#besok-\(visitID.uuidString)",
                        notice: EditedRecord.notice("Iakttagelserna är sparade.", typed: form, merged: merged), context: context)
                }
            }
        }
        routes.staff(SiteRoutes.inspectedObjects) { request, context in
            _ = try await InspectionRoutes.access(context)
            let objects = try await InspectedObjectStore(context.kommun).objects(by: context.actor)
            // "Have we been to this pizzeria before?": name, address or number, and the branch.
            let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(100))
            let branch = request.uri.queryParameters["bransch"].flatMap { InspectedObject.Branch(rawValue: String($0)) }
            let shown = objects.filter { $0.matches(query) && (branch == nil || $0.branch == branch) }
            let filtered = shown.count != objects.count
            let view = RegisterView(
                rows: shown.map {
                    RegisterRow(name: $0.name, href: SiteRoutes.inspectedObject.path($0.id), details: InspectionPage.details($0))
                },
                query: query,
                branches: [SelectOption(value: "", label: "Alla branscher", selected: branch == nil)]
                    + InspectedObject.Branch.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == branch) },
                summary: filtered
                    ? "\(SwedishNumber.integer(shown.count)) av \(SwedishGrammar.count(objects.count, "objekt", "objekt")) matchar."
                    : SwedishGrammar.count(objects.count, "objekt", "objekt") + ".",
                hasObjects: !objects.isEmpty)
            return deps.renderer.page(.inspectedObjects, title: "Objektregister", context: context, content: view)
        }
        routes.staff(SiteRoutes.inspectedObject) { _, context in
            _ = try await InspectionRoutes.access(context)
            let store = InspectedObjectStore(context.kommun)
            guard let object = try await store.object(id: try context.parameters.require("id", as: UUID.self), by: context.actor) else {
                throw HTTPError(.notFound, message: "Objektet finns inte.")
            }
            let names = try await InspectionNames.load(context)
            let inspections = Dictionary(uniqueKeysWithValues: try await InspectionStore(context.kommun).inspections().map { ($0.id, $0) })
            let history = try await store.visits(objectID: object.id).map { visit in
                let inspection = inspections[visit.inspectionID]
                return HistoryRow(
                    date: inspection?.date ?? "", title: inspection?.title ?? "Insats", href: SiteRoutes.inspection.path(visit.inspectionID),
                    findings: visit.findings.map { "\(names.organisation($0.organisationID)): \(InspectionPage.summary($0))" })
            }
            let view = ObjectView(
                details: InspectionPage.details(object), point: object.point.map { SwedishNumber.coordinate(latitude: $0.latitude, longitude: $0.longitude) },
                history: history, visits: history.count)
            return deps.renderer.page(.inspectedObject, title: object.name, context: context, content: view)
        }
        routes.staff(SiteRoutes.revisits) { _, context in
            _ = try await InspectionRoutes.access(context)
            let names = try await InspectionNames.load(context)
            let today = StockholmCalendar.local(TryggClock.now).dateText
            let queue = try await InspectedObjectStore(context.kommun).revisitQueue(by: context.actor)
            let view = QueueView(
                rows: queue.map { item in
                    QueueRow(
                        due: item.finding.revisitDue ?? "", overdue: (item.finding.revisitDue ?? "") < today, name: item.visit.object.name,
                        href: SiteRoutes.inspection.path(item.visit.inspectionID) + "#besok-\(item.visit.id.uuidString)",
                        organisation: names.organisation(item.finding.organisationID), summary: InspectionPage.summary(item.finding))
                })
            return deps.renderer.page(.inspectionRevisits, title: "Återbesök", context: context, content: view)
        }
    }

    struct RegisterRow {
        let name: String
        let href: String
        let details: String
    }

    struct RegisterView {
        let rows: [RegisterRow]
        let query: String
        let branches: [SelectOption]
        let summary: String
        let hasObjects: Bool
    }

    struct HistoryRow {
        let date: String
        let title: String
        let href: String
        let findings: [String]
    }

    struct ObjectView {
        let details: String
        let point: String?
        let history: [HistoryRow]
        let visits: Int
    }

    struct QueueRow {
        let due: String
        let overdue: Bool
        let name: String
        let href: String
        let organisation: String
        let summary: String
    }

    struct QueueView {
        let rows: [QueueRow]
        let hasRows: Bool
        init(rows: [QueueRow]) {
            self.rows = rows
            hasRows = !rows.isEmpty
        }
    }
}
