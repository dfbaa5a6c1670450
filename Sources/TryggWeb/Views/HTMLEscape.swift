import TryggCore

extension String {
    /// For the few places that build markup in Swift (SVG maps and charts); templates escape by
    /// themselves. SVG is XML, so the XML rules apply.
    var htmlEscaped: String { XMLText.escaped(self) }
}
