import Foundation
import Testing
@testable import TryggCore

/// Our transcription of Linköping's Åtgärdsplan 2023 (KS 2023-638, seed 002), checked against
/// the document: counts per group, joined page-break rows, labels kept as printed.
@Suite("Åtgärdsplan 2023: transkriptionen")
struct PlanTranscriptionTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/TryggDemo/Resources/plans/linkoping-atgardsplan-2023.csv").standardized

    static func rows() throws -> [PlanRow] { try PlanCSV.parse(Data(contentsOf: file)) }

    static func measure(_ rows: [PlanRow], _ group: Int, _ position: Int) throws -> PlanRow {
        try #require(rows.first { $0.groupNumber == group && $0.position == position })
    }

    @Test("Alla 25 grupper med rätt antal åtgärder, 123 totalt")
    func countsPerGroup() throws {
        let rows = try Self.rows()
        let counts = Dictionary(grouping: rows, by: \.groupNumber).mapValues(\.count)
        let expected = [5, 2, 5, 2, 2, 9, 10, 6, 5, 1, 5, 5, 5, 10, 1, 2, 1, 11, 8, 1, 3, 6, 9, 6, 3]
        #expect((1...25).map { counts[$0] ?? 0 } == expected)
        #expect(rows.count == 123)
        #expect(Set(rows.map(\.year)) == [2023])
    }

    @Test("Avsnitt: grupp 1–4 hör till arbetssätten, 5–14 målområde 1, 15–19 målområde 2, 20–25 målområde 3")
    func sections() throws {
        let rows = try Self.rows()
        let byGroup = Dictionary(grouping: rows, by: \.groupNumber).mapValues { Set($0.map(\.section)) }
        #expect(byGroup[1] == [.kunskapsbaseradMetodik] && byGroup[2] == [.samverkan])
        #expect(byGroup[3] == [.innovativaLosningar] && byGroup[4] == [.transparens])
        #expect((5...14).allSatisfy { byGroup[$0] == [.malomrade1] })
        #expect((15...19).allSatisfy { byGroup[$0] == [.malomrade2] })
        #expect((20...25).allSatisfy { byGroup[$0] == [.malomrade3] })
    }

    @Test("Stickprov fält för fält mot dokumentet")
    func samples() throws {
        let rows = try Self.rows()
        let testarena = try Self.measure(rows, 3, 4)
        #expect(testarena.measure == "Testarena TrygghetsTeknik: - Testa nya teknologier under projekttiden 230301–240831")
        #expect(testarena.responsible == ["KLF (SÄK)"])
        #expect(testarena.partners == ["LK-data", "Digitaliserings- enheten m.fl."])
        #expect(testarena.funding == "Vinnova 2 Mkr, medfinansiärer i konsortiet")
        #expect(Funding(text: testarena.funding).amountKronor == 2_000_000)

        let bra = try Self.measure(rows, 7, 1)
        #expect(bra.responsible == ["KLF"] && bra.partners == ["SBU", "SMS"])
        #expect(Funding(text: bra.funding).amountKronor == 400_000)

        let est = try Self.measure(rows, 24, 1)
        #expect(est.measure == "Implementera ett systemstöd som möjliggör visualisering och analys av data.")
        #expect(est.subgroupLabel == "24.1" && est.subgroupTitle == "Systemstöd")
        #expect(est.responsible == ["KLF(SÄK)"] && est.partners == ["MOS"])

        let camera = try Self.measure(rows, 3, 2)
        #expect(camera.measure == "Utvärdera effekterna av installerad kamerabevakning" && camera.partners == ["Polisen"])

        let presence = try Self.measure(rows, 8, 2)
        #expect(presence.responsible == ["SF", "UTB", "KOF", "KLF", "Polisen", "MOS", "VOF"])
        #expect(presence.partners == ["Polisen", "RTÖG", "Ordningsvakter och kommunala väktare", "Idéburen sektor"])
    }

    @Test("Rader som en sidbrytning delade är en åtgärd")
    func pageBreakRowsJoined() throws {
        let rows = try Self.rows()
        let seminar = try Self.measure(rows, 6, 7)
        #expect(seminar.measure == "Berörda ska delta i heldagsseminarium gällande VBE med en bred målgrupp samt nyckelpersoner")
        #expect(seminar.funding == "BRÅ")
        let trust = try Self.measure(rows, 8, 3)
        #expect(
            trust.measure.hasSuffix(
                "hbtqia+ och marginaliserade gruppers lagstadgade rättigheter, samt vilket stöd som kan erhållas från exempelvis socialtjänst."))
        let witness = try Self.measure(rows, 18, 5)
        #expect(witness.measure == "Erbjuda vittnesstöd, stöd och rådgivning till brottsutsatta och deras anhöriga.")
        #expect(witness.partners == ["IOP Brottsofferjouren Linköping"])
        let plan = try Self.measure(rows, 20, 1)
        #expect(plan.measure.hasSuffix("låg socioekonomisk status och synkronisera detta med arbetet mot segregation"))
        #expect(!rows.contains { $0.measure.hasPrefix("med en bred målgrupp") || $0.measure.hasPrefix("deras anhöriga") })
    }

    @Test("Undergruppernas nummer står som i originalet, även de inkonsekventa")
    func subgroupLabelsAsPrinted() throws {
        let rows = try Self.rows()
        let labels = { (group: Int) -> [String] in
            rows.filter { $0.groupNumber == group }.map(\.subgroupLabel).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        }
        #expect(labels(6) == ["6.1", "6.2", "5.3", "5.4", "5.5"])
        #expect(labels(7) == ["", "6.1"])
        #expect(labels(12) == ["12.1", "11.2"])
        #expect(labels(14) == ["13.1", "14.1", "14.2", "14.3", "14.4", "14.5"])
        #expect(labels(18) == ["18.1", "18.2"])
    }

    @Test("Export och import ger exakt samma plan")
    func roundTrip() throws {
        let rows = try Self.rows()
        #expect(try PlanCSV.parse(Data(PlanCSV.csv(rows).utf8)) == rows)
    }
}

