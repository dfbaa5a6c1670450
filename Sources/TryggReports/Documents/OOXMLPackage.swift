import Foundation
import ZIPFoundation

/// Office Open XML files (.docx, .xlsx) are zip archives of XML parts.
public enum OOXMLPackage {
    public static func zip(_ parts: [(path: String, xml: String)]) throws -> Data {
        try zip(parts.map { ($0.path, Data($0.xml.utf8)) })
    }

    /// Parts that are not XML, such as a picture.
    public static func zip(_ parts: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
