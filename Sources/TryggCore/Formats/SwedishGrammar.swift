import Foundation

/// Small pieces of Swedish grammar for sentences built around names.
public enum SwedishGrammar {
    /// The genitive of a name: "SF:s" for an abbreviation (also "KLF (SÄK):s"), "Polisens",
    /// "Linköpings kommuns"; after s, x or z nothing is added ("Hus" stays "Hus").
    public static func genitive(_ name: String) -> String {
        // "KLF (SÄK)" is read by its last letter, not the parenthesis.
        guard let last = name.last(where: { $0.isLetter || $0.isNumber }) else { return name }
        if last.isUppercase || last.isNumber || !(name.last?.isLetter ?? false) { return name + ":s" }
        if "sxzSXZ".contains(last) { return name }
        return name + "s"
    }

    /// "Polisens åtgärder", but "åtgärder för KLF (SÄK)": a genitive after a parenthesis
    /// ("KLF (SÄK):s åtgärder") reads badly, so the noun comes first.
    public static func possessive(_ name: String, _ noun: String) -> String {
        name.hasSuffix(")") ? "\(noun) för \(name)" : "\(genitive(name)) \(noun)"
    }

    /// "a, b och c": the items of a list in a sentence.
    public static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " och " + last
    }

    /// "1 åtgärd", "3 åtgärder", "12 000 rader": a count with the noun in the right number.
    public static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(SwedishNumber.integer(n)) \(n == 1 ? one : many)"
    }

    /// A long text shortened for a card or a link: cut after the last whole word within
    /// `limit` characters and marked "…", so nobody reads half a word ("kriminell ;").
    /// `endingSentence: false` drops a final full stop, for a text that a clause follows.
    public static func excerpt(_ text: String, limit: Int, endingSentence: Bool = true) -> String {
        var whole = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !endingSentence, whole.hasSuffix("."), !whole.hasSuffix("..") { whole.removeLast() }
        guard whole.count > limit else { return whole }
        let cut = whole.prefix(limit)
        let words = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) + "…"
    }

    /// A text someone typed, ending as a sentence: a full stop added unless it already ends in
    /// one (or in "!", "?", "…"), so a page can go on with the next sentence.
    public static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, !".!?…".contains(last) else { return trimmed }
        return trimmed + "."
    }

    /// "a; b; c …": the first few items of a longer list in a card, marked when some are left out.
    public static func firstFew(_ items: [String], limit: Int = 3) -> String {
        items.prefix(limit).joined(separator: "; ") + (items.count > limit ? " …" : "")
    }
}
