import Foundation

/// The effect of an insats at a place (a camera, new lighting): events within a radius in the
/// weeks before and after its start, against the rest of the area in the same weeks
/// (difference-in-differences on counts, as a ratio of ratios).
public struct EffectEstimate: Sendable, Equatable {
    public var treatedBefore: Int
    public var treatedAfter: Int
    public var comparisonBefore: Int
    public var comparisonAfter: Int
    /// The ring from one to two radii: where displaced events would turn up.
    public var ringBefore: Int
    public var ringAfter: Int

    /// Events expected at the place after the start had it followed the rest of the area.
    public var expectedAfter: Double? {
        comparisonBefore > 0 ? Double(treatedBefore) * Double(comparisonAfter) / Double(comparisonBefore) : nil
    }

    /// (treated after / before) ÷ (comparison after / before); below 1 means fewer events than expected.
    public var ratio: Double? {
        guard treatedBefore > 0, comparisonBefore > 0, comparisonAfter > 0 else { return nil }
        return (Double(treatedAfter) / Double(treatedBefore)) / (Double(comparisonAfter) / Double(comparisonBefore))
    }

    /// 95 % interval for the ratio (log-normal approximation for Poisson counts; 0.5 added to
    /// empty cells so that a place that went quiet still gets an interval).
    public var interval: (low: Double, high: Double)? {
        guard ratio != nil else { return nil }
        let cells: [Double] = [treatedBefore, treatedAfter, comparisonBefore, comparisonAfter].map { count in
            count == 0 ? 0.5 : Double(count)
        }
        let logRatio = log((cells[1] / cells[0]) / (cells[3] / cells[2]))
        let se = cells.map { 1 / $0 }.reduce(0, +).squareRoot()
        return (exp(logRatio - 1.96 * se), exp(logRatio + 1.96 * se))
    }

    /// True when the whole interval lies below 1.
    public var isSignificantDecrease: Bool { (interval?.high ?? 1) < 1 }
    public var isSignificantIncrease: Bool { (interval?.low ?? 1) > 1 }

    public static func estimate(
        events: [EventPoint], centre: GeoPoint, radius: Double, start: Date, weeks: Int,
        inComparison: (GeoPoint) -> Bool
    ) -> EffectEstimate {
        let from = start.addingTimeInterval(-Double(weeks) * 7 * 86_400), until = start.addingTimeInterval(Double(weeks) * 7 * 86_400)
        let c = Sweref99TM.fromWGS84(centre)
        var result = EffectEstimate(treatedBefore: 0, treatedAfter: 0, comparisonBefore: 0, comparisonAfter: 0, ringBefore: 0, ringAfter: 0)
        for event in events where event.occurredAt >= from && event.occurredAt < until {
            let p = Sweref99TM.fromWGS84(event.point)
            let distance = ((p.easting - c.easting) * (p.easting - c.easting) + (p.northing - c.northing) * (p.northing - c.northing)).squareRoot()
            let after = event.occurredAt >= start
            if distance <= radius {
                if after { result.treatedAfter += 1 } else { result.treatedBefore += 1 }
            } else if distance <= 2 * radius {
                if after { result.ringAfter += 1 } else { result.ringBefore += 1 }
            } else if inComparison(event.point) {
                if after { result.comparisonAfter += 1 } else { result.comparisonBefore += 1 }
            }
        }
        return result
    }

    /// A plain-Swedish reading of the figures, with the caveats a reader must keep in mind.
    public var conclusion: String {
        guard let ratio, let interval, let expected = expectedAfter else {
            return "Det finns för få händelser före insatsen eller i jämförelseområdet för att uppskatta en effekt."
        }
        let percent = Int(((1 - ratio) * 100).rounded())
        var text: String
        if isSignificantDecrease {
            text =
                "Efter insatsen rapporterades \(SwedishGrammar.count(treatedAfter, "händelse", "händelser")) inom radien mot väntade \(SwedishNumber.decimal(expected)) "
                + "om platsen hade följt resten av området: ungefär \(percent) % färre. Minskningen är större än vad slumpen brukar ge "
                + "(95 %-intervall \(SwedishNumber.decimal(interval.low, places: 2))–\(SwedishNumber.decimal(interval.high, places: 2)))."
        } else if isSignificantIncrease {
            text = "Efter insatsen rapporterades fler händelser inom radien (\(treatedAfter)) än väntat (\(SwedishNumber.decimal(expected)))."
        } else {
            text =
                "Skillnaden mot resten av området (\(SwedishGrammar.count(treatedAfter, "händelse", "händelser")) mot väntade \(SwedishNumber.decimal(expected))) "
                + "ryms inom vad slumpen kan ge; någon effekt går inte att visa med dessa siffror."
        }
        if ringAfter > ringBefore + 2 {
            text += " I ringen runt platsen ökade händelserna från \(ringBefore) till \(ringAfter): det kan tyda på att problemen har flyttat."
        }
        return text + " Siffrorna bygger på rapporterade händelser: fler rapportörer, andra arbetstider eller en enstaka händelse kan "
            + "ändra bilden, och annat som hänt samtidigt på platsen kan förklara skillnaden."
    }
}
