/// Turns a view model (structs, arrays, optionals) into dictionaries and arrays in one pass.
/// Mustache otherwise reflects a struct anew for every `{{name}}` it looks up, walking the
/// context stack inside every loop; with plain dictionaries each lookup is a hash lookup.
enum TemplateData {
    static func flatten(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double: return value
        case let array as [Any]: return array.map(flatten)
        case let dictionary as [String: Any]:
            // As for structs below: an empty text is left out, so `{{#number}} (nr {{.}}){{/number}}`
            // prints nothing rather than "(nr )".
            return dictionary.filter { !(($0.value as? String)?.isEmpty ?? false) }.mapValues(flatten)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // A missing value is simply left out, which Mustache treats as false.
            return mirror.children.first.map { flatten($0.value) } ?? [String: Any]()
        case .struct, .class:
            var result: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                // Left out like nil: an empty text must not open a `{{#section}}`.
                if let text = child.value as? String, text.isEmpty { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional && childMirror.children.isEmpty { continue }
                result[label] = flatten(child.value)
            }
            return result
        case .collection:
            return mirror.children.map { flatten($0.value) }
        default:
            return value
        }
    }
}
