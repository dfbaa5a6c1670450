import Foundation
import FuzzSupport
import TryggReports

/// An uploaded Excel workbook, read as the plan import reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? PlanFiles.rows(from: FuzzSupport.data(bytes, count))
    return 0
}
