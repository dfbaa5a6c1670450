import Foundation

/// Statistical hotspots: the Getis-Ord Gi* statistic over a regular grid of square cells (in
/// SWEREF 99 TM metres). A cell's Gi* compares the events in it and its eight neighbours with
/// what the whole grid would give by chance; it is a z-score, so |z| > 1.96 is significant at 5 %.
public enum GetisOrd {
    public struct Cell: Sendable, Equatable {
        public var column: Int
        public var row: Int
        /// South-west corner, SWEREF 99 TM.
        public var easting: Double
        public var northing: Double
        public var count: Int
        public var z: Double

        /// 0.001, 0.01 or 0.05 (two-sided) when significant, else nil.
        public var significance: Double? {
            let magnitude = abs(z)
            if magnitude >= 3.291 { return 0.001 }
            if magnitude >= 2.576 { return 0.01 }
            if magnitude >= 1.960 { return 0.05 }
            return nil
        }

        public var isHotspot: Bool { significance != nil && z > 0 }
    }

    public struct Grid: Sendable, Equatable {
        public var originEasting: Double
        public var originNorthing: Double
        public var cellSize: Double
        public var columns: Int
        public var rows: Int
        public var cells: [Cell]
    }

    /// Counts points into the grid over `bounds` (SWEREF metres) and computes Gi* for every cell
    /// that `include` accepts (e.g. cells whose centre lies in the area); other cells are not
    /// part of the study region.
    public static func analyse(
        points: [(easting: Double, northing: Double)], minEasting: Double, minNorthing: Double,
        maxEasting: Double, maxNorthing: Double, cellSize: Double = 100,
        include: (_ centreEasting: Double, _ centreNorthing: Double) -> Bool = { _, _ in true }
    ) -> Grid {
        let originE = (minEasting / cellSize).rounded(.down) * cellSize
        let originN = (minNorthing / cellSize).rounded(.down) * cellSize
        let columns = max(1, Int(((maxEasting - originE) / cellSize).rounded(.up)))
        let rows = max(1, Int(((maxNorthing - originN) / cellSize).rounded(.up)))
        var counts = Array(repeating: 0, count: columns * rows)
        for point in points {
            let c = Int(((point.easting - originE) / cellSize).rounded(.down)), r = Int(((point.northing - originN) / cellSize).rounded(.down))
            if (0..<columns).contains(c), (0..<rows).contains(r) { counts[r * columns + c] += 1 }
        }
        var included = Array(repeating: false, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns {
                included[r * columns + c] = include(originE + (Double(c) + 0.5) * cellSize, originN + (Double(r) + 0.5) * cellSize)
            }
        }
        let values = counts.indices.filter { included[$0] }.map { Double(counts[$0]) }
        let z = statistic(
            counts: counts.map(Double.init), included: included, columns: columns, rows: rows, n: values.count,
            mean: values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count),
            meanOfSquares: values.isEmpty ? 0 : values.map { $0 * $0 }.reduce(0, +) / Double(values.count))
        var cells: [Cell] = []
        for r in 0..<rows {
            for c in 0..<columns where included[r * columns + c] {
                cells.append(
                    Cell(
                        column: c, row: r, easting: originE + Double(c) * cellSize, northing: originN + Double(r) * cellSize,
                        count: counts[r * columns + c], z: z[r * columns + c]))
            }
        }
        return Grid(originEasting: originE, originNorthing: originN, cellSize: cellSize, columns: columns, rows: rows, cells: cells)
    }

    static func statistic(counts: [Double], included: [Bool], columns: Int, rows: Int, n: Int, mean: Double, meanOfSquares: Double) -> [Double] {
        let s = (meanOfSquares - mean * mean).squareRoot()
        var result = Array(repeating: 0.0, count: counts.count)
        guard n > 1, s > 0 else { return result }
        for r in 0..<rows {
            for c in 0..<columns where included[r * columns + c] {
                var weightSum = 0.0, weighted = 0.0
                for dr in -1...1 {
                    for dc in -1...1 {
                        let rr = r + dr, cc = c + dc
                        guard (0..<rows).contains(rr), (0..<columns).contains(cc), included[rr * columns + cc] else { continue }
                        weightSum += 1
                        weighted += counts[rr * columns + cc]
                    }
                }
                // Binary weights, so Σw² = Σw.
                let denominator = s * ((Double(n) * weightSum - weightSum * weightSum) / Double(n - 1)).squareRoot()
                result[r * columns + c] = denominator > 0 ? (weighted - mean * weightSum) / denominator : 0
            }
        }
        return result
    }
}
