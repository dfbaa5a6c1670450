import Foundation

/// How many events of one category fell in one area in one week: the unit the lägesbild is
/// built from (one SQL aggregate gives all of them).
public struct WeekCount: Sendable, Equatable {
    public var areaID: UUID?
    public var categoryID: UUID
    public var week: Int
    public var count: Int

    public init(areaID: UUID?, categoryID: UUID, week: Int, count: Int) {
        self.areaID = areaID
        self.categoryID = categoryID
        self.week = week
        self.count = count
    }
}

/// The figures of one area in the weekly lägesbild.
public struct AreaWeekSummary: Sendable, Equatable {
    public var areaID: UUID?
    public var area: String
    public var total: Int
    /// Category name → count, in the kommun's category order; categories without events are left out.
    public var categories: [(name: String, count: Int)]
    public var previousWeekTotal: Int
    /// The mean of the four weeks before the week (w−4 … w−1).
    public var fourWeekAverage: Double

    public var changeFromPreviousWeek: Int { total - previousWeekTotal }
    /// Percent change against the four-week average; nil when that average is zero.
    public var percentAgainstAverage: Int? {
        fourWeekAverage > 0 ? Int(((Double(total) - fourWeekAverage) / fourWeekAverage * 100).rounded()) : nil
    }

    public static func == (lhs: AreaWeekSummary, rhs: AreaWeekSummary) -> Bool {
        lhs.areaID == rhs.areaID && lhs.area == rhs.area && lhs.total == rhs.total && lhs.previousWeekTotal == rhs.previousWeekTotal
            && lhs.fourWeekAverage == rhs.fourWeekAverage && lhs.categories.map(\.name) == rhs.categories.map(\.name)
            && lhs.categories.map(\.count) == rhs.categories.map(\.count)
    }
}

public enum WeekSummary {
    /// The name events outside every priority area are shown under.
    public static let restOfKommun = "Övriga kommunen"

    /// The weeks whose counts a lägesbild needs: the week itself and the four before it.
    public static func weeksNeeded(for week: ISOWeek) -> [ISOWeek] { (0...4).map { week.adding(-$0) } }

    /// One summary per area (in the given order, then "Övriga kommunen"), and one for the whole kommun last.
    public static func summarise(
        week: ISOWeek, counts: [WeekCount], areas: [(id: UUID, name: String)],
        categories: [IncidentCategory]
    ) -> [AreaWeekSummary] {
        let previous = week.adding(-1).key
        let before = Set((1...4).map { week.adding(-$0).key })
        func summary(_ id: UUID?, _ name: String, _ rows: [WeekCount]) -> AreaWeekSummary {
            var byCategory: [UUID: Int] = [:]
            var total = 0, previousTotal = 0, beforeTotal = 0
            for row in rows {
                if row.week == week.key {
                    byCategory[row.categoryID, default: 0] += row.count
                    total += row.count
                }
                if row.week == previous { previousTotal += row.count }
                if before.contains(row.week) { beforeTotal += row.count }
            }
            let lines = categories.sorted { $0.position < $1.position }.compactMap { category in
                byCategory[category.id].map { (name: category.name, count: $0) }
            }
            return AreaWeekSummary(
                areaID: id, area: name, total: total, categories: lines, previousWeekTotal: previousTotal,
                fourWeekAverage: Double(beforeTotal) / 4)
        }
        var result = areas.map { area in summary(area.id, area.name, counts.filter { $0.areaID == area.id }) }
        let known = Set(areas.map(\.id))
        let rest = counts.filter { $0.areaID.map { !known.contains($0) } ?? true }
        result.append(summary(nil, restOfKommun, rest))
        var whole = summary(nil, "Hela kommunen", counts)
        whole.areaID = nil
        result.append(whole)
        return result
    }
}

/// When events happen: a 7 × 24 table of weekday (Monday first) by hour, in Swedish time.
public struct WeekdayHourProfile: Sendable, Equatable {
    public private(set) var cells: [[Int]] = Array(repeating: Array(repeating: 0, count: 24), count: 7)

    public init() {}

    public mutating func add(weekday: Int, hour: Int, count: Int = 1) {
        guard (1...7).contains(weekday), (0...23).contains(hour) else { return }
        cells[weekday - 1][hour] += count
    }

    public var maximum: Int { cells.flatMap { $0 }.max() ?? 0 }

    public static let weekdayNames = Weekdays.names
}
