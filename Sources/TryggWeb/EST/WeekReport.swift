import Foundation
import TryggCore
import TryggStore

/// Everything the weekly lägesbild shows, loaded once and rendered as page, HTML report, DOCX
/// and JSON (`trygg report week`), so the four never disagree.
public struct WeekReport: Sendable {
    public struct HotPlaceLine: Sendable {
        public let place: HotPlace
        public let area: String
        public let categories: String
    }

    public let kommun: Kommun
    public let week: ISOWeek
    public let areas: [Area]
    public let categories: [IncidentCategory]
    public let organisations: [Organisation]
    public let summaries: [AreaWeekSummary]
    public let hotPlaces: [HotPlaceLine]
    public let profile: WeekdayHourProfile
    public let events: [Incident]
    public let eventCount: Int
    public let mapPoints: [EventPoint]
    public let estWeek: ESTWeek
    /// Who published the week, by name when she is a user of the kommun (the record keeps the
    /// e-mail address, as the audit log does).
    public let publisher: String
    public let priorityPlaces: [PriorityPlace]
    public let insatser: [Insats]
    public let includesCitizenReports: Bool
    /// What the trygghetsvandringar walked this week noticed ("Kvällsvandring Berga: Belysning – …").
    public let walkObservations: [String]
    /// The police's decisions on public gatherings in the week and the two after it: the group
    /// plans presence before a granted manifestation, not after it.
    public let gatherings: [Gathering]

    /// How many events the list shows; the counts always cover all of them.
    public static let listLimit = 300
    static let mapLimit = 3_000

