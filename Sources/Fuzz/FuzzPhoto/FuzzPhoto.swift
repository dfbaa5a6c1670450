import Foundation
import FuzzSupport
import TryggCore

/// A photo uploaded from a trygghetsvandring, as `PhotoCleaner` reads it before storing: a hostile
/// file must be refused, never crash or read past its end; what comes out must be clean for good
/// (cleaning it again changes nothing) and keep no EXIF block.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    for input in [data, Data([0xFF, 0xD8, 0xFF]) + data, Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + data] {
        guard let (cleaned, _) = try? PhotoCleaner.clean(input) else { continue }
        guard let (again, _) = try? PhotoCleaner.clean(cleaned), again == cleaned else { fatalError("en rensad bild ändrades igen") }
        if cleaned.starts(with: [0xFF, 0xD8]), cleaned.count > 3, cleaned[cleaned.startIndex + 2] == 0xFF, cleaned[cleaned.startIndex + 3] == 0xE1 {
            fatalError("EXIF kvar efter rensning")
        }
    }
    return 0
}
