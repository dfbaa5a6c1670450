import Foundation

/// An event reduced to what the spatial analyses need.
public struct EventPoint: Sendable, Equatable {
    public var point: GeoPoint
    public var occurredAt: Date
    public var categoryID: UUID
    public var place: String

    public init(point: GeoPoint, occurredAt: Date, categoryID: UUID, place: String = "") {
        self.point = point
        self.occurredAt = occurredAt
        self.categoryID = categoryID
        self.place = place
    }
}

/// A place where several of the week's events lie close together.
public struct HotPlace: Sendable, Equatable {
    public var centre: GeoPoint
    public var count: Int
    /// Events within the same distance in the four weeks before: a recurring place, not a one-off.
    public var earlierCount: Int
    public var name: String
    public var categoryIDs: [UUID]

    public var isRecurring: Bool { earlierCount >= 2 }
}

/// Finds hot places: the week's events are grouped around the event with most neighbours within
/// `radius` metres, greedily, and groups of at least `minimumEvents` are reported.
public enum HotPlaces {
    public static func find(week: [EventPoint], earlier: [EventPoint], radius: Double = 100, minimumEvents: Int = 3) -> [HotPlace] {
        let projected = week.map { event -> (x: Double, y: Double) in
            let p = Sweref99TM.fromWGS84(event.point)
            return (p.easting, p.northing)
        }
        let grid = SpatialGrid(points: projected, cell: radius)
        let neighbours = projected.indices.map { grid.count(within: radius, of: projected[$0]) }
        var taken = Array(repeating: false, count: week.count)
        var places: [HotPlace] = []
        // Seeds in order of how crowded they are (ties: the earlier event). Sorting once instead of
        // searching for the next seed each round: a busy week has tens of thousands of events.
        let seeds = projected.indices.sorted { (neighbours[$0], $1) > (neighbours[$1], $0) }
        for seed in seeds where !taken[seed] {
            guard neighbours[seed] >= minimumEvents else { break }
            let members = grid.within(radius, of: projected[seed]).filter { !taken[$0] }
            members.forEach { taken[$0] = true }
            guard members.count >= minimumEvents else { continue }
            let x = members.map { projected[$0].x }.reduce(0, +) / Double(members.count)
            let y = members.map { projected[$0].y }.reduce(0, +) / Double(members.count)
            let names = Dictionary(grouping: members.map { week[$0].place }.filter { !$0.isEmpty }, by: { $0 })
            let name = names.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? ""
            var categories: [UUID] = []
            for index in members where !categories.contains(week[index].categoryID) { categories.append(week[index].categoryID) }
            places.append(
                HotPlace(
                    centre: Sweref99TM.toWGS84(easting: x, northing: y), count: members.count,
                    earlierCount: 0, name: name, categoryIDs: categories))
        }
        return counting(earlier.map(\.point), around: mergingNamesakes(places, within: 5 * radius), radius: radius)
    }

    /// Groups that carry the same place name and lie within `distance` metres of each other are
    /// one place (a schoolyard larger than the radius showed up as five hot places in one week).
    static func mergingNamesakes(_ places: [HotPlace], within distance: Double) -> [HotPlace] {
        var merged: [HotPlace] = []
        for place in places {
            let here = Sweref99TM.fromWGS84(place.centre)
            let match = merged.firstIndex { other in
                guard !place.name.isEmpty, other.name.lowercased() == place.name.lowercased() else { return false }
                let there = Sweref99TM.fromWGS84(other.centre)
                return
                    ((here.easting - there.easting) * (here.easting - there.easting)
                    + (here.northing - there.northing) * (here.northing - there.northing)).squareRoot() <= distance
            }
            guard let match else {
                merged.append(place)
                continue
            }
            var other = merged[match]
            let there = Sweref99TM.fromWGS84(other.centre), total = Double(other.count + place.count)
            other.centre = Sweref99TM.toWGS84(
                easting: (there.easting * Double(other.count) + here.easting * Double(place.count)) / total,
                northing: (there.northing * Double(other.count) + here.northing * Double(place.count)) / total)
            other.count += place.count
            for category in place.categoryIDs where !other.categoryIDs.contains(category) { other.categoryIDs.append(category) }
            merged[match] = other
        }
        return merged
    }

    /// Sets each place's `earlierCount`: the earlier events within `radius` of its centre.
    /// Only positions: they come from the time index alone, without reading the events' rows.
    public static func counting(_ earlier: [GeoPoint], around places: [HotPlace], radius: Double = 100) -> [HotPlace] {
        let grid = SpatialGrid(
            points: earlier.map {
                let p = Sweref99TM.fromWGS84($0)
                return (p.easting, p.northing)
            }, cell: radius)
        return places.map { place in
            var counted = place
            let centre = Sweref99TM.fromWGS84(place.centre)
            counted.earlierCount = grid.within(radius, of: (centre.easting, centre.northing)).count
            return counted
        }
    }

    /// A latitude/longitude box around each place, a little more than `radius` metres to every
    /// side: the only earlier events that can count, so only those need to be read. One box per
    /// place rather than one around all: in a busy kommun that box held a month of events.
    public static func boxes(around places: [HotPlace], radius: Double = 100) -> [(min: GeoPoint, max: GeoPoint)] {
        places.map { place in
            let dLat = radius / 111_000 * 1.1, dLon = radius / (111_000 * cos(place.centre.latitude * .pi / 180)) * 1.1
            return (
                GeoPoint(latitude: place.centre.latitude - dLat, longitude: place.centre.longitude - dLon),
                GeoPoint(latitude: place.centre.latitude + dLat, longitude: place.centre.longitude + dLon)
            )
        }
    }
}

/// Points in square cells, so that "which points lie within r metres" looks at nine cells
/// instead of every point.
struct SpatialGrid {
    let points: [(x: Double, y: Double)]
    let cell: Double
    var buckets: [Int64: [Int]] = [:]

    init(points: [(x: Double, y: Double)], cell: Double) {
        self.points = points
        self.cell = cell
        for (index, point) in points.enumerated() { buckets[key(point), default: []].append(index) }
    }

    func key(_ point: (x: Double, y: Double)) -> Int64 {
        Int64((point.x / cell).rounded(.down)) << 32 ^ Int64((point.y / cell).rounded(.down)) & 0xFFFF_FFFF
    }

    func within(_ radius: Double, of centre: (x: Double, y: Double)) -> [Int] {
        var found: [Int] = []
        visit(within: radius, of: centre) { found.append($0) }
        return found
    }

    /// How many points lie within `radius`, without collecting them (asked once for every event of a week).
    func count(within radius: Double, of centre: (x: Double, y: Double)) -> Int {
        var count = 0
        visit(within: radius, of: centre) { _ in count += 1 }
        return count
    }

    private func visit(within radius: Double, of centre: (x: Double, y: Double), _ body: (Int) -> Void) {
        let cx = Int64((centre.x / cell).rounded(.down)), cy = Int64((centre.y / cell).rounded(.down))
        for dx in -1...1 {
            for dy in -1...1 {
                guard let bucket = buckets[(cx + Int64(dx)) << 32 ^ (cy + Int64(dy)) & 0xFFFF_FFFF] else { continue }
                for index in bucket {
                    let p = points[index]
                    if (p.x - centre.x) * (p.x - centre.x) + (p.y - centre.y) * (p.y - centre.y) <= radius * radius { body(index) }
                }
            }
        }
    }
}
