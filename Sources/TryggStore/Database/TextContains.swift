import SQLKit

/// "The column contains these words", as people type them into a search box: case does not
/// matter, also for å, ä, ö, é and ü, and % or _ are characters, not wildcards. Written in SQL
/// that means the same on SQLite and PostgreSQL: SQLite's LOWER and LIKE fold only ASCII, and
/// PostgreSQL's fold depends on the cluster's locale (none under "C"), so the Swedish capitals
/// are folded by hand before LOWER.
struct TextContains: SQLExpression {
    let column: any SQLExpression
    let text: String

    /// The capitals LOWER may leave as they are, with their small letters.
    static let capitals: [(String, String)] = [("Å", "å"), ("Ä", "ä"), ("Ö", "ö"), ("É", "é"), ("Ü", "ü")]

    init(_ column: String, _ text: String) {
        self.column = SQLColumn(column)
        self.text = text
    }

    /// The typed text as a LIKE pattern: folded the way the column is, its wildcards escaped.
    var pattern: String {
        var folded = text.lowercased()
        for special in ["\\", "%", "_"] { folded = folded.replacingOccurrences(of: special, with: "\\" + special) }
        return "%" + folded + "%"
    }

    func serialize(to serializer: inout SQLSerializer) {
        var folded: any SQLExpression = column
        for (capital, small) in Self.capitals {
            folded = SQLFunction("REPLACE", args: folded, SQLLiteral.string(capital), SQLLiteral.string(small))
        }
        SQLFunction("LOWER", args: folded).serialize(to: &serializer)
        serializer.write(" LIKE ")
        serializer.write(bind: pattern)
        serializer.write(" ESCAPE '\\'")
    }
}
