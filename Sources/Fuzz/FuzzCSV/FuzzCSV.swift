import FuzzSupport
import TryggCore

/// The CSV reader and the two importers behind it (plan and EST events).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    _ = try? PlanCSV.parse(data)
    if let table = try? CSVReader.read(data) {
        _ = try? IncidentCSV.rows(from: table, categories: FuzzSupport.categories, areaNames: FuzzSupport.areas.map(\.name), now: FuzzSupport.now)
    }
    return 0
}
