import Foundation
import TryggCore
import TryggReports

/// The lägesbild as templates see it: plain strings and numbers, built from a `WeekReport`.
struct WeekView {
    struct AreaRow {
        let area: String
        let total: Int
        let previous: Int
        let average: String
        let change: String
        let categories: String
        let isWhole: Bool
    }

    struct HotRow {
        let name: String
        let area: String
        let count: Int
        let recurring: Bool
        let earlier: Int
        let categories: String
        let latitude: String
        let longitude: String
    }

    struct ProfileRow {
        let day: String
        let cells: [ProfileCell]
        let total: Int
    }

    struct ProfileCell {
        let count: Int
        let level: Int
    }

    struct EventRow {
        let id: String
        let when: String
        let area: String
        let category: String
        let place: String
        let description: String
        let organisation: String
        let source: String
        let href: String

        /// An event with its ids replaced by the names people know.
        init(_ event: Incident, areas: [Area], categories: [IncidentCategory], organisations: [Organisation]) {
            id = event.id.uuidString
            href = SiteRoutes.incident.path(event.id)
            when = SwedishTime.minute(event.occurredAt)
            area = event.areaID.flatMap { id in areas.first { $0.id == id }?.name } ?? WeekSummary.restOfKommun
            category =
                (categories.first { $0.id == event.categoryID }?.name ?? "Okänd kategori")
                + (event.subcategory.isEmpty ? "" : " – \(event.subcategory)")
            place = event.place
            description = event.description
            organisation = event.organisationID.flatMap { id in organisations.first { $0.id == id }?.abbreviation } ?? ""
            source = event.source.displayName
        }
    }

    struct InsatsRow {
        let id: String
        let kind: String
        let what: String
        let place: String
        let responsible: String
        let period: String
        let presence: String
        let status: String
        let decidedWeek: String
        let isOpen: Bool
        let href: String
        /// This week's follow-up of the insats, from the week page, and its form's values: the
        /// status it starts from and the note, as a refused follow-up sent them.
        let followUpAction: String
        var followUpStatuses: [SelectOption] = []
        var followUpNote = ""

        /// `linked`: whether the reader may open the insats page (the EST group and analysts; a
        /// partner reading the week got a 403 from the link).
        init(_ insats: Insats, organisations: [Organisation], week: ISOWeek? = nil, linked: Bool = true) {
            id = insats.id.uuidString
            href = linked ? SiteRoutes.insats.path(insats.id) : ""
            followUpAction = SiteRoutes.weekInsatsFollowUp.path(week ?? insats.decidedWeek, insats.id)
            kind = insats.kind.displayName
            what = insats.what
            place = insats.place
            responsible = organisations.first { $0.id == insats.organisationID }?.shortLabel ?? ""
            period = "\(insats.startsOn) – \(insats.dueOn)"
            presence = [insats.presenceDays, insats.presenceTimes].filter { !$0.isEmpty }.joined(separator: ", ")
            status = insats.status.displayName
            decidedWeek = insats.decidedWeek.swedishName
            isOpen = insats.status.isOpen
        }
    }

    struct PlaceRow {
        let id: String
        let name: String
        let note: String
        let removeAction: String
    }

    /// The week's addresses, from the route table.
    struct Paths {
        let page: String
        let withoutCitizen: String
        let report: String
        let reportDocx: String
        let reportJSON: String
        let assess: String
        let publish: String
        let placeAdd: String
        let insatsAdd: String

        init(_ week: ISOWeek) {
            page = SiteRoutes.week.path(week)
            withoutCitizen = SiteRoutes.week.path(week, query: [("medborgare", "dolj")])
            report = SiteRoutes.weekReport.path(week)
            reportDocx = SiteRoutes.weekReportDocx.path(week)
            reportJSON = SiteRoutes.weekReportJSON.path(week)
            assess = SiteRoutes.weekAssess.path(week)
            publish = SiteRoutes.weekPublish.path(week)
            placeAdd = SiteRoutes.weekPlaceAdd.path(week)
            insatsAdd = SiteRoutes.weekInsatsAdd.path(week)
        }
    }

    let week: String
    let paths: Paths
    let title: String
    let period: String
    let kommun: String
    let highlights: [String]
    let areas: [AreaRow]
    let hotPlaces: [HotRow]
    let hours: [Int]
    let profile: [ProfileRow]
    let map: String
    let events: [EventRow]
    let eventCount: Int
    let listTruncated: Bool
    let listLimit: Int
    let assessment: String
    let published: Bool
    let publishedText: String
    let priorityPlaces: [PlaceRow]
    var insatser: [InsatsRow]
    let includesCitizen: Bool
    let walkObservations: [String]
    let hasWalkObservations: Bool
    let gatherings: [GatheringRow]
    let hasGatherings: Bool
    let gatheringsHref = SiteRoutes.gatherings.path

