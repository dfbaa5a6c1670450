import Foundation
import TryggCore
import TryggStore

/// What Trygg knows about one area, on the area's page: what an områdesgrupp looks at when it
/// meets — the police-reported crimes against the kommun, the EST events of the last year
/// against the year before, what is being done, who meets next, the residents' tips. Each part
/// only for those whose role may read its source, and only when there is something to show.
struct AreaProfile {
    struct CrimeYear {
        let year: String
        let count: String
        let rate: String
        let kommunRate: String
    }

    struct CategoryLine {
        let category: String
        let recent: Int
        /// "–" when the kommun's events do not reach back over the year before.
        let before: String
    }

    struct Link {
        let text: String
        let href: String
        let detail: String
    }

    /// The police's latest list of utsatta områden, as far as it touches this area.
    var policeYear = ""
    var policeListed: [String] = []
    var crimeYears: [CrimeYear] = []
    var crimeNote = ""
    var seesEvents = false
    var eventLines: [CategoryLine] = []
    var eventsRecent = ""
    /// The sentence on the 52 weeks before, or why there is none.
    var eventsBefore = ""
    var eventsHref = ""
    var insatser: [Link] = []
    var meetings: [Link] = []
    var promises: [Link] = []
    var walks: [Link] = []
    var seesTips = false
    var tipsYear = 0
    var tipsWaiting = 0

    // Stored, not computed: the templates read a value by reflection, which sees no computed property.
    var hasCrimes = false
    var hasPoliceList = false
    var hasPoliceListed = false
    var hasEventLines = false
    var hasInsatser = false
    var hasMeetings = false
    var hasPromises = false
    var hasWalks = false
    var hasSamverkan = false

    /// The years of police-reported crime shown: the last five the extracts cover.
    static let crimeYearsShown = 5

    static func load(area: Area, user: UserAccount, scope: KommunScope, categoryNames: [UUID: String]) async throws -> AreaProfile {
        var profile = AreaProfile()
        let role = user.role
        let now = TryggClock.now
        if role.allows(.readCrimeStatistics), !area.desoCodes.isEmpty {
            try await profile.addCrimes(area: area, scope: scope, hideSmall: !role.allows(.editLagesbild))
        }
        if role.allows(.readCrimeStatistics), area.shape != nil {
            try await profile.addPoliceList(area: area, scope: scope)
        }
        if role.allows(.readAllIncidents) {
            try await profile.addEvents(area: area, scope: scope, categoryNames: categoryNames, now: now)
            profile.insatser = try await InsatsStore(scope).all()
                .filter { $0.areaID == area.id && ($0.status == .decided || $0.status == .ongoing) }
                .map { insats in
                    let late = !insats.dueOn.isEmpty && insats.dueOn < SwedishTime.date(now) ? ", slutdatum passerat" : ""
                    return Link(
                        text: insats.what, href: SiteRoutes.insats.path(insats.id),
                        detail: "\(insats.status.displayName), \(insats.startsOn) – \(insats.dueOn)\(late)")
                }
        }
        if role.allows(.takePartInForums) {
            let access = ForumAccess(user: user)
            try await profile.addSamverkan(area: area, access: access, scope: scope, now: now)
        }
        if role.allows(.moderateCitizenReports) {
            profile.seesTips = true
            let year = try await CitizenStore(scope).list(filter: .init(from: now.addingTimeInterval(-365 * 86_400), limit: 5_000))
                .filter { $0.areaID == area.id }
            profile.tipsYear = year.count
            profile.tipsWaiting = year.filter { $0.status == .received }.count
        }
        profile.hasCrimes = !profile.crimeYears.isEmpty
        profile.hasPoliceList = !profile.policeYear.isEmpty
        profile.hasPoliceListed = !profile.policeListed.isEmpty
        profile.hasEventLines = !profile.eventLines.isEmpty
        profile.hasInsatser = !profile.insatser.isEmpty
        profile.hasMeetings = !profile.meetings.isEmpty
        profile.hasPromises = !profile.promises.isEmpty
        profile.hasWalks = !profile.walks.isEmpty
        profile.hasSamverkan = profile.hasMeetings || profile.hasPromises || profile.hasWalks
        return profile
    }

