import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Priority areas: everyone sees them on a map; admins add areas from GeoJSON or DeSO codes
/// ("Utöka antalet områden där kartläggning sker").
struct AreaRoutes {
    let deps: AppDependencies

    struct Row {
        let id: String
        let href: String
        let name: String
        let desoCodes: String
        let hasShape: Bool
        let source: String
        /// "Avvecklat 2026-12-04" for a retired area, empty for one in use.
        let retired: String
    }

    struct ListView {
        let rows: [Row]
        let retiredRows: [Row]
        let hasRetired: Bool
        let map: String?
        /// The interactive map's data when Leaflet is installed; the SVG map stays the fallback.
        let mapJSON: String?
        let canEdit: Bool
        let name: String
        let geojson: String
        let deso: String
        let kommunCode: String
    }

    struct DetailView {
        let name: String
        let map: String?
        let desoCodes: [String]
        let source: String
        let polygonCount: Int
        /// The admin's form to rename the area or change its DeSO codes or boundary.
        let canEdit: Bool
        let saveAction: String
        let formName: String
        let formDeso: String
        let formGeojson: String
        let kommunCode: String
        /// The area's picture: crimes, events, what is done, who meets (`AreaProfile`).
        let profile: AreaProfile
        /// For the admin: what refers to the area ("587 händelser"); it can be removed only when nothing does.
        let uses: String
        let canDelete: Bool
        let deleteAction: String
        /// The day the area was retired, or nil while it is in use; the admin retires an area
        /// with history (it cannot be removed) or brings a retired one back.
        let retiredOn: String?
        let canRetire: Bool
        let retireAction: String
        let reinstateAction: String
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.areas) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.area) { _, context in try await detail(context: context) }
        routes.staff(SiteRoutes.areaSave) { _, context in try await save(context: context) }
        routes.staff(SiteRoutes.areaDelete) { _, context in
            let area = try await area(context)
            do {
                try await changeAreas(context) { try await $0.delete(id: area.id, by: context.actor) }
            } catch let error as StoreError {
                return try await detail(context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.areas.path, notice: "Området \(area.name) är borttaget.", context: context)
        }
        routes.staff(SiteRoutes.areaRetire) { _, context in
            let area = try await area(context)
            try await changeAreas(context) { try await $0.retire(id: area.id, on: StockholmCalendar.local(TryggClock.now).dateText, by: context.actor) }
            let notice = "Området \(area.name) är avvecklat. Det som hör till det finns kvar; nya händelser och formulär hamnar inte längre där."
            return Response.seeOther(SiteRoutes.area.path(area.id), notice: notice, context: context)
        }
        routes.staff(SiteRoutes.areaReinstate) { _, context in
            let area = try await area(context)
            try await changeAreas(context) { try await $0.retire(id: area.id, on: nil, by: context.actor) }
            return Response.seeOther(SiteRoutes.area.path(area.id), notice: "Området \(area.name) används igen.", context: context)
        }
        routes.staff(SiteRoutes.areaAdd) { _, context in try await add(context: context) }
        routes.staff(SiteRoutes.areaImport) { _, context in try await importFile(context: context) }
    }

    /// A change to the kommun's areas, after which the copy the intake and the public pages keep
    /// (`ReferenceCache`) is dropped, so a new or retired area applies at once.
    @discardableResult
    private func changeAreas<T>(_ context: StaffContext, _ change: (AreaStore) async throws -> T) async throws -> T {
        defer { deps.referenceCache.forget(context.kommun) }
        return try await change(AreaStore(context.kommun))
    }

    private func area(_ context: StaffContext) async throws -> Area {
        guard let area = try await AreaStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Området finns inte.")
        }
        return area
    }

    private func detail(
        context: StaffContext, form: (name: String, deso: String, geojson: String)? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readReferenceData)
        let area = try await area(context)
        let categories = try await deps.referenceCache.lookups(for: context.kommun).categories
        let profile = try await AreaProfile.load(
            area: area, user: user, scope: context.kommun,
            categoryNames: Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        let isAdmin = user.role.allows(.administerKommun)
        let uses = isAdmin ? try await AreaStore(context.kommun).uses(of: area.id) : []
        let view = DetailView(
            name: area.name, map: AreaMapSVG.render([area], label: "Karta över \(area.name)"),
            desoCodes: area.desoCodes, source: area.source, polygonCount: area.shape?.polygons.count ?? 0,
            canEdit: isAdmin, saveAction: SiteRoutes.areaSave.path(area.id),
            formName: form?.name ?? area.name, formDeso: form?.deso ?? area.desoCodes.joined(separator: ", "),
            formGeojson: form?.geojson ?? "", kommunCode: user.kommun.code, profile: profile,
            uses: SwedishGrammar.list(uses), canDelete: isAdmin && uses.isEmpty, deleteAction: SiteRoutes.areaDelete.path(area.id),
            retiredOn: area.retiredOn, canRetire: isAdmin && !uses.isEmpty && !area.isRetired, retireAction: SiteRoutes.areaRetire.path(area.id),
            reinstateAction: SiteRoutes.areaReinstate.path(area.id))
        return deps.renderer.page(.areasDetail, title: area.name, context: context, content: view, error: error, status: status)
    }

    /// A new name, other DeSO codes or a new boundary; an empty GeoJSON field keeps the boundary.
    private func save(context: StaffContext) async throws -> Response {
        let user = try context.requireUser(allowedTo: .administerKommun)
        let area = try await area(context)
        let form = try context.decodeForm(AreaForm.self)
        let typed = (name: form.name, deso: form.deso, geojson: form.geojson)
        do {
            let shape = try Self.shape(geojson: form.geojson, name: form.name)
            let codes = try DesoCode.parseList(form.deso, kommunCode: user.kommun.code)
            let saved = try await changeAreas(context) { try await $0.update(id: area.id, name: form.name, shape: shape, desoCodes: codes, by: context.actor) }
            return Response.seeOther(SiteRoutes.area.path(area.id), notice: "Området \(saved.name) är sparat.", context: context)
        } catch let error as AreaFormError {
            return try await detail(context: context, form: typed, error: error.message, status: .badRequest)
        } catch let error as DesoCode.Problem {
            return try await detail(context: context, form: typed, error: error.description, status: .badRequest)
        } catch let error as StoreError {
            return try await detail(context: context, form: typed, error: error.description, status: .badRequest)
        }
    }

    struct AreaFormError: Error {
        let message: String
    }

    /// The boundary typed as GeoJSON, or nil when the field is empty.
    static func shape(geojson: String, name: String) throws -> AreaShape? {
        guard !geojson.isEmpty else { return nil }
        do { return try AreaGeoJSON.parseSingle(Data(geojson.utf8), name: name.isEmpty ? "Område" : name).shape } catch {
            throw AreaFormError(message: "GeoJSON kunde inte läsas: " + error.messages.joined(separator: " "))
        }
    }

    /// A whole file from the kommun's GIS or SCB's DeSO→RegSO table, as `trygg import areas`
    /// reads it: a kommun's admin should not need the server's command line to get its districts.
    private func importFile(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .administerKommun)
        do {
            let file = try context.uploadedFile(choose: "Välj en GeoJSON-fil eller SCB:s tabell DeSO→RegSO.")
            let areas = try AreaFile.read(file.data, kommun: context.user.kommun)
            let result = try await changeAreas(context) { try await $0.importFile(areas, source: file.filename, by: context.actor) }
            return Response.seeOther(
                SiteRoutes.areas.path, notice: (areas.readSentences + result.sentences).joined(separator: " "), context: context)
        } catch let refused as UploadRefused {
            return try await list(context: context, error: refused.message, status: .badRequest)
        } catch let failure as ImportFailure {
            return try await list(context: context, error: failure.description, status: .badRequest)
        }
    }

    private func add(context: StaffContext) async throws -> Response {
        let user = try context.requireUser(allowedTo: .administerKommun)
        let form = try context.decodeForm(AreaForm.self)
        let (name, geojson, deso) = (form.name, form.geojson, form.deso)
        func failure(_ message: String) async throws -> Response {
            try await list(context: context, form: (name, geojson, deso), error: message, status: .badRequest)
        }
        let shape: AreaShape?
        do { shape = try Self.shape(geojson: geojson, name: name) } catch let error as AreaFormError {
            return try await failure(error.message)
        }
        var codes: [String] = []
        do { codes = try DesoCode.parseList(deso, kommunCode: user.kommun.code) } catch {
            return try await failure(error.description)
        }
        do {
            let area = try await changeAreas(context) {
                try await $0.add(name: name, shape: shape, desoCodes: codes, source: "webbformulär", by: context.actor)
            }
            return Response.seeOther(SiteRoutes.areas.path, notice: "Området \(area.name) är tillagt.", context: context)
        } catch let error as StoreError {
            return try await failure(error.description)
        }
    }

    private func list(
        context: StaffContext, form: (String, String, String) = ("", "", ""), notice: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readReferenceData)
        let areas = try await AreaStore(context.kommun).all()
        func row(_ area: Area) -> Row {
            Row(
                id: area.id.uuidString, href: SiteRoutes.area.path(area.id), name: area.name, desoCodes: area.desoCodes.joined(separator: ", "),
                hasShape: area.shape != nil, source: area.source, retired: area.retiredOn.map { "Avvecklat \($0)" } ?? "")
        }
        // The map shows the areas in use: a retired district under its successors would hide them.
        let current = areas.current
        let retiredRows = areas.filter(\.isRetired).map(row)
        let view = ListView(
            rows: current.map(row), retiredRows: retiredRows, hasRetired: !retiredRows.isEmpty,
            map: AreaMapSVG.render(current, label: "Karta över \(user.kommun.name)s områden"),
            mapJSON: deps.configuration.map.leafletAvailable && current.contains { $0.shape != nil }
                ? try InteractiveMapData(areas: current, settings: deps.configuration.map).scriptJSON() : nil,
            canEdit: user.role.allows(.administerKommun), name: form.0, geojson: form.1, deso: form.2,
            kommunCode: user.kommun.code)
        return deps.renderer.page(
            .areas, title: "Områden", context: context, content: view,
            notice: notice, error: error, status: status)
    }
}

/// A new area: a name and its shape as GeoJSON, DeSO codes, or both.
struct AreaForm: Decodable {
    @FormText var name: String
    @FormText var geojson: String
    @FormText var deso: String
}
