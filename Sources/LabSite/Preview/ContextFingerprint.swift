/// A deterministic text standing for a template context, so that two pages' contexts compare
/// equal exactly when the templates would see the same values.
enum ContextFingerprint {
    /// The fingerprint of `value` (dictionaries with sorted keys, every text length-prefixed).
    static func of(_ value: Any) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    private static func append(_ value: Any, to text: inout String) {
        switch value {
        case let string as String:
            text += "s\(string.utf8.count):"
            text += string
        case let flag as Bool:
            text += flag ? "T" : "F"
        case let number as Int:
            text += "i\(number);"
        case let dictionary as [String: Any]:
            text += "{"
            for key in dictionary.keys.sorted() {
                append(key, to: &text)
                if let item = dictionary[key] { append(item, to: &text) }
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for item in array { append(item, to: &text) }
            text += "]"
        default:
            // Values of other types do not occur in labsite's contexts; their description still
            // keeps two different values apart.
            let description = String(reflecting: value)
            text += "?\(description.utf8.count):"
            text += description
        }
    }
}
