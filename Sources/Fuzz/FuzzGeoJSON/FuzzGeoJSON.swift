import Foundation
import FuzzSupport
import TryggCore

/// Areas as GeoJSON in WGS84 or SWEREF 99 TM, SCB's DeSO→RegSO table (the areas upload reads
/// either), DeSO code lists, and the police's list of utsatta områden (the same GeoJSON with its
/// properties, or the attribute table as CSV).
private let kommun = Kommun(id: FuzzSupport.kommunID, slug: "linkoping", name: "Linköpings kommun", code: "0580")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    if let parsed = try? AreaGeoJSON.parse(data) {
        for area in parsed.areas { _ = area.shape.contains(GeoPoint(latitude: 58.41, longitude: 15.62)) }
    }
    _ = try? AreaGeoJSON.parseSingle(data, name: "Fuzz")
    if let file = try? AreaFile.read(data, kommun: kommun) { _ = file.readSentences }
    if let listed = try? PoliceAreaList.read(data, year: 2023) {
        for area in listed { _ = area.shape?.contains(GeoPoint(latitude: 58.43, longitude: 15.58)) }
    }
    _ = try? DesoCode.parseList(String(decoding: data, as: UTF8.self), kommunCode: "0580")
    if count >= 16 {
        let (easting, northing) = data.withUnsafeBytes { ($0.loadUnaligned(as: Double.self), $0.loadUnaligned(fromByteOffset: 8, as: Double.self)) }
        let point = Sweref99TM.toWGS84(easting: easting, northing: northing)
        _ = Sweref99TM.fromWGS84(point)
    }
    return 0
}
