import FuzzSupport
import TryggCore

/// Around Linköping, as a kommun's rectangle for residents' tips.
private let bounds = KommunBounds(minLatitude: 58.30, maxLatitude: 58.55, minLongitude: 15.40, maxLongitude: 15.80)

/// The CSV reader and the importers behind it (plan, EST events, the police's decisions on
/// public gatherings).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    _ = try? PlanCSV.parse(data)
    if let table = try? CSVReader.read(data) {
        _ = try? IncidentCSV.rows(from: table, categories: FuzzSupport.categories, areaNames: FuzzSupport.areas.map(\.name), now: FuzzSupport.now)
        _ = try? GatheringDecisionsCSV.read(table, within: bounds)
        _ = try? GatheringDecisionsCSV.read(table, within: nil)
    }
    return 0
}
