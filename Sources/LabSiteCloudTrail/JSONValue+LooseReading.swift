import LabSite

/// Readings as lenient as CloudTrail's own samples need: real logs write some booleans and
/// numbers as strings.
extension JSONValue {
    /// A boolean written either as JSON `true`/`false` or, as real logs do, as the string `"true"`/`"false"`.
    var looseBoolValue: Bool? {
        switch content {
        case .bool(let value): return value
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The number as a `Double`, when this is a number or a string holding one.
    var looseDoubleValue: Double? {
        switch content {
        case .number(let text), .string(let text): return Double(text)
        default: return nil
        }
    }
}