    /// All crimes together per year, the area's count and rate beside the kommun's rate. Counts
    /// of 1–4 are hidden from those who only read the kartläggning (partners, förvaltningar), as
    /// on the kartläggning's own page.
    private mutating func addCrimes(area: Area, scope: KommunScope, hideSmall: Bool) async throws {
        let store = CrimeStore(scope)
        let trend = try await store.trend(basis: .brott, code: nil, hideSmall: hideSmall, coverage: try await store.coverage())
        guard let series = trend.series.first(where: { $0.area == area.name }), let kommun = trend.series.last else { return }
        let shown = trend.years.indices.suffix(Self.crimeYearsShown)
        crimeYears = shown.reversed().map { index in
            let year = trend.years[index]
            return CrimeYear(
                year: trend.partialYears.contains(year) ? "\(year) (del av året)" : String(year),
                count: series.counts[index].map(SwedishNumber.integer) ?? "–",
                rate: series.rates[index].map { SwedishNumber.decimal($0) } ?? "–",
                kommunRate: kommun.rates[index].map { SwedishNumber.decimal($0) } ?? "–")
        }
        crimeNote =
            (trend.smallCountsHidden ? "Antal 1–4 visas inte (”–”). " : "")
            + (trend.poorlyPlacedYears.isEmpty
                ? ""
                : "År \(trend.poorlyPlacedYears.map(String.init).joined(separator: ", ")) saknar många brott DeSO: områdets siffror är för låga för att jämföras.")
    }

    /// The utsatta områden of the police's latest list whose polygon overlaps the area's.
    private mutating func addPoliceList(area: Area, scope: KommunScope) async throws {
        let store = PoliceAreaStore(scope.database)
        guard let year = try await store.years().max() else { return }
        policeYear = String(year)
        policeListed = try await store.list(year: year).filter { PoliceAreaRoutes.overlap(area.shape, $0.shape) }
            .map { "\($0.name) (\($0.ort)): \($0.category.lowercased())" }
    }

    /// The last 52 weeks against the 52 before, per category, most frequent first. The year
    /// before is compared only when the kommun's events reach back over it: a kommun that began
    /// reporting this year would otherwise read as a rise from nothing.
    private mutating func addEvents(area: Area, scope: KommunScope, categoryNames: [UUID: String], now: Date) async throws {
        seesEvents = true
        let thisWeek = ISOWeek.containing(now)
        let first = thisWeek.adding(-103)
        let store = IncidentStore(scope)
        let counts = try await store.weekCounts(weeks: first...thisWeek, areaID: area.id)
        let covered = Self.comparesYearBefore(earliestWeek: try await store.earliestWeek(), yearBeforeStarts: first)
        let split = thisWeek.adding(-51).key
        var recent: [UUID: Int] = [:]
        var before: [UUID: Int] = [:]
        for count in counts {
            if count.week >= split { recent[count.categoryID, default: 0] += count.count } else { before[count.categoryID, default: 0] += count.count }
        }
        eventsRecent = SwedishNumber.integer(recent.values.reduce(0, +))
        eventsBefore =
            covered
            ? "\(SwedishNumber.integer(before.values.reduce(0, +))) de 52 veckorna dessförinnan"
            : "inga jämförbara siffror för året innan (kommunens rapportering i EST började senare)"
        eventLines = Set(recent.keys).union(covered ? Set(before.keys) : [])
            .map { CategoryLine(category: categoryNames[$0] ?? "", recent: recent[$0] ?? 0, before: covered ? String(before[$0] ?? 0) : "–") }
            .sorted { ($0.recent, $1.category) > ($1.recent, $0.category) }
        eventsHref = SiteRoutes.incidents.path(query: [("omrade", area.id.uuidString)])
    }

    /// Whether the kommun's events (its earliest week's key, nil without any) reach back over the
    /// year before. They may begin up to four weeks into it: a quiet first month does not make
    /// the year incomparable.
    static func comparesYearBefore(earliestWeek: Int?, yearBeforeStarts first: ISOWeek) -> Bool {
        guard let earliestWeek else { return false }
        return earliestWeek <= first.adding(4).key
    }

    /// The forums of the area the user sits in (others' meetings answer 404) and their next
    /// meetings, its medborgarlöften and its walks.
    private mutating func addSamverkan(area: Area, access: ForumAccess, scope: KommunScope, now: Date) async throws {
        let forums = try await ForumStore(scope).all().filter { $0.areaID == area.id && access.sees($0) }
        let names = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
        meetings = try await MeetingStore(scope).meetings(forumIDs: forums.map(\.id), from: now, to: now.addingTimeInterval(62 * 86_400))
            .prefix(3).map {
                Link(text: names[$0.meeting.forumID] ?? "", href: SiteRoutes.meeting.path($0.meeting.id), detail: SwedishTime.minute($0.meeting.startsAt))
            }
        promises = try await PromiseStore(scope).all().filter { $0.areaID == area.id }.map {
            Link(text: $0.title, href: SiteRoutes.promise.path($0.id), detail: "\($0.fromMonth) – \($0.toMonth)")
        }
        walks = try await WalkStore(scope).all().filter { $0.areaID == area.id }.sorted { $0.date > $1.date }.prefix(5).map {
            Link(text: $0.title, href: SiteRoutes.walk.path($0.id), detail: $0.date)
        }
    }
}
