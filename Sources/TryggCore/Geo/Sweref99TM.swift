import Foundation

/// SWEREF 99 TM (EPSG:3006), the national grid that Swedish municipal GIS and the police export
/// in. Transverse Mercator on GRS 80, central meridian 15° E, scale 0.9996, false easting 500 km,
/// using Lantmäteriet's published series ("Gauss-Krüger-formler"), accurate to well below a millimetre.
public enum Sweref99TM {
    private static let a = 6_378_137.0
    private static let f = 1.0 / 298.257222101
    private static let centralMeridian = 15.0 * Double.pi / 180
    private static let scale = 0.9996
    private static let falseEasting = 500_000.0

    private static let e2 = f * (2 - f)
    private static let n = f / (2 - f)
    private static let aRoof = a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64)

    /// Plausible SWEREF 99 TM coordinates for Sweden, used to recognise files without a `crs`.
    public static func isPlausible(easting: Double, northing: Double) -> Bool {
        (150_000...1_000_000).contains(easting) && (6_050_000...7_750_000).contains(northing)
    }

    public static func toWGS84(easting: Double, northing: Double) -> GeoPoint {
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n
        let d1 = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360
        let d2 = n2 / 48 + n3 / 15 - 437 * n4 / 1440
        let d3 = 17 * n3 / 480 - 37 * n4 / 840
        let d4 = 4397 * n4 / 161_280
        let e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2
        let aStar = e2 + e4 + e6 + e8
        let bStar = -(7 * e4 + 17 * e6 + 30 * e8) / 6
        let cStar = (224 * e6 + 889 * e8) / 120
        let dStar = -(4279 * e8) / 1260

        let xi = northing / (scale * aRoof)
        let eta = (easting - falseEasting) / (scale * aRoof)
        let xiP =
            xi - d1 * sin(2 * xi) * cosh(2 * eta) - d2 * sin(4 * xi) * cosh(4 * eta)
            - d3 * sin(6 * xi) * cosh(6 * eta) - d4 * sin(8 * xi) * cosh(8 * eta)
        let etaP =
            eta - d1 * cos(2 * xi) * sinh(2 * eta) - d2 * cos(4 * xi) * sinh(4 * eta)
            - d3 * cos(6 * xi) * sinh(6 * eta) - d4 * cos(8 * xi) * sinh(8 * eta)
        let phiStar = asin(sin(xiP) / cosh(etaP))
        let deltaLambda = atan(sinh(etaP) / cos(xiP))
        let s2 = sin(phiStar) * sin(phiStar)
        let phi =
            phiStar + sin(phiStar) * cos(phiStar)
            * (aStar + bStar * s2 + cStar * s2 * s2 + dStar * s2 * s2 * s2)
        return GeoPoint(latitude: phi * 180 / .pi, longitude: (centralMeridian + deltaLambda) * 180 / .pi)
    }

    public static func fromWGS84(_ point: GeoPoint) -> (easting: Double, northing: Double) {
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n
        let b1 = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180
        let b2 = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440
        let b3 = 61 * n3 / 240 - 103 * n4 / 140
        let b4 = 49561 * n4 / 161_280
        let e4 = e2 * e2, e6 = e4 * e2, e8 = e6 * e2
        let bigA = e2
        let bigB = (5 * e4 - e6) / 6
        let bigC = (104 * e6 - 45 * e8) / 120
        let bigD = 1237 * e8 / 1260

        let phi = point.latitude * .pi / 180
        let lambda = point.longitude * .pi / 180
        let s2 = sin(phi) * sin(phi)
        let phiStar = phi - sin(phi) * cos(phi) * (bigA + bigB * s2 + bigC * s2 * s2 + bigD * s2 * s2 * s2)
        let deltaLambda = lambda - centralMeridian
        let xiP = atan(tan(phiStar) / cos(deltaLambda))
        let etaP = atanh(cos(phiStar) * sin(deltaLambda))
        let northing =
            scale * aRoof
            * (xiP + b1 * sin(2 * xiP) * cosh(2 * etaP) + b2 * sin(4 * xiP) * cosh(4 * etaP)
                + b3 * sin(6 * xiP) * cosh(6 * etaP) + b4 * sin(8 * xiP) * cosh(8 * etaP))
        let easting =
            scale * aRoof
            * (etaP + b1 * cos(2 * xiP) * sinh(2 * etaP) + b2 * cos(4 * xiP) * sinh(4 * etaP)
                + b3 * cos(6 * xiP) * sinh(6 * etaP) + b4 * cos(8 * xiP) * sinh(8 * etaP)) + falseEasting
        return (easting, northing)
    }
}
