import Foundation
import Hummingbird
import TryggCore

/// Open311 answers in XML (required by the standard) and JSON, chosen by the resource's suffix.
enum Open311Format {
    case json
    case xml

    /// From a path ending in `.json` or `.xml`; XML otherwise, as the standard's default.
    init(path: String) { self = path.hasSuffix(".json") ? .json : .xml }

    var contentType: String { self == .json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8" }

    /// Splits "requests/12.json" style names: ("12", .json); nil without a known suffix.
    static func split(_ name: String) -> (name: String, format: Open311Format)? {
        if name.hasSuffix(".json") { return (String(name.dropLast(5)), .json) }
        if name.hasSuffix(".xml") { return (String(name.dropLast(4)), .xml) }
        return nil
    }
}

/// A value of an Open311 document, written the same way into JSON and XML.
indirect enum Open311Value {
    case text(String)
    case number(Double)
    case bool(Bool)
    case null
    /// Fields in order (XML keeps the order the standard's examples show).
    case object([(String, Open311Value)])
    /// A JSON array; in XML a wrapper element holding one `element` per item.
    case list(element: String, [Open311Value])

    func json(into out: inout String) {
        switch self {
        case .text(let text): Self.jsonString(text, into: &out)
        case .number(let number):
            out += number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .object(let fields):
            out += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                Self.jsonString(field.0, into: &out)
                out += ":"
                field.1.json(into: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.json(into: &out)
            }
            out += "]"
        }
    }

    func xml(named name: String, into out: inout String) {
        switch self {
        case .list(let element, let items):
            out += "<\(name)>"
            for item in items { item.xml(named: element, into: &out) }
            out += "</\(name)>"
        case .object(let fields):
            out += "<\(name)>"
            for (key, value) in fields { value.xml(named: key, into: &out) }
            out += "</\(name)>"
        case .null: out += "<\(name)></\(name)>"
        case .text(let text): out += "<\(name)>\(Self.xmlEscaped(text))</\(name)>"
        case .number, .bool:
            var scalar = ""
            json(into: &scalar)
            out += "<\(name)>\(scalar)</\(name)>"
        }
    }

    static func jsonString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // "<" escaped too, so a JSON answer can never be read as markup.
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func xmlEscaped(_ text: String) -> String { XMLText.escaped(text) }
}

enum Open311Response {
    /// A document whose root is `value`, named `root` in XML.
    static func document(_ value: Open311Value, root: String, format: Open311Format, status: HTTPResponse.Status = .ok) -> Response {
        var body = ""
        switch format {
        case .json: value.json(into: &body)
        case .xml:
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            value.xml(named: root, into: &body)
        }
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        // Open data for apps on other sites: no cookies are involved (POST carries its api_key).
        headers[.accessControlAllowOrigin] = "*"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The standard's error list: `[{"code":…, "description":…}]` / `<errors><error>…`.
    static func errors(_ errors: [(Int, String)], status: HTTPResponse.Status, format: Open311Format) -> Response {
        let list = Open311Value.list(element: "error", errors.map { .object([("code", .number(Double($0.0))), ("description", .text($0.1))]) })
        return document(list, root: "errors", format: format, status: status)
    }
}

/// Thrown inside the Open311 handlers; answered in the standard's error format.
struct Open311Error: Error {
    let status: HTTPResponse.Status
    let descriptions: [String]

    init(_ status: HTTPResponse.Status, _ descriptions: String...) {
        self.status = status
        self.descriptions = descriptions
    }

    init(_ status: HTTPResponse.Status, all descriptions: [String]) {
        self.status = status
        self.descriptions = descriptions
    }

    func response(format: Open311Format) -> Response {
        Open311Response.errors(descriptions.map { (Int(status.code), $0) }, status: status, format: format)
    }
}