@Suite("Åtgärdsplan: felaktiga filer")
struct PlanCSVProblemTests {
    static let header = PlanCSV.columns.joined(separator: ",") + "\n"

    @Test("En saknad kolumn nämns vid namn och inget läses")
    func missingColumn() {
        let data = Data("year,section,group_number\n2023,Målområde 1,5\n".utf8)
        #expect {
            try PlanCSV.parse(data)
        } throws: { error in
            let problems = (error as? ImportFailure)?.problems ?? []
            return problems.count == 1 && problems[0].line == 1 && problems[0].message.hasPrefix("Kolumnerna target_area, group_title")
                && problems[0].message.contains("measure") && problems[0].message.contains("saknas")
        }
    }

    @Test("Fel år, okänt avsnitt, för lång text: rad och kolumn i varje meddelande")
    func rowProblems() {
        let long = String(repeating: "x", count: 100_000)
        let text =
            Self.header
            + "20x3,Målområde 1,,5,Styrdokument,,,1,Text,KLF,,\n"
            + "2023,Målområde 9,,5,Styrdokument,,,2,Text,KLF,,\n"
            + "2023,Målområde 1,,5,Styrdokument,,,3,\(long),KLF,,\n"
            + "2023,Målområde 1,,5,Styrdokument,,,4,Text,,,\n"
        #expect {
            try PlanCSV.parse(Data(text.utf8))
        } throws: { error in
            let problems = (error as? ImportFailure)?.problems ?? []
            return problems.contains { $0.line == 2 && $0.column == "year" }
                && problems.contains { $0.line == 3 && $0.column == "section" }
                && problems.contains { $0.line == 4 && $0.column == "measure" && $0.message.contains("100000 tecken") }
                && problems.contains { $0.line == 5 && $0.column == "responsible" }
        }
    }

    @Test("Samma position två gånger avvisas")
    func duplicatePosition() {
        let text = Self.header + "2023,Målområde 1,,5,Styrdokument,,,1,A,KLF,,\n2023,Målområde 1,,5,Styrdokument,,,1,B,SF,,\n"
        #expect(throws: ImportFailure([ImportProblem(line: 3, column: "position", message: "position 1 i grupp 5 finns redan på rad 2.")])) {
            try PlanCSV.parse(Data(text.utf8))
        }
    }

    @Test("Finansiering: belopp läses ur texten där det står")
    func funding() {
        #expect(Funding(text: "Stöd från Brå 400 000 kr").amountKronor == 400_000)
        #expect(Funding(text: "Vinnova 2 Mkr, medfinansiärer").amountKronor == 2_000_000)
        #expect(Funding(text: "1,5 mnkr").amountKronor == 1_500_000)
        #expect(Funding(text: "Medel från Socialstyrelsen").amountKronor == nil)
    }
}

@Suite("Ansvariga aktörer kopplas till organisationer")
struct ActorResolverTests {
    static let resolver = ActorResolver(
        organisations: (DefaultOrganisations.all + LinkopingGroups.all).map {
            ActorResolver.Known(abbreviation: $0.abbreviation, name: $0.name, kind: $0.kind)
        })

    @Test("Skrivsätten i planen tolkas till rätt organisationer")
    func spellings() {
        let r = Self.resolver
        #expect(r.resolve("KLF (SÄK)") == ["KLF (SÄK)"])
        #expect(r.resolve("KLF(SÄK)") == ["KLF (SÄK)"])
        #expect(r.resolve("SÄK(KLF)") == ["KLF (SÄK)"])
        #expect(r.resolve("KLF (SÄK, HR)") == ["KLF (SÄK)", "HR"])
        #expect(r.resolve("KLF (HR/SÄK)") == ["HR", "KLF (SÄK)"])
        #expect(r.resolve("KLF (HR, juridik, SÄK)") == ["KLF", "HR", "KLF (SÄK)"])
        #expect(r.resolve("KLF (HBE)") == ["HBE"])
        #expect(r.resolve("VSS (LK-data)") == ["VSS"])
        #expect(r.resolve("SF (regionskoordinator)") == ["SF"])
        #expect(r.resolve("Säkerhets-samordnare") == ["SÄKSAM"])
        #expect(r.resolve("polisen") == ["Polisen"])
        #expect(r.resolve("Socialförvaltningen") == ["SF"])
        #expect(r.resolve("Novahuset").isEmpty)
        #expect(Set(r.resolve("Samtliga förvaltningar")) == Set(DefaultOrganisations.all.filter { $0.kind == .forvaltning }.map(\.abbreviation)))
    }

    @Test("Varje ansvarig i Linköpings plan 2023 motsvaras av minst en organisation")
    func everyResponsibleActorResolves() throws {
        let rows = try PlanTranscriptionTests.rows()
        let unresolved = Set(rows.flatMap(\.responsible).filter { Self.resolver.resolve($0).isEmpty })
        #expect(unresolved.isEmpty, "\(unresolved.sorted())")
    }
}
