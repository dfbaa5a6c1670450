import Mustache
import Testing
@testable import TryggWeb

@Suite("Mallregistret")
struct TemplateRegistryTests {
    @Test("Alla registrerade mallar finns i paketet och ingen mallfil saknas i registret")
    func everyTemplateLoads() async throws {
        let renderer = try await Renderer.load()
        for template in Template.allCases where ![.layout, .public, .head, .csrf, .option].contains(template) {
            #expect(!renderer.render(template, [String: String]()).isEmpty, "\(template.rawValue)")
        }
    }

    @Test("En saknad mall stoppar starten med namnet på mallen")
    func missingTemplateStopsBoot() throws {
        let empty = MustacheLibrary()
        #expect(throws: Template.Missing.self) { try Template.verify(empty, files: []) }
        do { try Template.verify(empty, files: ["okand-mall"]) } catch {
            #expect(String(describing: error).contains("\"plan\"") && String(describing: error).contains("okand-mall"))
        }
    }
}
