import Foundation
import ZIPFoundation

/// A folder packed into one ZIP file, read from disk entry by entry (an export of a large kommun
/// is hundreds of megabytes before packing, and is never held in memory).
public enum DirectoryZip {
    public static func pack(_ directory: URL, to file: URL) throws {
        try FileManager.default.zipItem(at: directory, to: file, shouldKeepParent: false, compressionMethod: .deflate)
    }
}
