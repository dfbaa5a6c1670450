import ArgumentParser
import Foundation
import TryggCore
import TryggReports
import TryggStore

struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Trygghetsundersökningar och andra enkäter.", subcommands: [Create.self, List.self, Questions.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skapar en enkät med ett frågeformulär ur frågebanken.",
            discussion: "Frågebanken: \(QuestionBank.all.map { "\($0.id) (\($0.title), version \($0.version))" }.joined(separator: ", ")).")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Enkätens kod (a–z, 0–9, bindestreck), i dess adress.") var code: String
        @Option(help: "Rubrik.") var title: String
        @Option(name: .customLong("from-bank"), help: "Frågeformulär ur frågebanken.") var bank = "trygghet"
        @Option(help: "Målgrupp: boende, medarbetare eller fortroendevalda.") var population = "boende"
        @Option(help: "Fältperiodens första dag (ÅÅÅÅ-MM-DD, standard i dag).") var from: String?
        @Option(help: "Fältperiodens sista dag (ÅÅÅÅ-MM-DD, standard tre veckor senare).") var to: String?
        @Flag(help: "Svar bara med engångskod från inbjudan.") var requireCode = false

        func run() async throws {
            guard let questionnaire = QuestionBank.questionnaire(bank) else {
                throw CLIError("Frågebanken har inget formulär ”\(bank)”; välj \(QuestionBank.all.map(\.id).joined(separator: " eller ")).")
            }
            guard let population = Survey.Population(rawValue: population) else {
                throw CLIError("--population måste vara boende, medarbetare eller fortroendevalda.")
            }
            let today = TryggClock.now
            let survey = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let store = SurveyStore(KommunScope(database, kommunID: kommun.id))
                let draft = Survey(
                    id: UUID(), code: code, title: title, purpose: "", population: population, mode: "Webbenkät", sampleSize: nil,
                    opensOn: from ?? StockholmCalendar.local(today).dateText,
                    closesOn: to ?? StockholmCalendar.local(today.addingTimeInterval(21 * 86_400)).dateText,
                    questionnaire: questionnaire.versionKey, questions: questionnaire.questions, areas: try await store.defaultAreas(for: population),
                    requiresCode: requireCode)
                do { return try await store.create(draft, by: .commandLine(kommunID: kommun.id)) } catch let error as StoreError {
                    throw CLIError(error.description)
                }
            }
            say(
                "Skapade enkäten \(survey.code) (\(survey.questionnaire), \(survey.questions.count) frågor), fältperiod \(survey.opensOn) – \(survey.closesOn)."
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listar kommunens enkäter med antal svar.")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String

        func run() async throws {
            let summaries = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                return try await SurveyStore(KommunScope(database, kommunID: kommun.id)).all()
            }
            if summaries.isEmpty { say("Inga enkäter.") }
            for summary in summaries {
                let survey = summary.survey
                print("\(survey.code)\t\(survey.title)\t\(survey.questionnaire)\t\(survey.opensOn)–\(survey.closesOn)\t\(summary.responses) svar")
            }
        }
    }

    struct Questions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "En enkäts frågor och svarsalternativ (JSON eller text).")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Enkätens kod.") var survey: String
        @Option(help: "Format: json eller text.") var format = "text"

        struct Question: Encodable {
            struct Option: Encodable {
                let code: String
                let text: String
            }
            let code: String
            let text: String
            let kind: String
            let options: [Option]
            let indicator: [String]
        }

        func run() async throws {
            guard ["json", "text"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json eller text.") }
            let found = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                return try await SurveyStore(KommunScope(database, kommunID: kommun.id)).find(code: survey)
            }
            guard let found else { throw CLIError("Kommunen har ingen enkät med koden ”\(survey)”.") }
            if format == "json" {
                let questions = found.questions.map { question in
                    Question(
                        code: question.code, text: question.text, kind: question.kind.rawValue,
                        options: question.options.map { Question.Option(code: $0.code, text: $0.text) }, indicator: question.indicator)
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(questions))
            } else {
                print(
                    "Bakgrund: area (\(found.areas.joined(separator: "; "))), kon (\(SurveyBackground.genders.map(\.code).joined(separator: ", "))), alder (\(SurveyBackground.ageBands.map(\.code).joined(separator: ", ")))"
                )
                for question in found.questions {
                    print("\(question.code): \(question.text) [\(question.kind.rawValue)]")
                    for option in question.options { print("  \(option.code): \(option.text)") }
                }
            }
        }
    }
}

extension ImportCommand {
    struct SurveyResponses: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "survey-responses", abstract: "Importerar enkätsvar insamlade i ett annat verktyg (CSV).",
            discussion: """
                En rad per svarande: kolumnerna area,kon,alder och en kolumn per frågekod (trygg survey questions) med \
                svarsalternativens koder, flera åtskilda med |. Allt eller inget: vid fel importeras ingenting.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Enkätens kod.") var survey: String
        @Argument(help: "CSV-fil.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
            let table: CSVTable
            do { table = try CSVReader.read(data) } catch { throw CLIError("Ingenting importerades. \(error.description)") }
            let count = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let store = SurveyStore(KommunScope(database, kommunID: kommun.id))
                guard let found = try await store.find(code: survey) else { throw CLIError("Kommunen har ingen enkät med koden ”\(survey)”.") }
                do {
                    return try await store.importResponses(
                        table, survey: found, fileName: (file as NSString).lastPathComponent, by: .commandLine(kommunID: kommun.id))
                } catch let failure as ImportFailure {
                    throw CLIError(failure.description)
                }
            }
            say("Importerade \(SwedishGrammar.count(count, "svar", "svar")).")
        }
    }
}

extension ReportCommand {
    struct SurveyReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "survey", abstract: "En enkäts resultat per område × kön × ålder (JSON, CSV, Excel eller Word).",
            discussion: """
                Per fråga: indikatorns andel med 95 % konfidensintervall (Wilson) i varje cell; marginalerna har "alla". \
                Celler med färre än 30 svar döljs (n, share och intervallet är null), liksom de celler som annars kunde \
                räknas fram ur summorna. Fritext och koder finns aldrig i rapporten.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Enkätens kod.") var survey: String
        @Option(help: "Format: json, csv, xlsx eller docx.") var format = "json"
        @Flag(help: "Andelar viktade efter befolkningen som enkäten har (webbsidan Viktning).") var weighted = false
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["json", "csv", "xlsx", "docx"].contains(format) else {
                throw CLIError("Formatet \"\(format)\" stöds inte; använd json, csv, xlsx eller docx.")
            }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let store = SurveyStore(KommunScope(database, kommunID: kommun.id))
                guard let found = try await store.find(code: survey) else { throw CLIError("Kommunen har ingen enkät med koden ”\(survey)”.") }
                let weights = weighted ? try await store.weights(found) : nil
                if weighted && weights == nil { throw CLIError("Enkäten \(found.code) har ingen befolkning att vikta efter.") }
                let results = try await store.results(found, weights: weights)
                switch format {
                case "csv": return SurveyReportFiles.csv(results)
                case "xlsx": return try SurveyReportFiles.xlsx(results)
                case "docx": return try SurveyReportFiles.docx(results, kommun: kommun.name)
                default: return try SurveyReportFiles.json(results)
                }
            }
            try writeOutput(data, to: output)
        }
    }
}
