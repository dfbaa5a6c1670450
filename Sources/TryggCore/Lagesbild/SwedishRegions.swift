/// The regions a kommun is compared with: its län (the first two digits of the kommun code) and
/// the police region the län has belonged to since the police's reorganisation in 2015. Brå's
/// statistics count per län until 2014 and per police region from 2015, so a kommun's
/// comparison series changes there.
public enum SwedishRegions {
    public static let riket = "Hela landet"

    static let counties: [String: (name: String, policeRegion: String)] = [
        "01": ("Stockholms län", "Region Stockholm"), "03": ("Uppsala län", "Region Mitt"),
        "04": ("Södermanlands län", "Region Öst"), "05": ("Östergötlands län", "Region Öst"),
        "06": ("Jönköpings län", "Region Öst"), "07": ("Kronobergs län", "Region Syd"), "08": ("Kalmar län", "Region Syd"),
        "09": ("Gotlands län", "Region Stockholm"), "10": ("Blekinge län", "Region Syd"), "12": ("Skåne län", "Region Syd"),
        "13": ("Hallands län", "Region Väst"), "14": ("Västra Götalands län", "Region Väst"),
        "17": ("Värmlands län", "Region Bergslagen"), "18": ("Örebro län", "Region Bergslagen"),
        "19": ("Västmanlands län", "Region Mitt"), "20": ("Dalarnas län", "Region Bergslagen"),
        "21": ("Gävleborgs län", "Region Mitt"), "22": ("Västernorrlands län", "Region Nord"),
        "23": ("Jämtlands län", "Region Nord"), "24": ("Västerbottens län", "Region Nord"), "25": ("Norrbottens län", "Region Nord"),
    ]

    /// The län of a kommun code such as "0580", or nil for a code that is not a Swedish kommun's.
    public static func county(ofKommunCode code: String) -> String? { counties[String(code.prefix(2))]?.name }

    public static func policeRegion(ofKommunCode code: String) -> String? { counties[String(code.prefix(2))]?.policeRegion }

    /// What a kommun is compared with, in the order the comparison shows them.
    public static func comparisons(forKommunCode code: String) -> [String] {
        [county(ofKommunCode: code), policeRegion(ofKommunCode: code), riket].compactMap { $0 }
    }
}
