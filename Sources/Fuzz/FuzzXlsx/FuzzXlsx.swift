import Foundation
import FuzzSupport
import TryggCore
import TryggReports

/// An uploaded Excel workbook, read as the plan import reads it. The limits are the reader's own
/// checks at a smaller scale (1 MB per part instead of 64), so that a zip bomb exercises them
/// without one input taking seconds under AddressSanitizer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var limits = XlsxReader.Limits()
    limits.partBytes = 1 << 20
    limits.cells = 100_000
    limits.sharedStrings = 10_000
    limits.checksums = false
    if let table = try? XlsxReader.read(FuzzSupport.data(bytes, count), limits: limits) {
        _ = try? PlanCSV.rows(from: table)
    }
    return 0
}
