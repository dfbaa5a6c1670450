import Foundation

/// A file of areas as a kommun has it: boundaries as GeoJSON from its GIS, or SCB's DeSO→RegSO
/// table. The web upload and `trygg import areas` read it the same way, told apart by content
/// (a GeoJSON file is an object; anything else is read as the table), so a large GeoJSON file
/// is never parsed as CSV first.
public enum AreaFile: Sendable {
    case boundaries([ParsedArea], projection: AreaGeoJSON.Projection)
    case desoRegions(DesoRegsoTable.Result)

    public static func read(_ data: Data, kommun: Kommun) throws(ImportFailure) -> AreaFile {
        let leading: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
        if data.drop(while: { leading.contains($0) }).first == UInt8(ascii: "{") {
            do {
                let parsed = try AreaGeoJSON.parse(data)
                return .boundaries(parsed.areas, projection: parsed.projection)
            } catch {
                throw ImportFailure(error.messages.map { ImportProblem(line: nil, column: nil, message: $0) })
            }
        }
        let table: CSVTable
        do { table = try CSVReader.read(data) } catch {
            throw ImportFailure([ImportProblem(line: nil, column: nil, message: error.message + notAreasHint)])
        }
        guard DesoRegsoTable.looksLikeTable(table.header) else {
            throw ImportFailure([
                ImportProblem(
                    line: 1, column: nil,
                    message: "Filen är varken GeoJSON eller SCB:s tabell DeSO→RegSO: kolumnerna DeSO och RegSO saknas." + notAreasHint)
            ])
        }
        return .desoRegions(try DesoRegsoTable.read(table, kommun: kommun))
    }

    private static let notAreasHint =
        " Områden läses från GeoJSON (en FeatureCollection med polygoner) eller från SCB:s tabell med kolumnerna DeSO och RegSO."

    /// What was read, before the store says what changed.
    public var readSentences: [String] {
        switch self {
        case .boundaries(let areas, let projection):
            ["Läste \(SwedishGrammar.count(areas.count, "område", "områden")) i \(projection.rawValue)."]
        case .desoRegions(let result):
            ["Läste \(result.regions.count) RegSO med sina DeSO-koder."]
                + (result.skippedRows > 0
                    ? ["\(SwedishGrammar.count(result.skippedRows, "rad", "rader")) gällde andra kommuner och hoppades över."] : [])
        }
    }
}
