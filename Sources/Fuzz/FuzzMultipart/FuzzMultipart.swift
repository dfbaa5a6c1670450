import MultipartKit
import NIOCore

/// An upload body (`multipart/form-data`) through multipart-kit's parser, driven with the same
/// callbacks as `MultipartForm` in the web layer (which needs the whole web target to build).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: bytes, count: count))
    // The first line is the boundary, the rest the body, so the fuzzer varies both.
    let newline = input.firstIndex(of: 10) ?? input.count
    let boundary = String(decoding: input[..<newline], as: UTF8.self)
    // The web layer passes only boundaries of 1–70 characters (MultipartForm.boundary): an empty
    // one stops multipart-kit with a precondition, which this target found.
    guard (1...70).contains(boundary.utf8.count) else { return 0 }
    let parser = MultipartParser(boundary: boundary)
    var headers = 0, body = ByteBuffer()
    parser.onHeader = { _, _ in headers += 1 }
    parser.onBody = { body.writeBuffer(&$0) }
    parser.onPartComplete = { body.clear() }
    try? parser.execute(ByteBuffer(bytes: input[min(newline + 1, input.count)...]))
    return 0
}
