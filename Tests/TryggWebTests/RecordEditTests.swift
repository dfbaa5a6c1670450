import Foundation
import Hummingbird
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// Two people with the same record form open (a measure, a forum, a promise, a walk): different
/// fields both keep their change, the same field is refused with what is stored now beside the
/// form, and nothing is overwritten unseen.
@Suite("Samtidiga ändringar i formulär")
struct RecordEditTests {
    @Test("Två ändrar samma åtgärd: olika fält sparas båda, samma fält stoppas med det sparade framme")
    func measure() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            _ = try await first.post("/plan/2023/kopiera?version=1", ["mal": "ny-version"])
            let draft = try #require(try await PlanStore(scope).plan(year: 2023))
            let measure = try #require(try await PlanStore(scope).measures(planID: draft.id).first { $0.reference == "3.2" })
            let path = "/plan/atgard/\(measure.id)"
            let stored = Self.fields(MeasureForm(shown: measure))

            // Both open the measure; one sets the funding, the other rewrites the text.
            let hers = try await first.get(path).text, his = try await second.get(path).text
            _ = try await first.submit(path, Self.form(stored, page: hers, ["funding": "Stöd från Brå 400 000 kr"]))
            let merged = try await second.submit(path, Self.form(stored, page: his, ["measure": "Utvärdera kamerorna i City"]))
            #expect(merged.text.contains("Åtgärden är sparad. Medan du hade formuläret öppet ändrade någon annan ”Finansiering”; den ändringen står kvar."))
            let both = try #require(try await PlanStore(scope).measure(id: measure.id)).measure.row
            #expect(both.funding == "Stöd från Brå 400 000 kr" && both.measure == "Utvärdera kamerorna i City", "båda ändringarna står kvar")

