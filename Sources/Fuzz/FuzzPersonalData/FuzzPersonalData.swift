import FuzzSupport
import TryggCore

/// The personal-data guard and the control-character check every free-text field passes, and
/// the password rules every new password passes (with the text's own words as the person's).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let message = PersonalDataGuard.message(for: text)
    if TextInput.forbiddenCharacter(in: text) != nil, message == nil { fatalError("control character passed the guard") }
    let personal = PasswordPolicy.personalWords(email: text, name: text, kommun: [text])
    let ownWord = text.split(whereSeparator: { !$0.isLetter }).contains { $0.count >= 5 && $0.lowercased() != "kommun" }
    if PasswordPolicy.problem(with: text, personal: personal) == nil, text.allSatisfy(\.isASCII), ownWord {
        fatalError("a password made of the person's own words passed")
    }
    return 0
}
