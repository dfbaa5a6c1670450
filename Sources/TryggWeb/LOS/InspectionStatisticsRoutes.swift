import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The year of LOS in figures (which also feeds the follow-up of the plan's measure on
/// myndighetsgemensamma verksamhetskontroller), the regional ROS figures of both kommuner, and
/// the kommun's LOS settings with its ROS agreements.
struct InspectionStatisticsRoutes {
    let deps: AppDependencies
    /// Counts under this are hidden in what another kommun sees (they could point at one business).
    static let sharedMinimum = 5

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.inspectionStatistics) { request, context in
            return try await statistics(year: Self.year(request), context: context)
        }
        routes.staff(SiteRoutes.inspectionStatisticsDocx) { request, context in
            let table = try await table(year: Self.year(request), context: context)
            return .download(try table.docx(), contentType: Response.docxType, filename: "los-statistik-\(table.year).docx")
        }
        routes.staff(SiteRoutes.inspectionStatisticsCSV) { request, context in
            let table = try await table(year: Self.year(request), context: context, plain: true)
            return .download(table.csv.utf8, contentType: "text/csv; charset=utf-8", filename: "los-statistik-\(table.year).csv")
        }
        routes.staff(SiteRoutes.inspectionSettings) { _, context in try await settings(context: context) }
        routes.staff(SiteRoutes.inspectionSettingsSave) { _, context in
            let form = try context.decodeForm(InspectionSettingsForm.self)
            let access = InspectionAccess(
                roles: Set(form.roles.compactMap(Role.init(rawValue:))), participants: Set(form.participants.compactMap { UUID(uuidString: $0) }))
            do {
                try await InspectionStore(context.kommun).saveAccess(access, by: context.actor)
            } catch let error as StoreError {
                return try await settings(context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.inspectionSettings.path, notice: "Inställningarna är sparade.", context: context)
        }
        routes.staff(SiteRoutes.rosOffer) { _, context in
            let form = try context.decodeForm(ROSOfferForm.self)
            guard let partner = try await KommunStore(deps.database).all().first(where: { $0.slug == form.partner && $0.id != context.kommunID }) else {
                return try await settings(context: context, error: "Välj kommunen att samverka med.", typedOffer: form, status: .badRequest)
            }
            do {
                try await SharingStore(context.kommun).offer(
                    .ros, code: InspectionStore.rosCode, to: partner,
                    what: "Gemensamma ROS-insatser: planering, objekt och iakttagelser i delade insatser, och årets samlade statistik",
                    validFrom: form.validFrom, decidedBy: form.decidedBy, by: context.actor)
            } catch let error as StoreError {
                return try await settings(context: context, error: error.description, typedOffer: form, status: .badRequest)
            }
            return Response.seeOther(
                SiteRoutes.inspectionSettings.path, notice: "ROS-avtalet är erbjudet till \(partner.name). Det gäller när de har godkänt det.", context: context
            )
        }
        routes.staff(SiteRoutes.rosAccept) { _, context in
            let form = try context.decodeForm(ROSAcceptForm.self)
            let sharing = SharingStore(context.kommun)
            guard let agreement = try await sharing.find(id: try context.parameters.require("id", as: UUID.self)), agreement.subject == .ros else {
                throw HTTPError(.notFound, message: "Avtalet finns inte.")
            }
            do {
                _ = try await sharing.accept(id: agreement.id, decidedBy: form.decidedBy, by: context.actor)
            } catch let error as StoreError {
                return try await settings(context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.inspectionSettings.path, notice: "ROS-avtalet är godkänt.", context: context)
        }
        routes.staff(SiteRoutes.rosRevoke) { _, context in
            let sharing = SharingStore(context.kommun)
            guard let agreement = try await sharing.find(id: try context.parameters.require("id", as: UUID.self)), agreement.subject == .ros else {
                throw HTTPError(.notFound, message: "Avtalet finns inte.")
            }
            do {
                try await sharing.revoke(id: agreement.id, by: context.actor)
            } catch let error as StoreError {
                return try await settings(context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(
                SiteRoutes.inspectionSettings.path, notice: "ROS-avtalet är återkallat: den andra kommunen ser inte längre era objekt.", context: context)
        }
    }

    static func year(_ request: Request) -> Int {
        request.uri.queryParameters.get("ar", as: Int.self).map { min(max($0, 2000), 2100) } ?? StockholmCalendar.local(TryggClock.now).year
    }

    struct StatisticsView {
        let year: Int
        let previous: String
        let next: String
        let docx: String
        let csv: String
        let headers: [String]
        let rows: [InspectionStatisticsTable.Row]
        let decisions: [InspectionStatisticsTable.DecisionRow]
        let regional: Bool
        let hasDecisions: Bool
        let sharedMinimum = InspectionStatisticsRoutes.sharedMinimum
    }

    func statistics(year: Int, context: StaffContext) async throws -> Response {
        let table = try await table(year: year, context: context)
        let query = [("ar", "\(year)")]
        let view = StatisticsView(
            year: year, previous: SiteRoutes.inspectionStatistics.path(query: [("ar", "\(year - 1)")]),
            next: SiteRoutes.inspectionStatistics.path(query: [("ar", "\(year + 1)")]), docx: SiteRoutes.inspectionStatisticsDocx.path(query: query),
            csv: SiteRoutes.inspectionStatisticsCSV.path(query: query), headers: table.headers, rows: table.rows, decisions: table.decisions,
            regional: table.headers.count > 1, hasDecisions: !table.decisions.isEmpty)
        return deps.renderer.page(.inspectionStatistics, title: "LOS-statistik \(year)", context: context, content: view)
    }

    /// The kommun's year and, under ROS agreements, each partner's aggregates with small counts
    /// hidden. `plain` writes numbers without thousands spaces or "kr", for a spreadsheet.
    func table(year: Int, context: StaffContext, plain: Bool = false) async throws -> InspectionStatisticsTable {
        // Page, Word and CSV alike: only those the kommun lets see LOS.
        _ = try await InspectionRoutes.access(context)
        let names = try await InspectionNames.load(context)
        let own = try await InspectedObjectStore(context.kommun).statistics(year: year)
        let format = InspectionStatisticsTable.Format(hideSmall: false, plain: plain)
        var columns = [(kommun: context.user.kommun.name, figures: InspectionStatisticsTable.figures(own, format: format))]
        for partner in try await InspectionStore(context.kommun).rosPartners().sorted(by: { names.kommun($0) < names.kommun($1) }) {
            guard let (_, scope) = try await SharingStore(context.kommun).sharedScope(.ros, code: InspectionStore.rosCode, with: partner, by: context.actor)
            else { continue }
            let figures = InspectionStatisticsTable.figures(
                try await InspectedObjectStore(scope).statistics(year: year), format: .init(hideSmall: true, plain: plain))
            columns.append((names.kommun(partner), figures))
        }
        return InspectionStatisticsTable(
            year: year, kommun: context.user.kommun.name, headers: columns.map(\.kommun),
            rows: columns[0].figures.indices.map { index in
                .init(label: columns[0].figures[index].label, values: columns.map { $0.figures[index].value })
            },
            decisions: own.decisions.map {
                .init(
                    decision: $0.kind.displayName, organisation: names.organisation($0.organisationID), count: $0.count,
                    amount: $0.kind.hasAmount ? (plain ? String($0.amount) : SwedishNumber.integer($0.amount) + " kr") : "")
            })
    }

    struct AgreementRow {
        let kommun: String
        let state: String
        let validFrom: String
        let decided: String
        let acceptAction: String?
        let revokeAction: String?
    }

    struct SettingsView {
        let action = SiteRoutes.inspectionSettingsSave.path
        let roles: [InspectionFormView.Choice]
        let participants: [InspectionFormView.Choice]
        let agreements: [AgreementRow]
        let offerAction = SiteRoutes.rosOffer.path
        let kommuner: [SelectOption]
        /// The offer form's date and decision maker: today and empty, or as a refused offer sent them.
        let validFrom: String
        let decidedBy: String
    }

    func settings(
        context: StaffContext, error: String? = nil, typedOffer: ROSOfferForm? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        _ = try context.requireUser(allowedTo: .planInspections)
        let access = try await InspectionStore(context.kommun).access()
        let names = try await InspectionNames.load(context)
        let now = TryggClock.now
        let agreements = try await SharingStore(context.kommun).all().filter { $0.subject == .ros }.map { agreement in
            let state = agreement.state(at: now)
            return AgreementRow(
                kommun: names.kommun(agreement.other(than: context.kommunID)), state: state.label, validFrom: agreement.validFrom,
                decided: [agreement.ownerDecidedBy, agreement.partnerDecidedBy].compactMap { $0 }.joined(separator: "; "),
                acceptAction: state == .offered && agreement.partnerID == context.kommunID ? SiteRoutes.rosAccept.path(agreement.id) : nil,
                revokeAction: state != .revoked ? SiteRoutes.rosRevoke.path(agreement.id) : nil)
        }
        let view = SettingsView(
            roles: Role.allCases.filter { $0 != .admin && $0 != .rapportor }.map {
                .init(id: "roll-\($0.rawValue)", value: $0.rawValue, label: $0.displayName, checked: access.roles.contains($0))
            },
            participants: names.organisations.map {
                .init(id: "org-\($0.id.uuidString)", value: $0.id.uuidString, label: $0.name, checked: access.participants.contains($0.id))
            },
            agreements: agreements,
            kommuner: names.kommuner.filter { $0.id != context.kommunID }.map {
                .init(value: $0.slug, label: $0.name, selected: $0.slug == typedOffer?.partner)
            },
            validFrom: typedOffer?.validFrom ?? StockholmCalendar.local(now).dateText, decidedBy: typedOffer?.decidedBy ?? "")
        return deps.renderer.page(.inspectionSettings, title: "LOS-inställningar och ROS", context: context, content: view, error: error, status: status)
    }
}
