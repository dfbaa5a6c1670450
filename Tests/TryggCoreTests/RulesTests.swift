import Testing
@testable import TryggCore

@Suite("Regler: kommuner, DeSO, lösenord, roller")
struct RulesTests {
    @Test("Kortform och kommunkod kontrolleras med svenska felmeddelanden")
    func kommunIdentity() throws {
        try KommunIdentity.validate(slug: "linkoping", name: "Linköpings kommun", code: "0580")
        #expect(throws: KommunIdentity.Problem.invalidSlug("Linköping")) {
            try KommunIdentity.validate(slug: "Linköping", name: "x", code: "0580")
        }
        #expect(throws: KommunIdentity.Problem.invalidCode("580")) { try KommunIdentity.validate(slug: "linkoping", name: "x", code: "580") }
        #expect(throws: KommunIdentity.Problem.emptyName) { try KommunIdentity.validate(slug: "linkoping", name: " ", code: "0580") }
    }

    @Test("DeSO-koder: rätt form och rätt kommun, dubbletter tas bort")
    func desoCodes() throws {
        #expect(try DesoCode.parseList("0580C1160, 0580c1180;0580C1160", kommunCode: "0580") == ["0580C1160", "0580C1180"])
        #expect(throws: DesoCode.Problem.self) { try DesoCode.parseList("0581C1020", kommunCode: "0580") }
        #expect(throws: DesoCode.Problem.self) { try DesoCode.parseList("Skäggetorp", kommunCode: "0580") }
        #expect(try DesoCode.parseList("  ", kommunCode: "0580").isEmpty)
    }

    @Test("Lösenord: minst tio tecken, högst 72 byte")
    func passwordPolicy() {
        #expect(PasswordPolicy.problem(with: "kort") != nil)
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaa") != nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "åäö", count: 20)) != nil)
        #expect(PasswordPolicy.problem(with: "en lång mening som lösenord") == nil)
    }

    @Test(
        "Lösenord som gissas först avvisas: ordet lösenord, årstid eller månad med år, tangentbordsrader, sifferföljder",
        arguments: ["Sommar2024!", "Lösenord2025", "Password123!", "qwertyuiop", "1234567890", "0987654321", "2024202420", "VinterVinter1", "Augusti-2025"])
    func guessedPasswords(password: String) {
        #expect(PasswordPolicy.problem(with: password)?.contains("för lätt att gissa") == true)
    }

    @Test("Lösenord med ens eget namn, adress eller kommun avvisas; andra långa lösenord går igenom")
    func personalPasswords() {
        let personal = PasswordPolicy.personalWords(
            email: "anna.andersson@linkoping.se", name: "Anna Andersson", kommun: ["Linköpings kommun", "linkoping"])
        #expect(Set(personal).isSuperset(of: ["anna", "andersson", "linkoping", "Linköpings"]) && !personal.contains("kommun"))
        #expect(!personal.contains("se"), "toppdomänen räknas inte")
        for password in ["Andersson2024!", "linköping-2026", "ANNA-anna-1234", "Anna2024!!!", "AnnaAndersson1"] {
            #expect(PasswordPolicy.problem(with: password, personal: personal)?.contains("ditt namn") == true, "\(password)")
        }
        for password in ["grön cykel vid ån", "7391028465", "kaffe och kanelbulle", "Sommar i Skäggetorp 2024", "ett annat långt lösenord"] {
            #expect(PasswordPolicy.problem(with: password, personal: personal) == nil, "\(password)")
        }
    }

    @Test("Kontot låses vid femte misslyckade försöket och räknaren börjar om")
    func lockout() {
        let rule = LoginLockoutRule(maxFailures: 5, lockoutSeconds: 900)
        #expect(rule.afterFailure(previousFailures: 3, now: 1000) == (4, nil))
        let locked = rule.afterFailure(previousFailures: 4, now: 1000)
        #expect(locked.failures == 0 && locked.lockedUntil == 1900)
    }

    @Test("Bara admin administrerar kommunen; alla läser referensdata; tvåsteg för admin och samordnare")
    func roles() {
        #expect(Role.allCases.filter { $0.allows(.administerKommun) } == [.admin])
        #expect(Role.allCases.allSatisfy { $0.allows(.readReferenceData) })
        #expect(Role.allCases.filter(\.mayUseSecondFactor) == [.admin, .samordnare])
        #expect(Role(swedishOrCode: "Rapportör") == .rapportor)
    }

    @Test("Slumpade nycklar är långa och olika")
    func tokens() {
        let a = RandomToken.make(), b = RandomToken.make()
        #expect(a.count == 43 && a != b)
    }

    @Test("Standardorganisationerna från styrdokumenten finns, med okända förkortningar markerade")
    func defaultOrganisations() {
        let abbreviations = DefaultOrganisations.all.map(\.abbreviation)
        for required in [
            "KLF", "KLF (SÄK)", "SF", "VOF", "UTB", "KOF", "MOS", "IAF", "VSS", "HR", "HBE", "Polisen", "RTÖG",
            "Stångåstaden", "Skatteverket", "Försäkringskassan", "Kronofogden", "Arbetsmiljöverket", "BRÅ",
        ] {
            #expect(abbreviations.contains(required), "\(required)")
        }
        #expect(Set(abbreviations).count == abbreviations.count)
        #expect(DefaultOrganisations.all.first { $0.abbreviation == "VOF" }?.nameStatedInDocuments == false)
        #expect(DefaultOrganisations.all.first { $0.abbreviation == "SF" }?.nameStatedInDocuments == true)
    }
}
