extension Sequence where Element: Hashable {
    /// The elements in their first order, each once (regions and crime types as a file lists them).
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
