import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb
import TryggDemo

/// Walks every route the router knows, so a route added later is covered without anyone
/// remembering to write its tenancy test: a Norrköping admin (cookie and API token) calls each
/// one with Linköping's ids, and Linköping's data must neither show up nor change.
@Suite("Varje väg håller kommunerna åtskilda")
struct RouteInventoryTests {
    /// Markers that only Linköping's data contains.
    static let linkopingMarkers = [
        "Skäggetorp", "linkoping.demo", "Linköpings kommun", "0580C1610", "kamerabevakning", "KS 2023-638", "KS 2021-178", "Rydsvägen", "Bergaskolans",
        "Linköpingsmarkör",
    ]

    struct Snapshot: Equatable {
        var areas: [String]
        var organisations: [String]
        var users: [String]
        var auditCount: Int
        var sources: [String]
        var lagesbilder: [String]
        var surveys: [String]
        var samverkan: [String]
    }

    static func snapshot(_ harness: Harness, _ kommun: Kommun) async throws -> Snapshot {
        Snapshot(
            areas: try await AreaStore(harness.scope(kommun)).all().map { "\($0.name) \($0.desoCodes)" },
            organisations: try await OrganisationStore(harness.scope(kommun)).organisations().map {
                "\($0.abbreviation) \($0.name) \($0.kind)"
            },
            users: try await UserStore(harness.scope(kommun)).accounts().map { "\($0.email) \($0.disabled) \($0.role)" },
            auditCount: try await AuditLog.search(AuditQuery(limit: 1000), in: harness.scope(kommun)).count,
            sources: try await SourceStore(harness.scope(kommun)).all().map { "\($0.name) \($0.included) \($0.reason)" },
            lagesbilder: try await lagesbilder(harness, kommun), surveys: try await surveys(harness, kommun), samverkan: try await samverkan(harness, kommun))
    }

    static func samverkan(_ harness: Harness, _ kommun: Kommun) async throws -> [String] {
        let scope = harness.scope(kommun)
        let forums = try await ForumStore(scope).all()
        let meetings = try await MeetingStore(scope).meetings(forumIDs: forums.map(\.id))
        var lines = forums.map { "\($0)" } + meetings.map { "\($0.meeting) \(String(describing: $0.minutes))" }
        lines += try await DecisionStore(scope).decisions(meetingIDs: meetings.map(\.meeting.id)).map { "\($0)" }
        let walks = try await WalkStore(scope).all()
        lines += walks.map { "\($0)" } + (try await WalkStore(scope).observations()).map { "\($0)" }
        lines += try await WalkMeasureStore(scope).measures(walkIDs: walks.map(\.id)).map { "\($0)" }
        for promise in try await PromiseStore(scope).all() {
            lines.append("\(promise) \(try await PromiseStore(scope).followUps(promiseID: promise.id))")
        }
        // LOS, read without the audited object reads (they would change the audit count they are compared with).
        let inspections = try await InspectionStore(scope).inspections()
        lines += inspections.map { "\($0)" }
        lines += try await InspectionStore(scope).participantsByInspection(inspections.map(\.id)).map { "\($0.key) \($0.value.map(\.uuidString).sorted())" }
            .sorted()
        let access = try await InspectionStore(scope).access()
        lines.append("\(access.roles.map(\.rawValue).sorted()) \(access.participants.map(\.uuidString).sorted())")
        lines.append("\(try await InspectedObjectStore(scope).statistics(year: 2026))")
        lines += try await InfluenceStore(scope).all().map { "\($0)" } + (try await InfluenceStore(scope).scale())
        return lines
    }

    static func surveys(_ harness: Harness, _ kommun: Kommun) async throws -> [String] {
        let store = SurveyStore(harness.scope(kommun))
        var lines: [String] = []
        for summary in try await store.all() {
            let codes = try await store.codeCounts(summary.survey)
            lines.append("\(summary.survey) \(summary.responses) \(codes.total) \(codes.used)")
        }
        lines += try await SharingStore(harness.scope(kommun)).all().map { "\($0)" }
        return lines
    }

