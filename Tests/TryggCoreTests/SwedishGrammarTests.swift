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
        #expect(SwedishGrammar.possessive("Polisen", "åtgärder") == "Polisens åtgärder")
        #expect(SwedishGrammar.possessive("KLF (SÄK)", "åtgärder") == "åtgärder för KLF (SÄK)", "ingen genitiv efter en parentes")
    }

    @Test("Antal med substantivet i rätt numerus")
    func count() {
        #expect(SwedishGrammar.count(1, "pågående insats", "pågående insatser") == "1 pågående insats")
        #expect(SwedishGrammar.count(0, "organisation", "organisationer") == "0 organisationer")
        #expect(SwedishGrammar.count(3, "händelse", "händelser") == "3 händelser")
        #expect(SwedishGrammar.count(12_000, "rad", "rader") == "12\u{00A0}000 rader", "tusental med hårt mellanslag")
    }

    @Test("Ett utdrag slutar efter ett helt ord, med …; en kort text lämnas hel")
    func excerpt() {
        let measure = "Kommunen och polisen ska genomföra kartläggningar av brottslighet och kriminell påverkan"
        #expect(SwedishGrammar.excerpt(measure, limit: 80) == "Kommunen och polisen ska genomföra kartläggningar av brottslighet och kriminell…")
        #expect(SwedishGrammar.excerpt("Trygghetsvandring i Skäggetorp, höst", limit: 32) == "Trygghetsvandring i Skäggetorp…", "inget kommatecken före …")
        #expect(SwedishGrammar.excerpt("  Kort text ", limit: 80) == "Kort text")
        #expect(SwedishGrammar.excerpt("Redovisa läget (demo).", limit: 80, endingSentence: false) + ", klart" == "Redovisa läget (demo), klart")
        #expect(SwedishGrammar.sentence("Andelar per kön") == "Andelar per kön." && SwedishGrammar.sentence("Andelar per kön. ") == "Andelar per kön.")
        #expect(SwedishGrammar.firstFew(["a", "b", "c", "d"]) == "a; b; c …")
        #expect(SwedishGrammar.firstFew(["a", "b"]) == "a; b")
    }

    @Test("En förändring med tecken: plus, minustecken (U+2212), noll utan tecken")
    func signed() {
        #expect(SwedishNumber.signed(3) == "+3")
        #expect(SwedishNumber.signed(-1) == "\u{2212}1")
        #expect(SwedishNumber.signed(0) == "0")
        #expect(SwedishNumber.signed(-1_500) == "\u{2212}1\u{00A0}500")
    }
}
