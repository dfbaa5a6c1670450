import FuzzSupport
import TryggCore

/// An Open311 `POST requests` body (URL-encoded form) as the intake reads and checks it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let form = FormFields(encoded: String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self))
    guard let draft = try? Open311Input.draft(from: form) else { return 0 }
    _ = CitizenRules.check(draft, categories: FuzzSupport.categories, areas: FuzzSupport.areas, bounds: FuzzSupport.bounds)
    return 0
}
