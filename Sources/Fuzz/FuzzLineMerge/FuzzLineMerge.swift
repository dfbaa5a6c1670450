import FuzzSupport
import TryggCore

/// The merge by line of texts two people changed at once: the shown text, hers and the stored
/// one all come from forms. Split at NUL bytes into the three; the merge must end, and a result
/// must hold every line both changes left in place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: FuzzSupport.data(bytes, count), as: UTF8.self)
    let parts = text.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else { return 0 }
    if let merged = LineMerge.merge(base: parts[0], mine: parts[1], theirs: parts[2]) {
        // Merging a text with itself changes nothing, and a change against an unchanged base is that change.
        precondition(LineMerge.merge(base: merged, mine: merged, theirs: merged) == LineMerge.lines(merged).joined(separator: "\n"))
    }
    precondition(
        LineMerge.merge(base: parts[0], mine: parts[1], theirs: parts[0]) == LineMerge.lines(parts[1]).joined(separator: "\n")
            || LineMerge.lines(parts[0]).count > LineMerge.maxLines || LineMerge.lines(parts[1]).count > LineMerge.maxLines)
    return 0
}
