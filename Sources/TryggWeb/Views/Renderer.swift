import Foundation
import Hummingbird
import Mustache

/// Renders Mustache templates shipped as package resources (not read from the working
/// directory, so `trygg` runs from anywhere). Values are HTML-escaped by Mustache's `{{ }}`.
public struct Renderer: Sendable {
    let library: MustacheLibrary

    public static func load() async throws -> Renderer {
        guard let directory = Bundle.module.url(forResource: "Resources", withExtension: nil)?
            .appendingPathComponent("templates").path else {
            throw HTTPError(.internalServerError, message: "Mallarna saknas i paketet.")
        }
        return Renderer(library: try await MustacheLibrary(directory: directory))
    }

    func render(_ template: String, _ object: Any) -> String {
        library.render(TemplateData.flatten(object), withTemplate: template) ?? "Mallen \(template) saknas."
    }

    func html(_ template: String, _ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let body = render(template, object)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A page inside the common layout (navigation, title, flash messages).
    func page(_ template: String, title: String, context: TryggRequestContext, content: Any = [String: String](),
              notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let layout = Layout(title: title, context: context, currentTemplate: template, notice: notice, error: error)
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

    /// A file the browser saves under `filename` (reports and exports).
    static func download(_ bytes: some Sequence<UInt8>, contentType: String, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