    /// A public gathering the police decided on, in the week or the two after it.
    struct GatheringRow {
        let date: String
        let place: String
        let outcome: String
        let decision: String
        /// The police's text when it says more than the outcome ("Avslag Växjö, Bifall Koppargården").
        let detail: String?

        init(_ gathering: Gathering) {
            date = SwedishTime.weekdayDate(gathering.plannedOn)
            place = gathering.place
            outcome = gathering.outcome.label
            decision = gathering.decision
            detail = gathering.decision.lowercased() == gathering.outcome.label.lowercased() ? nil : gathering.decision
        }
    }

    init(_ report: WeekReport, linksInsatser: Bool = true) {
        week = report.week.swedishName
        paths = Paths(report.week)
        title = report.title
        period = report.period
        kommun = report.kommun.name
        highlights = report.highlights
        areas = report.summaries.enumerated().map { index, summary in
            let change = summary.changeFromPreviousWeek
            return AreaRow(
                area: summary.area, total: summary.total, previous: summary.previousWeekTotal,
                average: Self.decimal(summary.fourWeekAverage),
                change: SwedishNumber.signed(change) + (summary.percentAgainstAverage.map { " (\(SwedishNumber.signed($0))\u{00A0}% mot snittet)" } ?? ""),
                categories: summary.categories.map { "\($0.name) \($0.count)" }.joined(separator: ", "),
                isWhole: index == report.summaries.count - 1)
        }
        hotPlaces = report.hotPlaces.map { line in
            HotRow(
                name: line.place.name.isEmpty ? "Namnlös plats" : line.place.name, area: line.area, count: line.place.count,
                recurring: line.place.isRecurring, earlier: line.place.earlierCount, categories: line.categories,
                latitude: SwedishNumber.decimal(line.place.centre.latitude, places: 5),
                longitude: SwedishNumber.decimal(line.place.centre.longitude, places: 5))
        }
        hours = Array(0...23)
        let maximum = max(report.profile.maximum, 1)
        profile = report.profile.cells.enumerated().map { day, counts in
            ProfileRow(
                day: WeekdayHourProfile.weekdayNames[day].capitalized,
                cells: counts.map { ProfileCell(count: $0, level: $0 == 0 ? 0 : 1 + min(3, $0 * 4 / (maximum + 1))) },
                total: counts.reduce(0, +))
        }
        let dots =
            report.mapPoints.map { AreaMapSVG.Dot(point: $0.point, title: report.categoryName($0.categoryID)) }
            + report.hotPlaces.map { AreaMapSVG.Dot(point: $0.place.centre, title: "Het plats: \($0.place.name) (\($0.place.count))", kind: "hot", radius: 12) }
            + report.priorityPlaces.compactMap { place in
                place.point.map { AreaMapSVG.Dot(point: $0, title: "Prioriterad: \(place.name)", kind: "priority", radius: 8) }
            }
            + report.gatherings.compactMap { gathering in
                gathering.point.map { AreaMapSVG.Dot(point: $0, title: gathering.mapTitle, kind: "gathering", radius: 8) }
            }
        map = AreaMapSVG.render(report.areas, dots: dots, label: "Karta över veckans händelser") ?? ""
        events = report.events.map { EventRow($0, areas: report.areas, categories: report.categories, organisations: report.organisations) }
        eventCount = report.eventCount
        listTruncated = report.eventCount > report.events.count
        listLimit = report.events.count
        assessment = report.estWeek.assessment
        published = report.estWeek.isPublished
        publishedText =
            report.estWeek.publishedAt.map { "Publicerad \(SwedishTime.minute($0)) \(Actor.byline(report.publisher))." }
            ?? "Inte publicerad: bara EST-gruppen och analytiker ser lägesbilden."
        priorityPlaces = report.priorityPlaces.map {
            PlaceRow(
                id: $0.id.uuidString, name: $0.name, note: $0.note, removeAction: SiteRoutes.weekPlaceRemove.path(report.week, $0.id))
        }
        insatser = report.insatser.map { InsatsRow($0, organisations: report.organisations, week: report.week, linked: linksInsatser) }
        includesCitizen = report.includesCitizenReports
        walkObservations = report.walkObservations
        hasWalkObservations = !report.walkObservations.isEmpty
        gatherings = report.gatherings.map(GatheringRow.init)
        hasGatherings = !report.gatherings.isEmpty
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }
}

