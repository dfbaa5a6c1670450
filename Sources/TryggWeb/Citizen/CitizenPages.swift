import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The queue: reports of one status, and counts per area split by the reporters' gender.
struct CitizenListPage {
    let deps: AppDependencies

    struct Tab {
        let value: String
        let href: String
        let label: String
        let count: Int
        let current: Bool
    }

    struct Line {
        let id: String
        let href: String
        let submitted: String
        let category: String
        let area: String
        let place: String
        let excerpt: String
        let channel: String
        let number: String
    }

    struct GenderLine {
        let area: String
        let women: Int, men: Int, other: Int, unstated: Int, total: Int
    }

    /// The tips of one status, or, with `email`, every tip sent from that address: what a
    /// samordnare needs when a resident asks what the kommun has about her or to have it erased.
    func render(user: UserAccount, status: CitizenReportStatus, email: String, context: StaffContext) async throws -> Response {
        let store = CitizenStore(context.kommun)
        let counts = try await store.countByStatus()
        let reports = try await store.list(filter: email.isEmpty ? .init(statuses: [status], limit: 500) : .init(email: email, limit: 500))
        if !email.isEmpty {
            // Reading contact details is logged; the address itself is not, so that it does not
            // outlive the tips' retention period in the log.
            try await AuditLog.record(
                context.actor, action: "sökte tips på e-postadress", objectType: "medborgarrapport", objectID: "",
                detail: "\(reports.count) träffar", kommunID: user.kommun.id, on: deps.database.db)
        }
        let reference = try await deps.referenceCache.lookups(for: context.kommun)
        let categories = Dictionary(reference.categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let areas = Dictionary(reference.areas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let lines = reports.map { report in
            Line(
                id: report.id.uuidString, href: SiteRoutes.citizenReport.path(report.id), submitted: SwedishTime.minute(report.submittedAt),
                category: categories[report.categoryID] ?? "",
                area: report.areaID.flatMap { areas[$0] } ?? WeekSummary.restOfKommun, place: report.place,
                excerpt: SwedishGrammar.excerpt(report.description, limit: 140),
                channel: report.channel == .open311 ? "Open311" : "Webb", number: report.publicNumber.map(String.init) ?? "")
        }
        let year = try await store.list(filter: .init(from: TryggClock.now.addingTimeInterval(-365 * 86_400), limit: 5_000))
        let view: [String: Any] = [
            "tabs": CitizenReportStatus.allCases.map {
                Tab(
                    value: $0.rawValue, href: SiteRoutes.citizenReports.path(query: [("status", $0.rawValue)]), label: $0.displayName, count: counts[$0] ?? 0,
                    current: email.isEmpty && $0 == status)
            },
            "lines": lines, "email": email,
            "heading": email.isEmpty ? status.displayName : "Tips från \(email) (\(reports.count))",
            "emptyText": email.isEmpty ? "Inga tips med den statusen." : "Inga tips från den adressen. Kontaktuppgifter raderas efter lagringstiden.",
            "genders": Self.genderLines(year, areas: reference.areas),
        ]
        return deps.renderer.page(.citizenList, title: "Medborgartips", context: context, content: view)
    }

    /// Every tip of the last year per area, split by gender (the gender perspective of ARCHITECTURE.md).
    static func genderLines(_ reports: [CitizenReport], areas: [Area]) -> [GenderLine] {
        let lines = reports.byArea(areas).map { name, inArea in
            GenderLine(
                area: name, women: inArea.filter { $0.gender == .woman }.count, men: inArea.filter { $0.gender == .man }.count,
                other: inArea.filter { $0.gender == .other }.count, unstated: inArea.filter { $0.gender == nil }.count,
                total: inArea.count)
        }
        let all = GenderLine(
            area: "Hela kommunen", women: lines.map(\.women).reduce(0, +), men: lines.map(\.men).reduce(0, +),
            other: lines.map(\.other).reduce(0, +), unstated: lines.map(\.unstated).reduce(0, +), total: reports.count)
        return lines + [all]
    }
}

/// One report with everything the samordnare may do with it in its current status.
struct CitizenReportPage {
    let deps: AppDependencies

    func render(
        _ report: CitizenReport, user: UserAccount, context: StaffContext, notice: String? = nil, error: String? = nil,
        typed: ReviewForm? = nil, conflict: EditConflict? = nil, recordConflict: RecordConflict<ReviewForm>? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let reference = try await deps.referenceCache.lookups(for: context.kommun)
        let category = reference.categories.first { $0.id == report.categoryID }
        // Another action's refused form sends no answer: the answer field then shows the stored one.
        let typedAnswer = typed.flatMap { $0.answer.isEmpty ? nil : $0 }
        let area = report.areaID.flatMap { id in reference.areas.first { $0.id == id }?.name } ?? WeekSummary.restOfKommun
        let store = CitizenStore(context.kommun)
        var view: [String: Any] = [
            "id": report.id.uuidString, "status": report.status.displayName, "number": report.publicNumber.map(String.init) ?? "",
            "submitted": SwedishTime.dateTime(report.submittedAt), "channel": report.channel == .open311 ? "Open311" : "Webbformuläret",
            "category": category?.name ?? "", "area": area, "place": report.place, "description": report.description,
            "point": report.point.map { SwedishNumber.coordinate(latitude: $0.latitude, longitude: $0.longitude) } ?? "",
            "publicPoint": report.publicPoint.map { SwedishNumber.coordinate(latitude: $0.latitude, longitude: $0.longitude) } ?? "",
            "times": report.timesOfDay.map(\.displayName).joined(separator: ", "),
            "days": report.weekdays.map { Weekdays.names[$0 - 1] }.joined(separator: ", "),
            "gender": report.gender?.displayName ?? "Ej angivet", "age": report.ageBand?.displayName ?? "Ej angivet",
            "email": report.email ?? "", "contactName": report.contactName ?? "", "hasContact": report.hasContact,
            "contactDeleted": report.contactDeleteAfter.map(SwedishTime.date) ?? "",
            "mediaURL": report.mediaURL, "answer": report.answer, "rejectReason": report.rejectReason,

            "isReceived": report.status == .received, "isApproved": report.status == .approved,
            "canEdit": [.received, .approved, .closed].contains(report.status),
            "canMakeEvent": report.incidentID != nil,
            // The forms show what a refused change sent; the facts above them, what is stored.
            "formPlace": typed?.description != nil ? typed?.place ?? "" : report.place,
            "formDescription": typed?.description ?? report.description,
            "answerField": EditedTextField(
                name: "svar", label: "Svar (syns på uppföljningssidan och, när tipset är publicerat, offentligt)", stored: report.answer, rows: 3,
                maxLength: CitizenRules.maxAnswerLength, typed: typedAnswer?.answer, typedSeen: typedAnswer?.seenAnswer, conflictKey: "svar",
                conflict: conflict, autofocus: conflict != nil),
            "formReason": typed?.reason ?? "",
            "categories": reference.categories.filter { !$0.retired }.map {
                let chosen = typed?.description != nil ? typed?.category : report.categoryID.uuidString
                return SelectOption(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == chosen)
            },
            "organisations": try await OrganisationStore(context.kommun).organisations().current.map {
                SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == user.organisation.id)
            },
            "today": SwedishTime.date(TryggClock.now), "inAMonth": SwedishTime.date(TryggClock.now.addingTimeInterval(30 * 86_400)),
        ]
        let categoryNames = Dictionary(reference.categories.map { ($0.id.uuidString, $0.name) }) { first, _ in first }
        view["edited"] = EditedRecordView(
            stored: ReviewForm(shown: report), typed: typed?.description != nil ? typed : nil, conflict: recordConflict
        ) { field, value in field == "kategori" ? categoryNames[value] ?? value : value }
        // Links to what the tip became, only when it became something (an empty id made a link to nothing).
        if let duplicateOf = report.duplicateOf { view["duplicateHref"] = SiteRoutes.citizenReport.path(duplicateOf) }
        if let incident = report.incidentID { view["incidentHref"] = SiteRoutes.incident.path(incident) }
        if let insats = report.insatsID { view["insatsHref"] = SiteRoutes.insats.path(insats) }
        for (key, action) in [
            ("editAction", report.status == .received ? "godkann" : "redigera"), ("rejectAction", "avvisa"), ("duplicateAction", "dubblett"),
            ("answerAction", "svara"), ("closeAction", "avsluta"), ("eventAction", "est"), ("insatsAction", "insats"),
            ("eraseContactAction", "radera-kontakt"),
        ] {
            view[key] = SiteRoutes.citizenReview(action).path(report.id)
        }
        if report.status == .received {
            let nearby = try await store.nearby(report)
            view["hasNearby"] = !nearby.isEmpty
            view["nearby"] = nearby.map {
                SelectOption(
                    value: $0.id.uuidString,
                    label: "\(SwedishTime.date($0.submittedAt)): \($0.place.ifEmpty(SwedishGrammar.excerpt($0.description, limit: 60)))",
                    selected: false)
            }
        }
        if let point = report.point {
            view["map"] = AreaMapSVG.render(reference.areas, dots: [.init(point: point, title: "Tipsets plats")], label: "Tipsets plats på kartan")
        }
        return deps.renderer.page(
            .citizenReport, title: "Medborgartips", context: context, content: view, notice: notice, error: error,
            status: status)
    }
}