    static func lagesbilder(_ harness: Harness, _ kommun: Kommun) async throws -> [String] {
        let store = LagesbildStore(harness.scope(kommun))
        var lines: [String] = []
        for version in try await store.all() {
            let full = try #require(try await store.find(id: version.id))
            let text = full.text
            lines.append(
                "\(full.version) \(full.status) \(text.mapping) \(text.otherInformation) \(text.analysis) \(text.criminalInfluence) "
                    + "\(text.policeAssessment) \(text.figures.map(\.rawValue).sorted()) \(full.decision.map { "\($0)" } ?? "") \(full.problems)")
        }
        return lines
    }

    /// Calls every route once, with another kommun's ids where the path takes one.
    static func walk(
        _ routes: [RouteDescription], as browser: Browser, label: String,
        objectIDs: [String: String], bearer: HTTPFields
    ) async throws {
        for route in routes {
            var path = route.pattern
            var targetsAnObject = false
            if path.contains("{") {
                // The longest matching prefix: "/plan/atgard/" before "/plan/".
                guard let (prefix, id) = objectIDs.sorted(by: { $0.key.count > $1.key.count }).first(where: { path.hasPrefix($0.key) }) else {
                    Issue.record("Vägen \(path) har en parameter men ingen kontroll av kommungränsen i detta test")
                    continue
                }
                path = prefix + id + (path.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).dropFirst().first.map { "/" + $0 } ?? "")
                // A week is not an object of one kommun: the week page shows the caller's own kommun.
                // Public pages and Open311 name their kommun in the path or query, not the user's.
                targetsAnObject = ![
                    "/est/vecka/", "/k/", "/kalender/", "/login/aterstall/", "/open311/v2/services/", "/open311/v2/requests/", "/open311/v2/tokens/",
                    "/static/", "/vendor/leaflet/",
                ].contains(prefix)
                // A second parameter gets a Linköping object of its kind (an insats, a priority place, else a measure).
                if let open = path.range(of: "{"), let close = path.range(of: "}", range: open.upperBound..<path.endIndex) {
                    let kind = path[..<open.lowerBound].split(separator: "/").last.map(String.init) ?? ""
                    path.replaceSubrange(open.lowerBound..<close.upperBound, with: objectIDs["second:" + kind] ?? objectIDs["/plan/atgard/"]!)
                    targetsAnObject = true
                }
            }
            let response: TestResponse
            if route.method == .get {
                response = try await browser.get(path, headers: path.hasPrefix("/api/") ? bearer : [:])
            } else {
                // Plausible form fields, as an attacker would send them.
                response = try await browser.post(
                    path,
                    [
                        "name": "Kapad", "kind": "extern", "abbreviation": "KAP", "deso": "0580C1160",
                        "email": "kapad@example.se", "role": "admin", "organisation": objectIDs["/organisationer/"]!,
                        "password": "ett långt lösenord", "mal": "nasta-ar", "measure": "Kapad",
                        "section": "Målområde 1", "group_number": "1", "position": "1",
                        "group_title": "Kapad", "responsible": "KLF",
                    ])
            }
            if targetsAnObject {
                // 404 where the role may use the route, 403 where it may not: neither tells whether the object exists.
                let allowed = browser.roleMayUse(route)
                #expect(response.status == (allowed ? .notFound : .forbidden), "\(label) \(route.method) \(path)")
            }
            // Kommuner are public: a partner picker (ROS, joint surveys) may name Linköping, and nothing more of it.
            let text = response.text.replacingOccurrences(of: "<option value=\"linkoping\">Linköpings kommun</option>", with: "")
            for marker in linkopingMarkers {
                #expect(!text.contains(marker), "\(label) \(route.method) \(path) visar \(marker)")
            }
        }
    }

    @Test("Norrköpings admin och samordnare ser och ändrar inget av Linköpings data via någon väg")
    func everyRoute() async throws {
        try await Harness.run(followUp: true, est: true) { harness, client in
            let linkoping = try await harness.kommun("linkoping")
            let ids: [String: String] = [
                "/omraden/": try #require(try await AreaStore(harness.scope(linkoping)).all().first).id.uuidString,
                "/organisationer/": try #require(
                    try await OrganisationStore(harness.scope(linkoping)).organisation(abbreviation: "SF")
                ).id
                    .uuidString,
                "/admin/anvandare/": try #require(
                    try await UserStore(harness.scope(linkoping)).accounts().first { $0.role == .rapportor }
                ).id
                    .uuidString,
            ]
            let linkopingPlan = try #require(try await PlanStore(harness.scope(linkoping)).plan(year: 2023))
            let measures = try await PlanStore(harness.scope(linkoping)).measures(planID: linkopingPlan.id)
            let round = try #require(try await FollowUpStore(harness.scope(linkoping)).rounds().first)
            let objectIDs = ids.merging([
                "/plan/atgard/": try #require(measures.first).id.uuidString, "/plan/": "2023",
                "/uppfoljning/": round.id.uuidString,
                "/plan/styrdokument/": try #require(try await GoverningDocumentStore(harness.scope(linkoping)).all().first).id
                    .uuidString,
            ]) { a, _ in a }
            let weekWithPlace = ISOWeek.containing(TryggClock.now).adding(-DemoEvents.tunnelMeasureWeeksAgo - 1)
            let insats = try #require(try await InsatsStore(harness.scope(linkoping)).all().first)
            let place = try #require(try await ESTStore(harness.scope(linkoping)).priorityPlaces(week: weekWithPlace).first)
            let incident = try #require(try await IncidentStore(harness.scope(linkoping)).list(filter: .init(limit: 1)).first)
            let estIDs = [
                "/est/handelser/": incident.id.uuidString, "/api/v1/incidents/": incident.id.uuidString, "/est/insatser/": insats.id.uuidString,
                "/est/vecka/": weekWithPlace.description, "second:insatser": insats.id.uuidString, "second:platser": place.id.uuidString,
            ]
            // A Linköping tip with contact details, and an Open311 key.
            let tip = try await CitizenStore(harness.scope(linkoping)).submit(
                CheckedCitizenReport(
                    category: try #require(try await CategoryStore(harness.scope(linkoping)).all().first { $0.isPublic }),
                    point: nil, area: nil, place: "Linköpingsmarkör", description: "Linköpingsmarkör tunnel", timesOfDay: [],
                    weekdays: [], gender: nil, ageBand: nil, email: "markor@example.org", contactName: nil, mediaURL: ""), channel: .web, retentionDays: 30,
                by: .commandLine(kommunID: linkoping.id))
            _ = try await Open311KeyStore(harness.scope(linkoping)).create(
                label: "Linköpingsmarkör", by: .commandLine(kommunID: linkoping.id))
            let keyID = try #require(try await Open311KeyStore(harness.scope(linkoping)).all().first).id
            let citizenIDs = [
                "/medborgare/": tip.report.id.uuidString, "/admin/medborgare/nycklar/": keyID.uuidString, "/k/": "norrkoping",
                "second:arende": "okand-token", "/open311/v2/services/": "otrygg-plats.json",
                "/open311/v2/requests/": "1.json", "/open311/v2/tokens/": "\(tip.token).json", "/static/": "trygg.css",
                "/vendor/leaflet/": "leaflet.css",
            ]
            let source = try await SourceStore(harness.scope(linkoping)).save(
                SourceEntry(
                    id: UUID(), name: "Linköpingsmarkör källa", owner: "Polisen", period: "2024", method: "", limitations: "", included: false,
                    reason: "Linköpingsmarkör skäl"), id: nil, by: .commandLine(kommunID: linkoping.id))
            let lagesbild = LagesbildStore(harness.scope(linkoping))
            let draft = try await lagesbild.createDraft(periodFrom: "2024-01-01", periodTo: "2024-12-31", by: .commandLine(kommunID: linkoping.id))
            try await lagesbild.saveProblem(
                PrioritisedProblem(id: UUID(), title: "Linköpingsmarkör problem", area: "Skäggetorp", reasons: [.okar]), in: draft.id,
                by: .commandLine(kommunID: linkoping.id))
            let lagesbildIDs = ["/lagesbild/kallor/": source.id.uuidString, "/lagesbild/dokument/": draft.id.uuidString]
            let survey = try await SurveyStore(harness.scope(linkoping)).create(
                Survey(
                    id: UUID(), code: "linkopingsmarkor", title: "Linköpingsmarkör enkät", purpose: "", population: .boende, mode: "Webbenkät",
                    sampleSize: nil, opensOn: "2020-01-01", closesOn: "2099-12-31", questionnaire: QuestionBank.trygghet.versionKey,
                    questions: QuestionBank.trygghet.questions, areas: ["Skäggetorp", SurveyBackground.otherArea], requiresCode: false),
                by: .commandLine(kommunID: linkoping.id))
            // An agreement between Linköping and a third kommun: nothing Norrköping may see or end.
            let lund = try await KommunStore(harness.database).add(slug: "lund", name: "Lunds kommun", code: "1281", by: .commandLine())
            let agreement = try await SharingStore(harness.scope(linkoping)).offer(
                .survey, code: survey.code, to: lund, what: "Linköpingsmarkör delning", validFrom: "2020-01-01", decidedBy: "Linköpingsmarkör",
                by: .commandLine(kommunID: linkoping.id))
            let surveyIDs = ["/enkater/": survey.id.uuidString, "second:enkat": survey.code, "/enkater/avtal/": agreement.id.uuidString]
            let linkopingScope = harness.scope(linkoping)
            let forum = try #require(try await ForumStore(linkopingScope).all().first)
            let meetings = try await MeetingStore(linkopingScope).meetings()
            let decision = try #require(try await DecisionStore(linkopingScope).decisions(meetingIDs: meetings.map(\.meeting.id)).first)
            let walk = try #require(try await WalkStore(linkopingScope).all().first { $0.protocolPublishedAt != nil })
            let assessment = try await CriteriaStore(linkopingScope).save(
                CriteriaAssessment(
                    id: UUID(), title: "Linköpingsmarkör nätverk", description: "", assessedOn: "2026-01-01", assessedBy: "Linköpingsmarkör",
                    criteria: EUCriteria.all.map { .init(number: $0.number, met: false, evidence: "") }), id: nil, by: .commandLine(kommunID: linkoping.id))
            let observation = try #require(try await WalkStore(linkopingScope).observations(walkIDs: [walk.id]).first)
            let walkCause = try await WalkCauseStore(linkopingScope).add(
                walk: walk, observationIDs: try await WalkStore(linkopingScope).observations(walkIDs: [walk.id]).prefix(2).map(\.id),
                text: "Linköpingsmarkör orsak", by: .commandLine(kommunID: linkoping.id))
            // The feed's secret of a Linköping user: it is the credential, so it opens the feed whoever asks; a guessed one does not.
            let samverkanIDs = [
                "/samverkan/forum/": forum.id.uuidString, "/samverkan/moten/": try #require(meetings.first).meeting.id.uuidString,
                "/samverkan/beslut/": decision.id.uuidString, "/kalender/": RandomToken.make(), "/login/aterstall/": RandomToken.make(),
                "/samverkan/medborgarloften/": try #require(try await PromiseStore(linkopingScope).all().first).id.uuidString,
                "/samverkan/vandringar/": walk.id.uuidString, "/lagesbild/eu-kriterier/": assessment.id.uuidString, "second:vandringar": walk.id.uuidString,
                "second:observationer": observation.id.uuidString, "second:bilder": observation.id.uuidString, "second:orsaker": walkCause.id.uuidString,
                "second:atgarder": try #require(try await WalkMeasureStore(linkopingScope).measures(walkIDs: [walk.id]).first).id.uuidString,
            ]
            // A LOS insats with an object and a finding, and an ROS offer from Linköping to Lund.
            let losActor = Actor.commandLine(kommunID: linkoping.id)
            let police = try #require(try await OrganisationStore(linkopingScope).organisation(abbreviation: "Polisen")).id
            let losInspection = try await InspectionStore(linkopingScope).save(
                JointInspection(id: UUID(), kommunID: linkoping.id, title: "Linköpingsmarkör insats", date: "2026-02-03", status: .carriedOut, leadID: police),
                participants: [police], id: nil, by: losActor)
            let losVisit = try await InspectedObjectStore(linkopingScope).addVisit(
                inspection: losInspection, objectID: nil,
                new: InspectedObject(id: UUID(), name: "Linköpingsmarkör AB", orgNumber: "556036-0793", address: "Rydsvägen 1", point: nil, branch: .kiosk),
                by: losActor)
            try await InspectedObjectStore(linkopingScope).saveFinding(
                InspectionFinding(
                    id: UUID(), visitID: losVisit, organisationID: police, caseNumber: "", finding: "Linköpingsmarkör", decisions: [.init(.forbud)]),
                by: losActor)
            let losObject = try #require(try await InspectedObjectStore(linkopingScope).objects(by: losActor).first)
            let rosOffer = try await SharingStore(linkopingScope).offer(
                .ros, code: InspectionStore.rosCode, to: lund, what: "Linköpingsmarkör ROS", validFrom: "2020-01-01", decidedBy: "Linköpingsmarkör",
                by: losActor)
            let losIDs = [
                "/los/insatser/": losInspection.id.uuidString, "/los/objekt/": losObject.id.uuidString, "/los/ros/": rosOffer.id.uuidString,
                "second:besok": losVisit.uuidString,
            ]
            let allIDs = objectIDs.merging(estIDs) { a, _ in a }.merging(citizenIDs) { a, _ in a }.merging(lagesbildIDs) { a, _ in a }
                .merging(surveyIDs) { a, _ in a }.merging(samverkanIDs) { a, _ in a }.merging(losIDs) { a, _ in a }
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "samordnare@norrkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            let before = try await Self.snapshot(harness, linkoping)

            let router = try await buildRouter(configuration: harness.configuration, database: harness.database)
            // The router holds exactly the route table: a route registered some other way shows up here.
            let registered = Set(router.routes.map { "\($0.method) \($0.path.description)" })
            #expect(registered == Set(SiteRoutes.all.map(\.description)))
            #expect(SiteRoutes.all.count == Set(SiteRoutes.all).count, "ingen väg står två gånger i tabellen")
            // Logout last, so the session lives through the walk.
            let routes = SiteRoutes.all.sorted { ($0 == SiteRoutes.logout.route ? 1 : 0, $0.pattern) < ($1 == SiteRoutes.logout.route ? 1 : 0, $1.pattern) }
            #expect(routes.count >= 100)
            var bearer = HTTPFields()
            bearer[.authorization] = "Bearer \(token)"
            // The admin administers, the samordnare edits plans: between them every write route is open.
            for email in ["admin@norrkoping.demo", "samordnare@norrkoping.demo"] {
                let browser = Browser(client)
                try await browser.login(email)
                try await Self.walk(routes, as: browser, label: email, objectIDs: allIDs, bearer: bearer)
            }
            #expect(try await Self.snapshot(harness, linkoping) == before)
            #expect(try await PlanStore(harness.scope(linkoping)).plans().map(\.id) == [linkopingPlan.id])
            #expect(try await PlanStore(harness.scope(linkoping)).measures(planID: linkopingPlan.id) == measures)
            #expect(try await IncidentStore(harness.scope(linkoping)).find(id: incident.id) == incident)
            #expect(try await InsatsStore(harness.scope(linkoping)).find(id: insats.id) == insats)
            #expect(try await ESTStore(harness.scope(linkoping)).priorityPlaces(week: weekWithPlace) == [place])
            let tipAfter = try #require(try await CitizenStore(harness.scope(linkoping)).find(id: tip.report.id))
            #expect(
                tipAfter.status == .received && tipAfter.description == tip.report.description && tipAfter.answer.isEmpty
                    && tipAfter.email == "markor@example.org" && tipAfter.insatsID == nil)
            #expect(try await Open311KeyStore(harness.scope(linkoping)).all().allSatisfy { $0.revokedAt == nil })
            #expect(try await CriteriaStore(linkopingScope).find(id: assessment.id, by: .commandLine(kommunID: linkoping.id)) == assessment)
            #expect(try await CriteriaStore(linkopingScope).mandatory() == EUCriteria.programmeMandatory)
        }
    }
}

extension Browser {
    /// Whether the logged-in demo user's role opens a route, as the route table says.
    func roleMayUse(_ route: RouteDescription) -> Bool {
        guard let email = loggedInAs, let role = Role(rawValue: String(email.prefix { $0 != "@" })) else { return false }
        return route.isOpen(to: role)
    }
}
