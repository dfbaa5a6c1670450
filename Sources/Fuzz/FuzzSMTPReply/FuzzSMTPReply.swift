import FuzzSupport
import TryggCore

/// What an SMTP relay answers, cut into replies as the mail client reads it: in one piece and
/// byte by byte (the network may split it anywhere), which must give the same replies.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = Array(FuzzSupport.data(bytes, count))
    var whole = SMTPReplyParser()
    var split = SMTPReplyParser()
    let together = try? whole.feed(data)
    var pieces: [SMTPReply] = []
    var failed = false
    for byte in data where !failed {
        do { pieces += try split.feed([byte]) } catch { failed = true }
    }
    if let together, !failed, together != pieces { fatalError("byte för byte gav andra svar") }
    return 0
}
