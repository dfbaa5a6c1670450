import Foundation

/// The question bank: fixed questionnaires, versioned, so that a figure is compared only with
/// figures from the same questions. A survey keeps a copy of the questions it was created with;
/// a change of wording is a new version here, never an edit of the old one.
public struct Questionnaire: Sendable, Equatable {
    public let id: String
    public let version: Int
    public let title: String
    public let questions: [SurveyQuestion]

    /// `trygghet-1`: what surveys store to say which questions they asked.
    public var versionKey: String { "\(id)-\(version)" }
}

public enum QuestionBank {
    public static let all: [Questionnaire] = [trygghet, paverkan]

    public static func questionnaire(_ id: String) -> Questionnaire? { all.first { $0.id == id } }

    static func scale(_ pairs: [(String, String, String)]) -> [SurveyOption] { pairs.map { SurveyOption($0.0, $0.1, $0.2) } }

    static let dontKnow = ("vet_ej", "Vet inte", "Don't know")
    static let yesNo = scale([("ja", "Ja", "Yes"), ("nej", "Nej", "No"), dontKnow])
    static let trust = scale([
        ("mycket_stort", "Mycket stort", "Very high"), ("ganska_stort", "Ganska stort", "Fairly high"),
        ("ganska_litet", "Ganska litet", "Fairly low"), ("mycket_litet", "Mycket litet", "Very low"), dontKnow,
    ])
    static let problem = scale([
        ("inget", "Inget problem", "No problem"), ("litet", "Ganska litet problem", "A small problem"),
        ("ganska_stort", "Ganska stort problem", "A fairly big problem"), ("mycket_stort", "Mycket stort problem", "A very big problem"), dontKnow,
    ])

    static func problemItem(_ code: String, _ what: String, _ english: String) -> SurveyQuestion {
        SurveyQuestion(
            code: "problem_\(code)", text: "Hur stort problem är \(what) i ditt bostadsområde?",
            english: "How big a problem is \(english) in your neighbourhood?", kind: .single, options: problem,
            indicator: ["ganska_stort", "mycket_stort"], outsideBase: ["vet_ej"])
    }

    /// Trygghetsundersökningen in the priority areas, with NTU-comparable items (Brå's definition
    /// of otrygghet includes those who do not go out for fear) and the police's problem items.
    public static let trygghet = Questionnaire(
        id: "trygghet", version: 1, title: "Trygghetsundersökning",
        questions: [
            SurveyQuestion(
                code: "otrygg_kvall", text: "Hur trygg eller otrygg känner du dig om du går ut ensam sent en kväll i ditt bostadsområde?",
                english: "How safe or unsafe do you feel walking alone late in the evening in your neighbourhood?", kind: .single,
                options: scale([
                    ("mycket_trygg", "Mycket trygg", "Very safe"), ("ganska_trygg", "Ganska trygg", "Fairly safe"),
                    ("ganska_otrygg", "Ganska otrygg", "Fairly unsafe"), ("mycket_otrygg", "Mycket otrygg", "Very unsafe"),
                    ("gar_inte_ut", "Går inte ut av oro för att utsättas för brott", "I do not go out for fear of crime"), dontKnow,
                ]), indicator: ["ganska_otrygg", "mycket_otrygg", "gar_inte_ut"], outsideBase: ["vet_ej"]),
            SurveyQuestion(
                code: "oro_brott", text: "Hur ofta har du under de senaste 12 månaderna känt dig orolig för att utsättas för brott?",
                english: "How often in the last 12 months have you worried about becoming a victim of crime?", kind: .single,
                options: scale([
                    ("aldrig", "Aldrig", "Never"), ("nagon_gang", "Någon gång", "Now and then"), ("ganska_ofta", "Ganska ofta", "Fairly often"),
                    ("mycket_ofta", "Mycket ofta", "Very often"), dontKnow,
                ]), indicator: ["ganska_ofta", "mycket_ofta"], outsideBase: ["vet_ej"]),
            SurveyQuestion(
                code: "avstatt", text: "Har du under de senaste 12 månaderna avstått från någon aktivitet av oro för att utsättas för brott?",
                english: "In the last 12 months, have you refrained from an activity for fear of crime?", kind: .single, options: yesNo,
                indicator: ["ja"], outsideBase: ["vet_ej"]),
            SurveyQuestion(
                code: "utsatt", text: "Har du under de senaste 12 månaderna utsatts för något av följande i ditt bostadsområde?",
                english: "In the last 12 months, have you experienced any of the following in your neighbourhood?", kind: .multiple,
                options: scale([
                    ("stold", "Stöld", "Theft"), ("skadegorelse", "Skadegörelse", "Vandalism"), ("hot", "Hot", "Threats"),
                    ("vald", "Våld", "Violence"), ("trakasserier", "Trakasserier", "Harassment"), ("inget", "Inget av detta", "None of these"),
                ]), indicator: ["stold", "skadegorelse", "hot", "vald", "trakasserier"]),
            SurveyQuestion(
                code: "fortroende_polis", text: "Hur stort förtroende har du för polisens arbete i ditt bostadsområde?",
                english: "How much confidence do you have in the police's work in your neighbourhood?", kind: .single, options: trust,
                indicator: ["mycket_stort", "ganska_stort"], outsideBase: ["vet_ej"]),
            SurveyQuestion(
                code: "fortroende_kommun", text: "Hur stort förtroende har du för kommunens arbete för trygghet i ditt bostadsområde?",
                english: "How much confidence do you have in the municipality's safety work in your neighbourhood?", kind: .single, options: trust,
                indicator: ["mycket_stort", "ganska_stort"], outsideBase: ["vet_ej"]),
            problemItem("nedskrapning", "nedskräpning", "litter"),
            problemItem("skadegorelse", "skadegörelse och klotter", "vandalism and graffiti"),
            problemItem("stok", "bråk och stök på allmän plats", "rowdiness in public places"),
            problemItem("narkotika", "öppen narkotikahandel", "open drug dealing"),
            problemItem("trafik", "buskörning och vårdslös trafik", "reckless driving"),
            SurveyQuestion(
                code: "otrygg_plats", text: "Finns det en plats i ditt bostadsområde där du känner dig otrygg? Markera den på kartan.",
                english: "Is there a place in your neighbourhood where you feel unsafe? Mark it on the map.", kind: .place),
            SurveyQuestion(
                code: "kommentar", text: "Vad skulle få dig att känna dig tryggare i ditt bostadsområde?",
                english: "What would make you feel safer in your neighbourhood?", kind: .text),
        ])

