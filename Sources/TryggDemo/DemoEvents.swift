import Foundation
import TryggCore

/// A year of clearly synthetic EST events for the demo, generated deterministically around the
/// demo areas, with the patterns a lägesbild should reveal: a recurring hot place, a week with a
/// spike, and an insats that works (fewer events at a tunnel after new lighting and a camera).
public enum DemoEvents {
    public struct Event: Sendable {
        public let occurredAt: Date
        public let category: String
        public let subcategory: String
        public let point: GeoPoint
        public let place: String
        public let description: String
        public let organisation: String
    }

    /// A demo insats with a point and a start, for the effect view.
    public struct Measure: Sendable {
        public let kommunSlug: String
        public let what: String
        public let place: String
        public let point: GeoPoint
        public let organisation: String
        public let weeksAgo: Int
    }

    public static let hotPlace = (name: "Skäggetorps centrum, torget", point: GeoPoint(latitude: 58.4322, longitude: 15.5801))
    public static let tunnel = (name: "Gångtunneln vid Rydsvägen", point: GeoPoint(latitude: 58.4075, longitude: 15.5590))
    /// The insats started this many weeks before the demo is created.
    public static let tunnelMeasureWeeksAgo = 14
    public static let spikeWeeksAgo = 6

    public static let measures = [
        Measure(
            kommunSlug: "linkoping", what: "Ny belysning och kamerabevakning i gångtunneln", place: tunnel.name, point: tunnel.point,
            organisation: "MOS", weeksAgo: tunnelMeasureWeeksAgo)
    ]

    static let texts: [String: [(String, String)]] = [
        "skadegorelse": [
            ("Klotter", "Nytt klotter på fasaden, ca två kvadratmeter (demo)."), ("Glaskross", "Krossad ruta i busskuren (demo)."),
            ("Brand/anlagd brand", "Brand i papperskorg, släckt (demo)."), ("Bilbrand", "Utbränd bil på parkeringen (demo)."),
        ],
        "nedskrapning": [("", "Mycket skräp och glas kring bänkarna (demo).")],
        "samling": [("", "Grupp om cirka tio ungdomar som upplevs otrygg av förbipasserande (demo).")],
        "ordningsstorning": [("Ordningsstörning", "Hög musik och bråk sent på kvällen (demo)."), ("Bråk", "Högljutt bråk mellan några personer (demo).")],
        "narkotika": [("", "Misstänkt langning vid gångvägen, återkommande tider (demo).")],
        "otrygg-plats": [("Belysning", "Trasig belysning längs gångvägen (demo)."), ("Vegetation", "Igenvuxna buskar skymmer sikten (demo).")],
        "trafik": [("", "Mopeder kör på gång- och cykelvägen (demo).")],
        "positiv": [("", "Många vuxna ute, lugn stämning vid aktiviteten (demo).")],
        "ovrigt": [("", "Övrig iakttagelse från kvällsrundan (demo).")],
    ]
    static let weights = [
        ("skadegorelse", 28), ("nedskrapning", 18), ("samling", 12), ("ordningsstorning", 12), ("narkotika", 6),
        ("otrygg-plats", 10), ("trafik", 8), ("positiv", 4), ("ovrigt", 2),
    ]
    /// Who reports: in Linköping its housing company too, which Norrköping does not have (the
    /// safety unit's own staff report in its place).
    static func organisations(_ kommunSlug: String) -> [String] {
        ["MOS", "Polisen", kommunSlug == "linkoping" ? "Stångåstaden" : "KLF (SÄK)", "SF", "KOF", "UTB"]
    }
    static let places = ["Gångvägen vid skolan", "Parkeringen vid centrum", "Lekplatsen", "Busshållplatsen", "Idrottsplatsen", "Gång- och cykeltunneln"]

    public static func generate(kommunSlug: String, now: Date, weeks: Int = 52) -> [Event] {
        var random = SplitMix64(seed: kommunSlug.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) })
        var events: [Event] = []
        let areas = DemoAreas.all.filter { $0.kommunSlug == kommunSlug }
        let organisations = organisations(kommunSlug)
        let thisWeek = ISOWeek.containing(now)
        for weeksAgo in 0..<weeks {
            let week = thisWeek.adding(-weeksAgo)
            func add(_ count: Int, near centre: GeoPoint, spread: (x: Double, y: Double), place: String?, category: String? = nil) {
                for _ in 0..<count {
                    let at = week.start.addingTimeInterval(randomOffset(&random))
                    guard at <= now else { continue }
                    let code = category ?? pick(weights, &random)
                    let text = texts[code]![Int(random.next() % UInt64(texts[code]!.count))]
                    let angle = random.unit() * 2 * .pi, distance = random.unit().squareRoot()
                    let point = offset(centre, east: cos(angle) * distance * spread.x, north: sin(angle) * distance * spread.y)
                    events.append(
                        Event(
                            occurredAt: at, category: code, subcategory: text.0, point: point,
                            place: place ?? places[Int(random.next() % UInt64(places.count))], description: text.1,
                            organisation: organisations[Int(random.next() % UInt64(organisations.count))]))
                }
            }
            let season = 1 + 0.3 * sin(Double(week.week) / 52 * 2 * .pi - .pi / 2)
            for area in areas {
                add(Int((8 + random.unit() * 6) * season), near: area.centre, spread: (area.radiusMetres.x * 0.7, area.radiusMetres.y * 0.7), place: nil)
            }
            // Events outside the priority areas, in "Övriga kommunen".
            if let first = areas.first { add(4, near: offset(first.centre, east: 6_000, north: -4_000), spread: (3_000, 3_000), place: nil) }
            guard kommunSlug == "linkoping" else { continue }
            add(4 + Int(random.next() % 3), near: hotPlace.point, spread: (50, 40), place: hotPlace.name, category: "skadegorelse")
            add(1 + Int(random.next() % 2), near: hotPlace.point, spread: (50, 40), place: hotPlace.name, category: "samling")
            add(
                weeksAgo > tunnelMeasureWeeksAgo ? 5 : (weeksAgo % 3 == 0 ? 1 : 0), near: tunnel.point, spread: (40, 40), place: tunnel.name,
                category: weeksAgo % 2 == 0 ? "otrygg-plats" : "skadegorelse")
            if weeksAgo == spikeWeeksAgo, let berga = areas.first(where: { $0.name == "Berga" }) {
                add(25, near: berga.centre, spread: (250, 200), place: "Bergaskolans skolgård", category: "ordningsstorning")
            }
        }
        return events.sorted { $0.occurredAt < $1.occurredAt }
    }

    /// Seconds into the week, leaning towards evenings and weekends as EST reports do.
    static func randomOffset(_ random: inout SplitMix64) -> TimeInterval {
        let day = random.unit() < 0.4 ? 4 + Int(random.next() % 3) : Int(random.next() % 7)
        let hour = random.unit() < 0.6 ? 17 + Int(random.next() % 7) : 7 + Int(random.next() % 10)
        return TimeInterval(day * 86_400 + hour * 3600 + Int(random.next() % 3600))
    }

    static func pick(_ weights: [(String, Int)], _ random: inout SplitMix64) -> String {
        var roll = Int(random.next() % UInt64(weights.map(\.1).reduce(0, +)))
        for (code, weight) in weights {
            if roll < weight { return code }
            roll -= weight
        }
        return weights[0].0
    }

    static func offset(_ point: GeoPoint, east: Double, north: Double) -> GeoPoint {
        GeoPoint(latitude: point.latitude + north / 111_320, longitude: point.longitude + east / (111_320 * cos(point.latitude * .pi / 180)))
    }
}
