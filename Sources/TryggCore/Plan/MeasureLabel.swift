extension Measure {
    /// "7.3 Utveckla och upprätthålla forum för att stärka samverkan…": a measure in a list of
    /// choices or a link, its text cut after a whole word (some measures run to 400 characters).
    public func label(limit: Int = 90) -> String { "\(reference) \(SwedishGrammar.excerpt(row.measure, limit: limit))" }
}
