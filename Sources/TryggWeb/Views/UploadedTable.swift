import Foundation
import TryggCore
import TryggReports

/// Why an uploaded file was not read: none was chosen, it was empty, too large, or not a CSV
/// table. The page shows the message again; nothing was stored.
struct UploadRefused: Error {
    let message: String
}

extension StaffContext {
    /// The file of the form's `file` field, not empty; else the sentence asking for one (`choose`).
    func uploadedFile(choose: String) throws(UploadRefused) -> UploadedFile {
        guard let file = files["file"], !file.data.isEmpty else { throw UploadRefused(message: UploadedFile.absence(of: files["file"], choose: choose)) }
        return file
    }

    /// The uploaded file read as a CSV table, with its name for the import record; a file over
    /// `limit` bytes is left to the command line.
    func uploadedTable(choose: String, limit: Int? = nil) throws(UploadRefused) -> (table: CSVTable, filename: String) {
        let file = try uploadedFile(choose: choose)
        if let limit, file.data.count > limit {
            throw UploadRefused(message: "Filen är större än \(limit / 1_048_576) MB; importera den med trygg import på servern.")
        }
        do { return (try CSVReader.read(file.data), file.filename) } catch { throw UploadRefused(message: "Ingenting importerades. \(error.description)") }
    }
}