extension WeekReport {
    /// A self-contained HTML file (styles inline) for `trygg report week --format html`.
    public func standaloneHTML(renderer: Renderer) throws -> String {
        let css = StaticFiles.text("trygg.css") + "\n" + StaticFiles.text("report.css")
        return renderer.render(.reportWeek, ["page": WeekView(self), "inlineStyle": css])
    }

    /// The weekly report as a Word document: the same sections as the page, without the forms.
    public func docx() throws -> Data {
        let view = WeekView(self)
        var doc = DocxDocument(title: title)
        doc.paragraph(kommun.name, style: "Subtitle")
        doc.paragraph(title, style: "Title")
        doc.paragraph(period + (estWeek.isPublished ? "" : " · utkast, ej publicerad"), style: "Subtitle")
        doc.heading("Sammanfattning", level: 1)
        for line in highlights { doc.paragraph(line) }
        doc.table(
            header: ["Område", "Händelser", "Föregående vecka", "Snitt 4 veckor", "Kategorier"],
            rows: view.areas.map { [$0.area, "\($0.total)", "\($0.previous)", $0.average, $0.categories] }, widths: [2, 1, 1, 1, 4])
        doc.heading("EST-gruppens bedömning", level: 1)
        doc.paragraph(estWeek.assessment.isEmpty ? "Ingen bedömning är skriven för veckan." : estWeek.assessment)
        if !priorityPlaces.isEmpty {
            doc.heading("Prioriterade platser", level: 2)
            doc.table(header: ["Plats", "Anteckning"], rows: priorityPlaces.map { [$0.name, $0.note] }, widths: [2, 4])
        }
        if !view.gatherings.isEmpty {
            doc.heading("Allmänna sammankomster", level: 2)
            doc.table(
                header: ["Dag", "Plats", "Polisens beslut"], rows: view.gatherings.map { [$0.date, $0.place, $0.detail ?? $0.outcome] },
                widths: [2, 3, 3])
        }
        doc.heading("Heta platser", level: 1)
        if hotPlaces.isEmpty {
            doc.paragraph("Inga platser med tre eller fler händelser inom 100 meter.")
        } else {
            doc.table(
                header: ["Plats", "Område", "Händelser", "De fyra veckorna före", "Kategorier"],
                rows: view.hotPlaces.map { [$0.name, $0.area, "\($0.count)", "\($0.earlier)", $0.categories] }, widths: [2, 2, 1, 1, 3])
        }
        doc.heading("Insatser", level: 1)
        if insatser.isEmpty {
            doc.paragraph("Inga beslutade eller pågående insatser.")
        } else {
            doc.table(
                header: ["Insats", "Plats", "Ansvarig", "Period", "Status"],
                rows: view.insatser.map {
                    [
                        "\($0.kind): \($0.what)" + ($0.presence.isEmpty ? "" : " (\($0.presence))"), $0.place,
                        $0.responsible, $0.period, $0.status,
                    ]
                }, widths: [4, 2, 1, 2, 1])
        }
        doc.heading("När på veckan", level: 1)
        doc.table(
            header: ["Dag", "00–06", "06–12", "12–18", "18–24", "Totalt"],
            rows: view.profile.map { row in
                [row.day] + stride(from: 0, to: 24, by: 6).map { start in "\(row.cells[start..<(start + 6)].map(\.count).reduce(0, +))" } + ["\(row.total)"]
            }, widths: [2, 1, 1, 1, 1, 1])
        doc.heading("Händelser", level: 1)
        if view.listTruncated { doc.paragraph("De \(view.listLimit) senaste av \(view.eventCount) händelser.") }
        doc.table(
            header: ["Tid", "Område", "Kategori", "Plats", "Beskrivning"],
            rows: view.events.map { [$0.when, $0.area, $0.category, $0.place, $0.description] }, widths: [2, 2, 2, 2, 4])
        return try doc.data()
    }
}

extension Gathering {
    /// How a gathering is named on the week's maps: "Allmän sammankomst fredag 2026-12-11:
    /// Bergas centrum (bifall)".
    var mapTitle: String {
        "Allmän sammankomst \(SwedishTime.weekdayDate(plannedOn)): \(place) (\(outcome.label.lowercased()))"
    }
}
