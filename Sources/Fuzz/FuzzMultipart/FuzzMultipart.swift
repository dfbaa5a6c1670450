import NIOCore
import TryggReports

/// An upload body (`multipart/form-data`) through the web layer's `MultipartForm`, which guards
/// multipart-kit's parser against the inputs that stop it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))
    // The first line is the boundary, the rest the body, so the fuzzer varies both.
    let newline = input.firstIndex(of: 10) ?? input.count
    let boundary = String(decoding: input[..<newline], as: UTF8.self)
    _ = MultipartForm.parse(ByteBuffer(bytes: input[min(newline + 1, input.count)...]), boundary: boundary)
    return 0
}
