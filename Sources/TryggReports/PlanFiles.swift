import Foundation
import TryggCore

/// The plan file in either form users have: CSV, or an Excel workbook with the same columns.
public enum PlanFiles {
    public static func rows(from data: Data) throws(ImportFailure) -> [PlanRow] {
        guard XlsxReader.isXlsx(data) else { return try PlanCSV.parse(data) }
        let table: CSVTable
        do { table = try XlsxReader.read(data) } catch {
            throw ImportFailure([ImportProblem(line: nil, column: nil, message: String(describing: error))])
        }
        return try PlanCSV.rows(from: table)
    }

    public static func xlsx(_ rows: [PlanRow], year: Int) throws -> Data {
        try XlsxWriter.workbook(
            sheetName: "Åtgärdsplan \(year)", header: PlanCSV.columns,
            rows: rows.map { row in
                [
                    .number(row.year), .text(row.section.rawValue), .text(row.section.targetAreaName ?? ""), .number(row.groupNumber),
                    .text(row.groupTitle), .text(row.subgroupLabel), .text(row.subgroupTitle), .number(row.position), .text(row.measure),
                    .text(row.responsible.joined(separator: ";")), .text(row.partners.joined(separator: ";")), .text(row.funding),
                ]
            })
    }
}
