import Foundation
import Testing
@testable import TryggCore

@Suite("Veckor och klockslag i svensk tid")
struct WeekCalendarTests {
    func utc(_ text: String) -> Date { try! IncidentTime.parse(text).get() }

    @Test("2024-12-30 hör till 2025-W01, 2021-01-03 till 2020-W53")
    func yearBoundaries() {
        #expect(ISOWeek.containing(utc("2024-12-30 10:00")).description == "2025-W01")
        #expect(ISOWeek.containing(utc("2021-01-03 23:59")).description == "2020-W53")
        #expect(ISOWeek.containing(utc("2021-01-04 00:00")).description == "2021-W01")
        #expect(ISOWeek.weeksIn(2020) == 53 && ISOWeek.weeksIn(2024) == 52 && ISOWeek.weeksIn(2026) == 53)
        #expect(ISOWeek(parsing: "2024-W53") == nil)
        #expect(ISOWeek(parsing: "2020-W53")?.adding(1).description == "2021-W01")
    }

    @Test("Söndag 23:30 svensk tid är samma vecka fast det är måndag i UTC-termer tvärtom")
    func localMidnight() {
        // Monday 2024-03-25 00:30 Swedish time is Sunday 23:30 UTC: it belongs to week 13, not 12.
        let instant = utc("2024-03-24T23:30:00Z")
        #expect(ISOWeek.containing(instant).description == "2024-W13")
        #expect(StockholmCalendar.local(instant).weekday == 1 && StockholmCalendar.local(instant).hour == 0)
    }

    @Test("Veckan då sommartiden börjar har 167 timmar, när den slutar 169")
    func daylightSaving() throws {
        let spring = try #require(ISOWeek(parsing: "2024-W13"))
        #expect(spring.end.timeIntervalSince(spring.start) == 167 * 3600)
        let autumn = try #require(ISOWeek(parsing: "2024-W43"))
        #expect(autumn.end.timeIntervalSince(autumn.start) == 169 * 3600)
        #expect(IncidentTime.format(spring.start) == "2024-03-25T00:00:00+01:00")
        #expect(IncidentTime.format(spring.end) == "2024-04-01T00:00:00+02:00")
    }

    @Test("Klockslaget som hoppas över finns inte; det dubbla i oktober tolkas som sommartid")
    func skippedAndRepeatedHour() {
        #expect(IncidentTime.parse("2024-03-31 02:30") == .failure(.nonexistent))
        #expect(IncidentTime.parse("2024-03-31 03:00").map(IncidentTime.format) == .success("2024-03-31T03:00:00+02:00"))
        #expect(IncidentTime.parse("2024-10-27 02:30").map(IncidentTime.format) == .success("2024-10-27T02:30:00+02:00"))
        #expect(IncidentTime.parse("2024-02-30 12:00") == .failure(.invalidDate))
        #expect(IncidentTime.parse("igår kväll") == .failure(.format))
        #expect(IncidentTime.parse("2024-03-27T21:40:00+01:00") == IncidentTime.parse("2024-03-27 21:40"))
        #expect(IncidentTime.parse("2024-03-27T20:40Z") == IncidentTime.parse("2024-03-27 21:40"))
    }
}

@Suite("Personuppgiftsspärr")
struct PersonalDataGuardTests {
    @Test("Personnummer med rätt kontrollsiffra, telefonnummer och e-post hittas; datum och klockslag inte")
    func findings() {
        #expect(PersonalDataGuard.findings(in: "Pojke 121212-1212 sågs").map(\.kind) == [.identityNumber])
        #expect(PersonalDataGuard.findings(in: "samordningsnr 19701063-2391").map(\.kind) == [.identityNumber])
        #expect(PersonalDataGuard.findings(in: "ring 070-123 45 67").map(\.kind) == [.phoneNumber])
        #expect(PersonalDataGuard.findings(in: "mejla anna.svensson@example.se").map(\.kind) == [.email])
        #expect(PersonalDataGuard.findings(in: "121212-1213 är fel kontrollsiffra").isEmpty)
        #expect(PersonalDataGuard.findings(in: "Klotter på Skäggetorps centrum 2024-03-12 kl 21:40, 3 personer").isEmpty)
        #expect(PersonalDataGuard.message(for: "Glaskross vid busshållplatsen") == nil)
    }
}

