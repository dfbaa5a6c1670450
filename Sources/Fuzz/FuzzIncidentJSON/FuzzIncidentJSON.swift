import FuzzSupport
import TryggCore

/// The JSON body of `POST /api/v1/incidents` and the rules it is checked by.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let draft = IncidentDraft(json: FuzzSupport.data(bytes, count)) else { return 0 }
    _ = IncidentRules.check(draft, lookup: CategoryLookup(FuzzSupport.categories), now: FuzzSupport.now)
    return 0
}
