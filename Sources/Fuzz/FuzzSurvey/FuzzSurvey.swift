import Foundation
import FuzzSupport
import TryggCore

/// Survey answers as `trygg import survey-responses` and the survey page's upload read them (a
/// CSV table checked against the trygghet questionnaire), counted and suppressed as the results
/// page does; and the stored answer text read back, which a damaged row must not crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    let survey = Survey(
        id: FuzzSupport.kommunID, code: "trygghet-2025", title: "Trygghetsundersökning", purpose: "", population: .boende, mode: "",
        sampleSize: nil, opensOn: "2025-09-01", closesOn: "2025-09-30", questionnaire: QuestionBank.trygghet.versionKey,
        questions: QuestionBank.trygghet.questions, areas: ["Skäggetorp", "Ryd", SurveyBackground.otherArea], requiresCode: false)
    var tally = SurveyTally(survey: survey)
    tally.add(area: "Ryd", gender: "kvinna", ageBand: "25-44", answers: String(decoding: data, as: UTF8.self))
    tally.add(area: "Ryd", gender: "kvinna", ageBand: "25-44", respondents: 2, answerList: String(decoding: data, as: UTF8.self))
    // The results (suppression over every cell) only for a file that passed: most inputs do not,
    // and working out every cell for each of them left libFuzzer a few hundred runs a second.
    if let table = try? CSVReader.read(data), case .success(let responses) = SurveyResponseCSV.check(table, for: survey) {
        for response in responses {
            tally.add(area: response.area, gender: response.gender, ageBand: response.ageBand, answers: SurveyAnswerText.encode(response.answers))
        }
        _ = tally.results(minimum: 2)
    }
    return 0
}
