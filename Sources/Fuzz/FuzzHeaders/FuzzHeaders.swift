import FuzzSupport
import TryggCore

/// What a client sends in headers and the CSRF field: `Accept-Encoding`, `If-None-Match` and a
/// masked token. Split at NUL bytes into the three; none may crash, a token masked and unmasked
/// is itself, and a header that names gzip with weight 0 never accepts it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let parts = text.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    let encoding = parts[0]
    let accepts = HTTPHeaderValues.acceptsGzip(encoding)
    precondition(!accepts || !HTTPHeaderValues.acceptsGzip(encoding + ", gzip;q=0"), "gzip;q=0 last decides")
    if parts.count > 1 {
        _ = HTTPHeaderValues.noneMatch(parts[1], tags: ["\"abc\"", "\"abc-gz\""])
        precondition(HTTPHeaderValues.noneMatch(parts[1] + ", \"abc\"", tags: ["\"abc\""]))
    }
    if parts.count > 2 {
        let sent = parts[2]
        _ = RandomToken.unmasked(sent)
        let token = RandomToken.make()
        precondition(RandomToken.unmasked(RandomToken.masked(token)) == token)
    }
    return 0
}
