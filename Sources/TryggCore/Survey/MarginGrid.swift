import Foundation

/// Counts over a table of several dimensions with a margin ("alla") added to each, and the
/// suppression of small cells in it. Index `dims[d]` along dimension `d` is its margin.
public struct MarginGrid: Sendable {
    public let dims: [Int]
    public private(set) var n: [Int]
    public private(set) var hits: [Int]
    let strides: [Int]

    public init(dims: [Int]) {
        self.dims = dims
        var strides = [Int](repeating: 1, count: dims.count)
        for d in stride(from: dims.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * (dims[d + 1] + 1) }
        self.strides = strides
        let size = dims.reduce(1) { $0 * ($1 + 1) }
        n = [Int](repeating: 0, count: size)
        hits = n
    }

    func index(_ at: [Int]) -> Int { zip(at, strides).reduce(0) { $0 + $1.0 * $1.1 } }

    public func coordinates(_ index: Int) -> [Int] {
        var rest = index
        return strides.map { stride in
            defer { rest %= stride }
            return rest / stride
        }
    }

    /// Adds a base cell's counts to it and to every margin it belongs to.
    public mutating func add(n count: Int, hits hit: Int, at base: [Int]) {
        guard count > 0 || hit > 0 else { return }
        for mask in 0..<(1 << dims.count) {
            var at = base
            for d in 0..<dims.count where mask & (1 << d) != 0 { at[d] = dims[d] }
            let i = index(at)
            n[i] += count
            hits[i] += hit
        }
    }

    /// Which cells to hide: those under `minimum` and those `alsoHide` names (primary), then,
    /// wherever a row along one dimension has exactly one hidden non-empty cell beside a shown
    /// margin and that cell is small (it would equal the margin less the others), the smallest
    /// shown cell of that row too (or the margin when there is none), until no row gives a small
    /// hidden cell away.
    /// `alsoHide` names cells hidden whatever their count (a small unit split by gender or age).
    public func suppression(minimum: Int, alsoHide: (_ coordinates: [Int]) -> Bool = { _ in false }) -> [Bool] {
        var hidden = n.indices.map { n[$0] < minimum || alsoHide(coordinates($0)) }
        var changed = true
        while changed {
            changed = false
            for d in 0..<dims.count {
                for start in 0..<n.count where coordinates(start)[d] == 0 {
                    let members = (0..<dims[d]).map { start + $0 * strides[d] }
                    let margin = start + dims[d] * strides[d]
                    // An empty cell hides nobody: it does not protect the other hidden cell of its row.
                    // And a lone hidden cell that is not small (hidden only by `alsoHide`) may be
                    // worked out: it says nothing about a few people.
                    let hiddenAnswered = members.filter { hidden[$0] && n[$0] > 0 }
                    guard !hidden[margin], hiddenAnswered.count == 1, n[hiddenAnswered[0]] < minimum else { continue }
                    if let partner = members.filter({ !hidden[$0] && n[$0] > 0 }).min(by: { n[$0] < n[$1] }) {
                        hidden[partner] = true
                    } else {
                        hidden[margin] = true
                    }
                    changed = true
                }
            }
        }
        return hidden
    }
}
