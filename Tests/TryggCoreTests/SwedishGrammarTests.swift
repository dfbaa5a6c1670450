import Testing
import TryggCore

@Suite("Svensk grammatik i meningar kring namn")
struct SwedishGrammarTests {
    @Test("Genitiv: kolon efter förkortning, inget extra s efter s, x eller z")
    func genitive() {
        #expect(SwedishGrammar.genitive("SF") == "SF:s")
        #expect(SwedishGrammar.genitive("KLF (SÄK)") == "KLF (SÄK):s", "efter en parentes skrivs kolon")
        #expect(SwedishGrammar.genitive("Polisen") == "Polisens")
        #expect(SwedishGrammar.genitive("Linköpings kommun") == "Linköpings kommuns")
        #expect(SwedishGrammar.genitive("Stångåstaden AB") == "Stångåstaden AB:s")
        #expect(SwedishGrammar.genitive("Hus") == "Hus")
    }

    @Test("Antal med substantivet i rätt numerus")
    func count() {
        #expect(SwedishGrammar.count(1, "pågående insats", "pågående insatser") == "1 pågående insats")
        #expect(SwedishGrammar.count(0, "organisation", "organisationer") == "0 organisationer")
        #expect(SwedishGrammar.count(3, "händelse", "händelser") == "3 händelser")
    }
}