@Suite("Händelser: kontroller och CSV")
struct IncidentRulesTests {
    let kommun = UUID()
    var categories: [IncidentCategory] {
        IncidentCategory.defaults.enumerated().map {
            IncidentCategory(
                id: UUID(), kommunID: kommun, code: $1.code, name: $1.name, subcategories: $1.subcategories,
                isPublic: $1.isPublic, position: $0)
        }
    }
    let now = try! IncidentTime.parse("2024-04-01 12:00").get()

    @Test("Okänd kategori, latitud 200, tid i framtiden, text med personnummer: alla fel på en gång")
    func badDraft() throws {
        let draft = IncidentDraft(
            category: "Ufo", occurredAt: "2030-01-01 10:00", latitude: "200", longitude: "15.6",
            description: "Personen 121212-1212 igen")
        guard case .failure(let failure) = IncidentRules.check(draft, categories: categories, now: now) else {
            Issue.record("borde avvisas")
            return
        }
        #expect(Set(failure.problems.map(\.field)) == ["kategori", "tidpunkt", "latitud", "beskrivning"])
    }

    @Test("Kategori anges med kod eller svenskt namn; punkt utanför Sverige avvisas")
    func categoryAndPlace() {
        let ok = IncidentDraft(
            category: "skadegörelse", subcategory: "Klotter", occurredAt: "2024-03-27 21:40", latitude: "58.4108",
            longitude: "15.5736", description: "Klotter på fasaden")
        #expect((try? IncidentRules.check(ok, categories: categories, now: now).get())?.category.code == "skadegorelse")
        var abroad = ok
        abroad.latitude = "48.85"
        abroad.longitude = "2.35"
        #expect((try? IncidentRules.check(abroad, categories: categories, now: now).get()) == nil)
        var huge = ok
        huge.description = String(repeating: "a", count: 10_000_000)
        #expect((try? IncidentRules.check(huge, categories: categories, now: now).get()) == nil)
    }

    @Test("CSV: saknad kolumn och trasig rad ger radnummer, inget godkänns")
    func csv() throws {
        let missing = try CSVReader.read(Data("occurred_at,category\n2024-03-27 21:40,Nedskräpning\n".utf8))
        #expect(throws: ImportFailure.self) { try IncidentCSV.rows(from: missing, categories: categories, areaNames: [], now: now) }
        let text = """
            occurred_at,category,latitude,longitude,area,description,reporter_organisation
            2024-03-27 21:40,Nedskräpning,58.41,15.57,,Skräp vid entrén,MOS
            2024-03-31 02:30,Nedskräpning,58.41,15.57,Narnia,Skräp,MOS
            """
        let table = try CSVReader.read(Data(text.utf8))
        do throws(ImportFailure) {
            _ = try IncidentCSV.rows(from: table, categories: categories, areaNames: ["Skäggetorp"], now: now)
            Issue.record("borde avvisas")
        } catch {
            #expect(error.problems.map(\.line) == [3, 3])
            #expect(Set(error.problems.compactMap(\.column)) == ["area", "occurred_at"])
        }
    }
}

@Suite("Trender per månad")
struct MonthTrendTests {
    @Test("Förändringen räknas bara över avslutade månader med uppgifter båda åren; innevarande månad jämförs inte och framtida visas inte")
    func baselineOnlyWhereBothYearsHaveData() {
        // Data from March last year; now is 15 May this year.
        let kommun = [202303: 40, 202304: 50, 202305: 45, 202401: 30, 202402: 35, 202403: 40, 202404: 60, 202405: 10]
        let trend = MonthTrend(keys: Array(202401...202412), currentMonth: 202405, kommunTotals: kommun)
        #expect(trend.comparable == [2, 3], "mars och april")
        let row = trend.row("Hela kommunen", counts: kommun)
        #expect(row.counts.prefix(5) == [30, 35, 40, 60, 10] && row.counts.dropFirst(5).allSatisfy { $0 == nil })
        #expect(row.total == 175 && row.comparedTotal == 100 && row.comparedPrevious == 90)
        #expect(abs((row.change ?? 0) - 100.0 / 90 + 1) < 1e-9)
        #expect(trend.basisText.contains("bara de 2 avslutade månader"))
        let empty = MonthTrend(keys: Array(202501...202504), currentMonth: 202506, kommunTotals: [202501: 5])
        #expect(empty.row("x", counts: [202501: 5]).change == nil && empty.basisText.hasPrefix("Ingen förändring visas"))
    }
}