    public static func load(kommun: Kommun, week: ISOWeek, database: TryggDatabase, includeCitizenReports: Bool = true) async throws -> WeekReport {
        let scope = KommunScope(database, kommunID: kommun.id)
        let incidents = IncidentStore(scope)
        let sources: [IncidentSource]? = includeCitizenReports ? nil : IncidentSource.allCases.filter { $0 != .citizen }
        let categories = try await CategoryStore(scope).all()
        let counts = try await incidents.weekCounts(weeks: week.adding(-4)...week, sources: sources)
        // A retired area stays in the week's tables and map only while events of these five weeks lie in it.
        let areas = try await AreaStore(scope).all().filter { area in !area.isRetired || counts.contains { $0.areaID == area.id } }
        let summaries = WeekSummary.summarise(week: week, counts: counts, areas: areas.map { ($0.id, $0.name) }, categories: categories)
        let weekPoints = try await incidents.points(from: week.start, until: week.end, sources: sources)
        var places = Array(HotPlaces.find(week: weekPoints, earlier: []).prefix(15))
        if !places.isEmpty {
            // Only the earlier events near this week's hot places can make them recurring.
            let earlier = try await incidents.positions(
                from: week.adding(-4).start, until: week.start, sources: sources,
                within: HotPlaces.boxes(around: places))
            places = HotPlaces.counting(earlier, around: places)
        }
        let names = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.name) })
        let hot = places.map { place in
            HotPlaceLine(
                place: place, area: areas.first { $0.shape?.contains(place.centre) ?? false }?.name ?? WeekSummary.restOfKommun,
                categories: place.categoryIDs.compactMap { names[$0] }.joined(separator: ", "))
        }
        let estWeek = try await ESTStore(scope).week(week)
        let publisher = estWeek.publishedBy.isEmpty ? "" : try await PeopleNames.load(scope).name(estWeek.publishedBy)
        var filter = IncidentStore.Filter(from: week.start, until: week.end, limit: listLimit)
        filter.sources = sources
        return WeekReport(
            kommun: kommun, week: week, areas: areas, categories: categories,
            organisations: try await OrganisationStore(scope).organisations(), summaries: summaries,
            hotPlaces: Array(hot), profile: try await incidents.weekdayHourProfile(week: week, sources: sources),
            events: try await incidents.list(filter: filter), eventCount: summaries.last?.total ?? 0,
            mapPoints: Array(weekPoints.prefix(mapLimit)), estWeek: estWeek, publisher: publisher,
            priorityPlaces: try await ESTStore(scope).priorityPlaces(week: week),
            insatser: try await InsatsStore(scope).forWeek(week), includesCitizenReports: includeCitizenReports,
            walkObservations: try await walkObservations(week: week, scope: scope),
            gatherings: try await GatheringStore(scope).planned(
                from: StockholmCalendar.local(week.start).dateText, to: StockholmCalendar.local(week.adding(2).end.addingTimeInterval(-1)).dateText))
    }

    /// The observations of the week's trygghetsvandringar: a source of the lägesbild beside the events.
    static func walkObservations(week: ISOWeek, scope: KommunScope) async throws -> [String] {
        let from = StockholmCalendar.local(week.start).dateText, to = StockholmCalendar.local(week.end.addingTimeInterval(-1)).dateText
        let walks = try await WalkStore(scope).all().filter { $0.date >= from && $0.date <= to }
        guard !walks.isEmpty else { return [] }
        let titles = Dictionary(uniqueKeysWithValues: walks.map { ($0.id, $0.title) })
        return try await WalkStore(scope).observations(walkIDs: walks.map(\.id)).map {
            "\(titles[$0.walkID] ?? ""): \($0.category.displayName) – \($0.text)"
        }
    }

    public var title: String { "Lägesbild \(week.swedishName)" }

    public var period: String {
        let last = week.end.addingTimeInterval(-3600)
        return "\(SwedishTime.longDate(week.start)) – \(SwedishTime.longDate(last))"
    }

    func categoryName(_ id: UUID) -> String { categories.first { $0.id == id }?.name ?? "Okänd kategori" }
    func organisationName(_ id: UUID?) -> String { id.flatMap { id in organisations.first { $0.id == id }?.abbreviation } ?? "" }

    /// One Swedish sentence per area whose week stands out against its four-week average.
    public var highlights: [String] {
        summaries.dropLast().compactMap { summary in
            guard summary.total > 0 || summary.fourWeekAverage > 0 else { return nil }
            let average = WeekView.decimal(summary.fourWeekAverage)
            var text =
                "\(summary.area): \(SwedishGrammar.count(summary.total, "händelse", "händelser")) (föregående vecka \(summary.previousWeekTotal), snitt fyra veckor \(average))"
            if let percent = summary.percentAgainstAverage, abs(percent) >= 50, summary.total >= 5 {
                text += percent > 0 ? ", en ökning med \(percent) % mot snittet." : ", en minskning med \(-percent) % mot snittet."
            } else {
                text += "."
            }
            return text
        }
    }

    /// The machine-readable form of `trygg report week --format json`.
    public var json: [String: Any] {
        [
            "kommun": kommun.slug,
            "week": week.description,
            "start": IncidentTime.format(week.start),
            "end": IncidentTime.format(week.end),
            "published": estWeek.isPublished,
            "assessment": estWeek.assessment,
            "areas": summaries.dropLast().map { summary -> [String: Any] in
                [
                    "area": summary.area,
                    "total": summary.total,
                    "categories": Dictionary(uniqueKeysWithValues: summary.categories.map { ($0.name, $0.count) }),
                    "previous_week_total": summary.previousWeekTotal,
                    "four_week_average": summary.fourWeekAverage,
                ]
            },
            "total": summaries.last?.total ?? 0,
            "hot_places": hotPlaces.map { line -> [String: Any] in
                [
                    "name": line.place.name, "area": line.area, "count": line.place.count, "recurring": line.place.isRecurring,
                    "latitude": line.place.centre.latitude, "longitude": line.place.centre.longitude,
                ]
            },
            "priority_places": priorityPlaces.map { ["name": $0.name, "note": $0.note] },
            "insatser": insatser.map { insats -> [String: Any] in
                [
                    "kind": insats.kind.rawValue, "what": insats.what, "place": insats.place, "status": insats.status.rawValue,
                    "responsible": organisationName(insats.organisationID), "decided_week": insats.decidedWeek.description,
                    "starts_on": insats.startsOn, "due_on": insats.dueOn,
                ]
            },
        ]
    }
}
