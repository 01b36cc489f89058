import Foundation
import Yams

/// A value each student has their own of, such as their account id or region, written `{{name}}`
/// in a page and shown with its default until the student types theirs in the "내 값" panel.
///
/// Declared under `params:` in `site.yml` or a page's front matter, in the long or the short form:
///
/// ```
/// params:
///   account: { default: "123456789012", label: 계정 ID }
///   prefix: lab
/// ```
public struct PersonalValue: Sendable, Equatable, Hashable {
    /// The name written between the braces: letters, digits, `_` and `-`, starting with a letter.
    public var name: String
    /// What the "내 값" panel calls it; the name when not given.
    public var label: String
    /// What the page shows in print, without JavaScript and until a student types their own.
    public var defaultValue: String

    /// Creates a value.
    public init(name: String, label: String? = nil, defaultValue: String) {
        self.name = name
        self.label = label ?? name
        self.defaultValue = defaultValue
    }

    /// Whether `name` may be used between `{{` and `}}`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

    /// `values` with `overrides` applied: a value of the same name takes the place of the first,
    /// new ones come after, in the order declared.
    public static func merged(_ values: [PersonalValue], with overrides: [PersonalValue]) -> [PersonalValue] {
        guard !overrides.isEmpty else { return values }
        var result = values
        for value in overrides {
            if let index = result.firstIndex(where: { $0.name == value.name }) {
                result[index] = value
            } else {
                result.append(value)
            }
        }
        return result
    }

    /// Reads the `params:` mapping; `fileLine` turns a libyaml mark's line into the file's line.
    static func parse(_ node: Node, path: String, fileLine: (Int?) -> Int?) throws -> [PersonalValue] {
        guard let mapping = node.mapping else {
            throw ContentError(
                path: path, line: fileLine(node.mark?.line),
                reason: "`params` must map each name to its default, such as `region: ap-northeast-2`.")
        }
        var values: [PersonalValue] = []
        for (keyNode, value) in mapping {
            let line = fileLine(keyNode.mark?.line)
            let name = keyNode.string ?? ""
            guard isValidName(name) else {
                throw ContentError(
                    path: path, line: line,
                    reason: "`\(name)` cannot name a value: use letters, digits, `_` and `-`, starting with a letter.")
            }
            guard !values.contains(where: { $0.name == name }) else {
                throw ContentError(path: path, line: line, reason: "The value `\(name)` is declared twice.")
            }
            if let text = value.scalar?.string {
                values.append(PersonalValue(name: name, defaultValue: text))
                continue
            }
            guard let fields = value.mapping, let defaultValue = fields["default"]?.scalar?.string else {
                throw ContentError(
                    path: path, line: line,
                    reason: "The value `\(name)` needs a default: `\(name): 기본값` or "
                        + "`\(name): { default: 기본값, label: 이름 }`.")
            }
            for (field, _) in fields where !["default", "label"].contains(field.string ?? "") {
                throw ContentError(
                    path: path, line: fileLine(field.mark?.line),
                    reason: "`\(field.string ?? "")` is not a field of a value; the fields are default and label.")
            }
            let label = fields["label"]?.scalar?.string
            values.append(PersonalValue(name: name, label: label, defaultValue: defaultValue))
        }
        return values
    }
}
