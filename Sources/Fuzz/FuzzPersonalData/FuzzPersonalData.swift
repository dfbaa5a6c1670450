import FuzzSupport
import TryggCore

/// The personal-data guard and the control-character check every free-text field passes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let message = PersonalDataGuard.message(for: text)
    if TextInput.forbiddenCharacter(in: text) != nil, message == nil { fatalError("control character passed the guard") }
    return 0
}