            // He, still on his old page, changes the funding too: refused, his value kept, hers shown.
            let clash = try await second.post(path, Self.form(stored, page: his, ["funding": "Egen budget"]))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("Någon annan har ändrat samma uppgifter medan du hade formuläret öppet"))
            #expect(clash.text.contains(#"value="Egen budget""#), "hans värde står kvar i formuläret")
            #expect(clash.text.contains("Sparat av någon annan medan du hade formuläret öppet"))
            #expect(clash.text.contains("<dt>Finansiering</dt><dd class=\"prewrap\">Stöd från Brå 400 000 kr</dd>"))
            #expect(try await PlanStore(scope).measure(id: measure.id)?.measure.row.funding == "Stöd från Brå 400 000 kr", "inget skrevs över")
            // Having seen hers, he saves from the page he got back: now it is his, and her text change stays.
            let again = try await second.submit(
                path,
                Self.form(Self.fields(MeasureForm(shown: measure)), page: clash.text, ["funding": "Egen budget", "measure": "Utvärdera kamerorna i City"]))
            #expect(again.text.contains("Åtgärden är sparad"))
            #expect(try await PlanStore(scope).measure(id: measure.id)?.measure.row.funding == "Egen budget")
        }
    }

    @Test("Två ändrar samma forum: medlemmar och mandat sparas båda, samma mandat stoppas och formuläret står öppet")
    func forum() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let forum = try #require(try await ForumStore(scope).all().first { $0.kind == .samverkansrad })
            let joining = try #require(
                try await OrganisationStore(scope).organisations().first { organisation in
                    organisation.retiredOn == nil && !forum.members.contains { $0.organisationID == organisation.id }
                })
            let path = "/samverkan/forum/\(forum.id)"
            let stored = ForumForm(shown: forum)

            let hers = try await first.get(path).text, his = try await second.get(path).text
            var mandate = stored
            mandate.mandate = "Rådet beslutar om gemensamma insatser."
            _ = try await first.submit(path, pairs: Self.forumPairs(mandate, page: hers))
            var members = stored
            members.organisations.append(joining.id.uuidString)
            let merged = try await second.submit(path, pairs: Self.forumPairs(members, page: his))
            #expect(merged.text.contains("Forumet är sparat. Medan du hade formuläret öppet ändrade någon annan ”Vad forumet beslutar”"))
            let both = try #require(try await ForumStore(scope).find(id: forum.id))
            #expect(both.mandate == "Rådet beslutar om gemensamma insatser." && both.members.contains { $0.organisationID == joining.id })

            var clashing = stored
            clashing.mandate = "Rådet samråder."
            let clash = try await second.post(path, pairs: Self.forumPairs(clashing, page: his))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("<details open>"), "formuläret står öppet")
            #expect(clash.text.contains(">Rådet samråder.</textarea>"))
            #expect(clash.text.contains("<dt>Vad forumet beslutar</dt><dd class=\"prewrap\">Rådet beslutar om gemensamma insatser.</dd>"))
            #expect(try await ForumStore(scope).find(id: forum.id)?.mandate == "Rådet beslutar om gemensamma insatser.", "inget skrevs över")
        }
    }

    @Test("Två ändrar samma medborgarlöfte: rubrik och indikatorer sparas båda, samma aktiviteter stoppas")
    func promise() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let promise = try #require(try await PromiseStore(scope).all().first)
            let path = "/samverkan/medborgarloften/\(promise.id)"
            let stored = PromiseForm(shown: promise)

            let hers = try await first.get(path).text, his = try await second.get(path).text
            var titled = stored
            titled.title = "Tryggare kvällar i Skäggetorp"
            _ = try await first.submit(path, pairs: Self.promisePairs(titled, page: hers))
            var measured = stored
            measured.indicators = "Andel otrygga kvinnor\nAnmälda rån"
            let merged = try await second.submit(path, pairs: Self.promisePairs(measured, page: his))
            #expect(merged.text.contains("Medborgarlöftet är sparat"))
            let both = try #require(try await PromiseStore(scope).find(id: promise.id))
            #expect(both.title == "Tryggare kvällar i Skäggetorp" && both.indicators == ["Andel otrygga kvinnor", "Anmälda rån"])

            var herActivities = titled
            herActivities.activities[0] = "Polisen promenerar varje fredag"
            _ = try await first.submit(path, pairs: Self.promisePairs(herActivities, page: try await first.get(path).text))
            var hisActivities = measured
            hisActivities.activities[0] = "Fältare på torget varje lördag"
            let clash = try await second.post(path, pairs: Self.promisePairs(hisActivities, page: merged.text))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains(#"value="Fältare på torget varje lördag""#), "hans aktivitet står kvar")
            #expect(clash.text.contains("<dt>Aktiviteter</dt><dd class=\"prewrap\">Polisen promenerar varje fredag ("))
            #expect(try await PromiseStore(scope).find(id: promise.id)?.activities.first?.text == "Polisen promenerar varje fredag")
        }
    }

    @Test("Två ändrar samma trygghetsvandring: rubrik och grupper sparas båda, samma förmöte stoppas")
    func walk() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let walk = try #require(try await WalkStore(scope).all().first)
            let path = "/samverkan/vandringar/\(walk.id)"
            let stored = WalkForm(shown: walk)

            let hers = try await first.get(path).text, his = try await second.get(path).text
            var titled = stored
            titled.title = "Kvällsvandring runt torget"
            _ = try await first.submit(path, pairs: Self.walkPairs(titled, page: hers))
            var grouped = stored
            grouped.groups = ["unga", "fastighetsagare"]
            let merged = try await second.submit(path, pairs: Self.walkPairs(grouped, page: his))
            #expect(merged.text.contains("Vandringen är sparad"))
            let both = try #require(try await WalkStore(scope).find(id: walk.id))
            #expect(both.title == "Kvällsvandring runt torget" && Set(both.groups.map(\.rawValue)) == ["unga", "fastighetsagare"])

            var herMeeting = titled
            herMeeting.premeeting = "Förmöte i Skäggetorps bibliotek kl. 18."
            _ = try await first.submit(path, pairs: Self.walkPairs(herMeeting, page: try await first.get(path).text))
            var hisMeeting = grouped
            hisMeeting.premeeting = "Förmöte på fritidsgården."
            let clash = try await second.post(path, pairs: Self.walkPairs(hisMeeting, page: merged.text))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains(">Förmöte på fritidsgården.</textarea>"))
            #expect(clash.text.contains("<dt>Förmöte</dt><dd class=\"prewrap\">Förmöte i Skäggetorps bibliotek kl. 18.</dd>"))
            #expect(try await WalkStore(scope).find(id: walk.id)?.premeeting == "Förmöte i Skäggetorps bibliotek kl. 18.")
        }
    }

    @Test("Två ändrar samma LOS-insats: rubrik och deltagare sparas båda, samma upplägg stoppas och formuläret står öppet")
    func inspection() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let store = InspectionStore(scope)
            let police = try await InspectionWebTests.organisation("Polisen", scope), tax = try await InspectionWebTests.organisation("Skatteverket", scope)
            _ = try await first.submit(
                "/los", pairs: InspectionWebTests.plan(title: "Kontroll av kiosker", date: "2026-03-10", lead: police, participants: [police, tax]))
            let inspection = try #require(try await store.inspections().first)
            let participants = try await store.participants(inspectionID: inspection.id)
            #expect(participants.count > 1)
            let path = "/los/insatser/\(inspection.id)"
            let stored = InspectionForm(shown: inspection, participants: participants)

            let hers = try await first.get(path).text, his = try await second.get(path).text
            var titled = stored
            titled.title = "Kontroll av kiosker vid resecentrum"
            _ = try await first.submit(path, pairs: Self.inspectionPairs(titled, page: hers))
            var fewer = stored
            let leaving = fewer.participants.removeLast()
            let merged = try await second.submit(path, pairs: Self.inspectionPairs(fewer, page: his))
            #expect(merged.text.contains("Insatsen är sparad"))
            #expect(try await store.find(id: inspection.id)?.title == "Kontroll av kiosker vid resecentrum")
            #expect(try await !store.participants(inspectionID: inspection.id).contains(#require(UUID(uuidString: leaving))))

            var herNote = titled
            herNote.note = "Fokus på tobak och svarta löner."
            _ = try await first.submit(path, pairs: Self.inspectionPairs(herNote, page: try await first.get(path).text))
            var hisNote = fewer
            hisNote.note = "Fokus på alkohol."
            let clash = try await second.post(path, pairs: Self.inspectionPairs(hisNote, page: merged.text))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("<details open>") && clash.text.contains(">Fokus på alkohol.</textarea>"))
            #expect(clash.text.contains("<dt>Inriktning och upplägg</dt><dd class=\"prewrap\">Fokus på tobak och svarta löner.</dd>"))
            #expect(try await store.find(id: inspection.id)?.note == "Fokus på tobak och svarta löner.")
        }
    }

    @Test("Rapportören och samordnaren rättar samma händelse: olika fält sparas båda, samma beskrivning stoppas")
    func incident() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let reporter = Browser(client), lead = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            try await lead.login("samordnare@linkoping.demo")
            _ = try await reporter.submit("/est/rapportera", ESTReportingTests.goodReport)
            let event = try #require(try await IncidentStore(scope).list(filter: .init()).first { $0.description == "Nytt klotter på fasaden vid torget" })
            let path = "/est/handelser/\(event.id)"
            let theirs = try await reporter.get(path).text, mine = try await lead.get(path).text
            let fields = ESTReportingTests.goodReport.merging(["omrade": "Skäggetorp"]) { $1 }
            func form(_ page: String, _ changes: [String: String]) -> [String: String] {
                fields.merging(changes) { $1 }.merging(["sett": ConcurrentEditTests.hidden("sett", in: page)]) { $1 }
            }

            _ = try await reporter.submit(path, form(theirs, ["beskrivning": "Klotter på fasaden och på bänken vid torget"]))
            let merged = try await lead.submit(path, form(mine, ["platsnamn": "Skäggetorps torg"]))
            #expect(merged.text.contains("Ändringen är sparad"))
            let both = try #require(try await IncidentStore(scope).find(id: event.id))
            #expect(both.description == "Klotter på fasaden och på bänken vid torget" && both.place == "Skäggetorps torg")

            let clash = try await lead.post(path, form(mine, ["beskrivning": "Klotter vid torget, sanerat"]))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains(">Klotter vid torget, sanerat</textarea>"))
            #expect(clash.text.contains("<dt>Beskrivning</dt><dd class=\"prewrap\">Klotter på fasaden och på bänken vid torget</dd>"))
            #expect(try await IncidentStore(scope).find(id: event.id)?.description == "Klotter på fasaden och på bänken vid torget")
        }
    }

    @Test("Två ändrar samma möte: plats och dagordning sparas båda, samma dagordning stoppas och inställt står kvar")
    func meeting() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let forum = try #require(try await ForumStore(scope).all().first)
            let planned = try await first.post(
                "/samverkan/forum/\(forum.id)/moten",
                ["datum": "2026-03-10", "fran": "13:00", "till": "14:00", "plats": "Stadshuset", "dagordning": "1. Öppnande"])
            let path = try #require(planned.location)
            let stored = ["datum": "2026-03-10", "fran": "13:00", "till": "14:00", "plats": "Stadshuset", "dagordning": "1. Öppnande"]

            let hers = try await first.get(path).text, his = try await second.get(path).text
            _ = try await first.submit(path, Self.form(stored, page: hers, ["plats": "Ryds bibliotek"]))
            let merged = try await second.submit(path, Self.form(stored, page: his, ["dagordning": "1. Öppnande\n2. Lägesbild"]))
            #expect(merged.text.contains("Mötet är sparat"))
            #expect(merged.text.contains("Ryds bibliotek") && merged.text.contains("2. Lägesbild"), "båda ändringarna står kvar")

            let clash = try await second.post(path, Self.form(stored, page: his, ["dagordning": "1. Öppnande\n2. Beslut", "installt": "ja"]))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("<details open>") && clash.text.contains(#"name="installt" value="ja" checked"#), "hans kryss står kvar")
            #expect(clash.text.contains("<dt>Dagordning</dt><dd class=\"prewrap\">1. Öppnande\n2. Lägesbild</dd>"))
        }
    }

    @Test("Samordnaren och polisen bedömer samma nätverk: olika kriterier sparas båda, samma underlag stoppas")
    func criteria() async throws {
        try await Harness.run { _, client in
            let samordnare = Browser(client), police = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            try await police.login("polisen@linkoping.demo")
            let created = try await samordnare.post("/lagesbild/eu-kriterier", pairs: CriteriaWebTests.fields(met: [1, 2, 3, 4, 7, 11]))
            let path = try #require(created.location)
            func form(_ page: String, met: [Int], evidence: [Int: String]) -> [(String, String)] {
                CriteriaWebTests.fields(met: met, evidence: evidence) + [("sett", ConcurrentEditTests.hidden("sett", in: page))]
            }

            let hers = try await samordnare.get(path).text, his = try await police.get(path).text
            _ = try await samordnare.submit(path, pairs: form(hers, met: [1, 2, 3, 4, 7, 11], evidence: [3: "Brottsstatistik 2025"]))
            let merged = try await police.submit(path, pairs: form(his, met: [1, 2, 3, 4, 5, 7, 11], evidence: [5: "Våld i konflikter om området"]))
            #expect(merged.text.contains("Bedömningen är sparad"))
            #expect(merged.text.contains("Brottsstatistik 2025") && merged.text.contains("Våld i konflikter om området"), "båda ändringarna står kvar")
            #expect(merged.text.contains("7 av 11 kriterier"))

            let clash = try await police.post(path, pairs: form(his, met: [1, 2, 3, 4, 7, 11], evidence: [3: "Polisens lägesbild"]))
            #expect(clash.status == .conflict && clash.text.contains("<details class=\"card\" open>"))
            #expect(clash.text.contains(">Polisens lägesbild</textarea>"))
            #expect(clash.text.contains("<dt>Underlag för kriterium 3</dt><dd class=\"prewrap\">Brottsstatistik 2025</dd>"))
        }
    }

    static func inspectionPairs(_ form: InspectionForm, page: String) -> [(String, String)] {
        let fields: [(String, String)] = [
            ("rubrik", form.title), ("datum", form.date), ("status", form.status), ("leds_av", form.lead), ("omrade", form.area), ("beskrivning", form.note),
        ]
        return fields + form.participants.map { ("deltagare[]", $0) } + [("sett", ConcurrentEditTests.hidden("sett", in: page))]
    }

    static func walkPairs(_ form: WalkForm, page: String) -> [(String, String)] {
        let fields: [(String, String)] = [
            ("rubrik", form.title), ("omrade", form.area), ("datum", form.date), ("tid", form.time), ("ljus", form.light),
            ("rutt", form.route), ("formote", form.premeeting), ("foljer_upp", form.followsUp),
        ]
        return fields + form.groups.map { ("grupper[]", $0) } + [("sett", ConcurrentEditTests.hidden("sett", in: page))]
    }

    static func promisePairs(_ form: PromiseForm, page: String) -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("rubrik", form.title), ("omrade", form.area), ("fran", form.from), ("till", form.to), ("uppfoljning", form.cadence),
            ("problem", form.problem), ("lagesbildsproblem", form.lagesbildProblem), ("indikatorer", form.indicators),
        ]
        for (text, responsible) in zip(form.activities, form.responsible) { pairs += [("aktivitet[]", text), ("ansvarig[]", responsible)] }
        return pairs + [("sett", ConcurrentEditTests.hidden("sett", in: page))]
    }

    /// The forum form as `page` showed it, with the boxes of `form` ticked.
    static func forumPairs(_ form: ForumForm, page: String) -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("namn", form.name), ("typ", form.kind), ("omrade", form.area), ("sammankallande", form.convener), ("mandat", form.mandate),
        ]
        for (name, values) in [("anvandare[]", form.users), ("sekreterare[]", form.secretaries), ("organisationer[]", form.organisations)] {
            pairs += values.map { (name, $0) }
        }
        return pairs + [("sett", ConcurrentEditTests.hidden("sett", in: page))]
    }

    /// Every field of a record form by its name.
    static func fields<Form: EditedRecordForm>(_ form: Form) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Form.editedFields.map { ($0.name, form[keyPath: $0.path]) })
    }

    /// The form as `page` showed it (its `sett`), with `changes` typed over `stored`.
    static func form(_ stored: [String: String], page: String, _ changes: [String: String]) -> [String: String] {
        stored.merging(changes) { $1 }.merging(["sett": ConcurrentEditTests.hidden("sett", in: page)]) { $1 }
    }
}
