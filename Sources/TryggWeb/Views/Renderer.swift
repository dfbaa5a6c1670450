import Foundation
import Hummingbird
import Mustache
import TryggCore

/// Renders Mustache templates shipped as package resources (not read from the working
/// directory, so `trygg` runs from anywhere). Values are HTML-escaped by Mustache's `{{ }}`.
public struct Renderer: Sendable {
    let library: MustacheLibrary

    static var templatesDirectory: URL? {
        Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent("templates")
    }

    public static func load() async throws -> Renderer {
        guard let directory = templatesDirectory?.path else {
            throw HTTPError(.internalServerError, message: "Mallarna saknas i paketet.")
        }
        let library = try await MustacheLibrary(directory: directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        try Template.verify(library, files: files.map { String($0.dropLast(".mustache".count)) })
        return Renderer(library: library)
    }

    /// Every template was found at start-up (`Template.verify`), so rendering cannot miss one.
    /// Every page also gets `site`, the route table's addresses without parameters.
    func render(_ template: Template, _ object: Any) -> String {
        var root = TemplateData.flatten(object)
        if var dictionary = root as? [String: Any] {
            dictionary["site"] = Links.shared
            root = dictionary
        }
        return library.render(root, withTemplate: template.rawValue)!
    }

    func html(_ template: Template, _ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let body = render(template, object)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A page inside the common layout (navigation, title, flash messages).
    func page<Context: PageContext & RequestContext>(
        _ template: Template, title: String, context: Context, content: Any = [String: String](),
        notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        // A message a form left before redirecting here shows unless the page has its own.
        let flashed = notice == nil && error == nil ? context.flash : nil
        let layout = Layout(
            title: title, context: context, route: context.endpointPath ?? "",
            notice: notice ?? (flashed?.kind == .notice ? flashed?.text : nil),
            error: error ?? (flashed?.kind == .error ? flashed?.text : nil))
        return html(template, ["layout": layout, "page": content], status: status)
    }
}

extension Response {
    /// 303 after a successful POST, so reloading the result page does not resend the form.
    static func seeOther(_ location: String) -> Response {
        .redirect(to: location, type: .normal)
    }

    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A table the browser saves as a CSV file, with a byte-order mark so that Excel reads it as UTF-8.
    static func csv(header: [String], rows: [[String]], filename: String) -> Response {
        download(("\u{FEFF}" + CSVWriter.line(header) + rows.map(CSVWriter.line).joined()).utf8, contentType: "text/csv; charset=utf-8", filename: filename)
    }

    /// A file the browser saves under `filename` (reports and exports).
    static func download(_ bytes: some Sequence<UInt8>, contentType: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