    /// The joint survey with Norrköping on otillåten påverkan of elected officials and employees.
    public static let paverkan = Questionnaire(
        id: "paverkan", version: 1, title: "Otillåten påverkan",
        questions: [
            SurveyQuestion(
                code: "utsatt_paverkan", text: "Har du under de senaste 12 månaderna i ditt uppdrag eller arbete utsatts för något av följande?",
                english: "In the last 12 months, have you in your role or work been subjected to any of the following?", kind: .multiple,
                options: scale([
                    ("trakasserier", "Trakasserier", "Harassment"), ("hot", "Hot", "Threats"), ("vald", "Våld", "Violence"),
                    ("skadegorelse", "Skadegörelse", "Vandalism"), ("korruption", "Korruptionsförsök", "Attempted bribery"),
                    ("filmning", "Olovlig filmning", "Unlawful filming"), ("inget", "Inget av detta", "None of these"),
                ]), indicator: ["trakasserier", "hot", "vald", "skadegorelse", "korruption", "filmning"]),
            SurveyQuestion(
                code: "av_vem", text: "Av vem? (Om du utsatts)", english: "By whom? (If it happened)", kind: .multiple,
                options: scale([
                    ("enskild", "Enskild person eller anhörig i ett ärende", "An individual or relative in a case"),
                    ("grupp", "Kriminellt nätverk eller grupp", "A criminal network or group"),
                    ("extremist", "Våldsbejakande extremist", "A violent extremist"), ("okand", "Vet inte", "Don't know"),
                ]), indicator: ["grupp", "extremist"]),
            SurveyQuestion(
                code: "konsekvens", text: "Har det lett till något av följande?", english: "Did it lead to any of the following?", kind: .multiple,
                options: scale([
                    ("oro", "Oro för mig eller mina närstående", "Worry for myself or my family"),
                    ("undvikit_beslut", "Jag har undvikit att fatta ett beslut", "I avoided making a decision"),
                    ("andrat", "Jag har ändrat handläggning eller ett beslut", "I changed how I handled a case or a decision"),
                    ("sluta", "Jag har övervägt att sluta", "I have considered quitting"), ("inget", "Inget av detta", "None of these"),
                ]), indicator: ["undvikit_beslut", "andrat", "sluta"]),
            SurveyQuestion(
                code: "anmalt", text: "Anmälde du det (till arbetsgivaren eller polisen)?", english: "Did you report it (to your employer or the police)?",
                kind: .single,
                options: scale([
                    ("ja", "Ja", "Yes"), ("nej_ide", "Nej, det är ingen idé", "No, there is no point"),
                    ("nej_radd", "Nej, av rädsla för följderna", "No, for fear of the consequences"),
                    ("nej_annat", "Nej, av annat skäl", "No, for another reason"),
                    ("ej_aktuellt", "Inte aktuellt", "Not applicable"),
                ]), indicator: ["ja"], outsideBase: ["ej_aktuellt"]),
            SurveyQuestion(
                code: "kommentar", text: "Vill du berätta mer?", english: "Would you like to tell us more?", kind: .text),
        ])
}
