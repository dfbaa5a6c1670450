import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// One search over what a user works with ("where was that decision about the lighting?"): the
/// plan's measures, the decided lägesbild's prioritised problems, EST insatser and the year's
/// events, forums and their decisions, medborgarlöften, trygghetsvandringar, surveys, users (for
/// the admin), areas and residents' tips, each part only for the roles that may open it, and
/// decisions only from forums the user sits in. LOS objects are not read: every read of one is
/// audited, and a search would read them all; those who may open them get a link to the register.
struct SearchRoutes {
    let deps: AppDependencies

    /// The most hits a group lists; the rest are counted.
    static let hitsPerGroup = 15
    /// Fewer characters find everything: the page asks for more instead.
    static let shortestQuery = 2

    struct Hit {
        let title: String
        let href: String
        let detail: String
    }

    struct Group {
        let heading: String
        let id: String
        let hits: [Hit]
        let more: String?
        /// All that matched, the listed and the counted.
        let total: Int
        /// Where all of them are listed, when a page does (the EST events).
        var allHref: String? = nil
    }

    struct View {
        let query: String
        let groups: [Group]
        let hasGroups: Bool
        let summary: String?
        /// The LOS object register with the same words, for those who may open it: the search
        /// does not read the objects itself, as each read of company data is audited.
        let objectRegisterHref: String?
        let action = SiteRoutes.search.path
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.search) { request, context in
            let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(100))
            var groups: [Group] = []
            var summary: String?
            if query.count >= Self.shortestQuery {
                groups = try await Self.groups(matching: query, context: context)
                let total = groups.reduce(0) { $0 + $1.total }
                summary =
                    total == 0
                    ? "Inget matchar ”\(query)”."
                    : "\(SwedishGrammar.count(total, "träff", "träffar")) i \(SwedishGrammar.count(groups.count, "grupp", "grupper"))."
            } else if !query.isEmpty {
                summary = "Skriv minst \(Self.shortestQuery) tecken."
            }
            var mayOpenObjects = false
            if query.count >= Self.shortestQuery { mayOpenObjects = try await InspectionStore(context.kommun).access().maySee(context.user) }
            let view = View(
                query: query, groups: groups, hasGroups: !groups.isEmpty, summary: summary,
                objectRegisterHref: mayOpenObjects ? SiteRoutes.inspectedObjects.path(query: [("q", query)]) : nil)
            return deps.renderer.page(.search, title: query.isEmpty ? "Sök" : "Sök: \(query)", context: context, content: view)
        }
    }

    /// Whether any of the texts holds the query, in any case.
    static func matches(_ query: String, _ texts: String...) -> Bool {
        matches(query, texts)
    }

    static func matches(_ query: String, _ texts: [String]) -> Bool {
        texts.contains { $0.range(of: query, options: .caseInsensitive) != nil }
    }

    /// A group of at most `hitsPerGroup` hits with the rest counted, or nil without any.
    static func group(_ heading: String, _ id: String, _ hits: [Hit]) -> Group? {
        guard !hits.isEmpty else { return nil }
        let more = hits.count > hitsPerGroup ? "och \(hits.count - hitsPerGroup) till" : nil
        return Group(heading: heading, id: id, hits: Array(hits.prefix(hitsPerGroup)), more: more, total: hits.count)
    }

    static func groups(matching query: String, context: StaffContext) async throws -> [Group] {
        let role = context.user.role
        let scope = context.kommun
        var groups: [Group?] = []
        if role.allows(.readPlan), let plan = try await PlanStore(scope).plans().first {
            let measures = try await PlanStore(scope).measures(planID: plan.id, filter: MeasureFilter(text: query))
            groups.append(
                group(
                    "Åtgärder i åtgärdsplanen \(plan.year)", "sok-atgarder",
                    measures.map {
                        Hit(
                            title: "\($0.reference) \($0.row.measure)", href: SiteRoutes.measure.path($0.id), detail: $0.row.responsible.joined(separator: ", ")
                        )
                    }))
        }
        if role.allows(.readCrimeStatistics), let lagesbild = try await LagesbildStore(scope).find(version: nil) {
            groups.append(
                group(
                    "Prioriterade problem i lägesbilden (version \(lagesbild.version))", "sok-problem",
                    lagesbild.problems.filter { matches(query, $0.title, $0.area) }.map {
                        Hit(title: $0.title, href: SiteRoutes.lagesbildDocument.path(lagesbild.id), detail: $0.area)
                    }))
        }
        if role.allows(.readAllIncidents) {
            let insatser = try await InsatsStore(scope).all().filter { matches(query, $0.what, $0.place) }
            groups.append(
                group(
                    "EST-insatser", "sok-insatser",
                    insatser.sorted { $0.decidedWeek > $1.decidedWeek }.map {
                        Hit(
                            title: $0.what, href: SiteRoutes.insats.path($0.id),
                            detail: ($0.status == .decided ? "Beslutad " : "\($0.status.displayName), beslutad ") + $0.decidedWeek.swedishName
                                + ($0.place.isEmpty ? "" : ", \($0.place)"))
                    }))
            groups.append(try await events(matching: query, scope: scope))
        }
        if role.allows(.takePartInForums) {
            groups += try await samverkan(matching: query, context: context)
        }
        if role.allows(.readSurveys) {
            let surveys = try await SurveyStore(scope).all().map(\.survey).filter { matches(query, $0.title, $0.purpose, $0.code) }
            groups.append(
                group(
                    "Enkäter", "sok-enkater",
                    surveys.map { Hit(title: $0.title, href: SiteRoutes.survey.path($0.id), detail: "\($0.code), \($0.opensOn) – \($0.closesOn)") }))
        }
        if role.allows(.administerKommun) {
            let users = try await UserStore(scope).accounts().filter { matches(query, $0.name, $0.email) }
            groups.append(
                group(
                    "Användare", "sok-anvandare",
                    users.map {
                        Hit(
                            title: $0.name, href: SiteRoutes.user.path($0.id),
                            detail: "\($0.email), \($0.role.displayName), \($0.organisation.abbreviation)\($0.disabled ? ", avstängd" : "")")
                    }))
        }
        if role.allows(.readReferenceData) {
            let areas = try await AreaStore(scope).all().filter { matches(query, $0.name) }
            groups.append(group("Områden", "sok-omraden", areas.map { Hit(title: $0.choiceLabel, href: SiteRoutes.area.path($0.id), detail: "") }))
        }
        if role.allows(.moderateCitizenReports) {
            // Two years back: older tips have had their contact details erased and are rarely sought.
            let tips = try await CitizenStore(scope).list(filter: .init(from: TryggClock.now.addingTimeInterval(-730 * 86_400), limit: 5_000))
                .filter { matches(query, $0.description, $0.place, $0.publicNumber.map { "nr \($0)" } ?? "") }
            groups.append(
                group(
                    "Medborgartips", "sok-tips",
                    tips.map {
                        Hit(
                            title: String($0.description.prefix(120)), href: SiteRoutes.citizenReport.path($0.id),
                            detail: "\($0.status.displayName), \(SwedishTime.date($0.submittedAt))\($0.place.isEmpty ? "" : ", \($0.place)")")
                    }))
        }
        return groups.compactMap { $0 }
    }

    /// The EST events of the last twelve months whose place or description holds the query,
    /// counted in the database (a kommun gathers hundreds of thousands), the latest listed and
    /// all of them on the event list, where the search can be widened to every date.
    private static func events(matching query: String, scope: KommunScope) async throws -> Group? {
        let from = SwedishTime.date(TryggClock.now.addingTimeInterval(-365 * 86_400))
        var filter = IncidentStore.Filter(from: SwedishTime.startOfDay(from), limit: hitsPerGroup)
        filter.text = query
        let store = IncidentStore(scope)
        let total = try await store.count(filter: filter)
        guard total > 0 else { return nil }
        let categories = Dictionary(uniqueKeysWithValues: try await CategoryStore(scope).all().map { ($0.id, $0.name) })
        let hits = try await store.list(filter: filter).map {
            Hit(
                title: $0.place.isEmpty ? String($0.description.prefix(120)) : $0.place, href: SiteRoutes.incident.path($0.id),
                detail: "\(SwedishTime.minute($0.occurredAt)), \(categories[$0.categoryID] ?? "")\($0.place.isEmpty ? "" : ": \($0.description.prefix(120))")")
        }
        return Group(
            heading: "EST-händelser sedan \(from)", id: "sok-handelser", hits: hits,
            more: total > hits.count ? "och \(total - hits.count) till" : nil, total: total,
            allHref: SiteRoutes.incidents.path(query: [("fran", from), ("q", query)]))
    }

    /// Forums the user sits in and their decisions, and the kommun's medborgarlöften and walks.
    private static func samverkan(matching query: String, context: StaffContext) async throws -> [Group?] {
        let scope = context.kommun
        let forums = try await ForumStore(scope).all().filter(ForumGate.access(context).sees)
        let forumNames = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
        let meetings = Dictionary(
            uniqueKeysWithValues: try await MeetingStore(scope).meetings(forumIDs: forums.map(\.id)).map { ($0.meeting.id, $0.meeting) })
        let decisions = try await DecisionStore(scope).decisions(meetingIDs: Array(meetings.keys)).filter { matches(query, $0.text, $0.statusNote) }
        let decisionHits = decisions.compactMap { decision -> (day: String, hit: Hit)? in
            guard let meeting = meetings[decision.meetingID] else { return nil }
            let hit = Hit(
                title: decision.text, href: SiteRoutes.meeting.path(meeting.id),
                detail: "§ \(decision.number), \(forumNames[meeting.forumID] ?? "") \(meeting.day), \(decision.status.displayName)")
            return (meeting.day, hit)
        }
        let promises = try await PromiseStore(scope).all().filter { matches(query, [$0.title, $0.problem] + $0.activities.map(\.text)) }
        // A walk is found by what was seen on it too ("belysning" in an observation).
        let observed = Set(try await WalkStore(scope).observations().filter { matches(query, $0.text, $0.cause) }.map(\.walkID))
        let walks = try await WalkStore(scope).all().filter { observed.contains($0.id) || matches(query, $0.title, $0.premeeting) }
            .sorted { $0.date > $1.date }
        return [
            group(
                "Forum", "sok-forum",
                forums.filter { matches(query, $0.name, $0.mandate) }.map {
                    Hit(title: $0.name, href: SiteRoutes.forum.path($0.id), detail: $0.kind.displayName)
                }),
            group("Beslut", "sok-beslut", decisionHits.sorted { $0.day > $1.day }.map(\.hit)),
            group(
                "Medborgarlöften", "sok-loften",
                promises.map { Hit(title: $0.title, href: SiteRoutes.promise.path($0.id), detail: "\($0.fromMonth) – \($0.toMonth)") }),
            group("Trygghetsvandringar", "sok-vandringar", walks.map { Hit(title: $0.title, href: SiteRoutes.walk.path($0.id), detail: $0.date) }),
        ]
    }
}
