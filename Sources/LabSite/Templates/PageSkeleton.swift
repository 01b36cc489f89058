/// A page's template output cut at the places where the page's own texts go, so that thousands
/// of pages of one shape (a page per CloudTrail event) are made by filling in texts rather than by
/// running the templates for each one.
///
/// A skeleton is made by rendering a context whose texts are replaced by numbered markers, twice
/// with two different sets of markers. When both outputs cut into the same literal pieces around
/// the same markers, the templates only insert those texts (escaped or not) and never look into
/// them, so filling the pieces with the real texts gives the same bytes as rendering. When they
/// do more (a transform such as `uppercased(page.title)`, or a length), the two outputs differ and
/// ``make(for:render:)`` returns `nil`: the caller renders such pages the ordinary way.
struct PageSkeleton: Sendable {
    /// A context's texts and the key of its shape (the context with its texts replaced by markers).
    struct Shape: Sendable {
        /// Equal for two contexts exactly when one skeleton serves both.
        var key: String
        /// The context's non-empty texts, in the markers' order.
        var values: [String]
    }

    private enum Piece: Sendable, Equatable {
        case literal(String)
        case value(Int, escaped: Bool)
    }

    private let pieces: [Piece]
    /// The bytes of the literal pieces, to size the output once.
    private let literalBytes: Int

    private init(pieces: [Piece]) {
        self.pieces = pieces
        literalBytes = pieces.reduce(0) { total, piece in
            if case .literal(let text) = piece { return total + text.utf8.count }
            return total
        }
    }

    /// The shape of `context`: which keys it has, its flags and numbers, which texts are empty and
    /// which end in a line break (swift-mustache indents the token after a value that ends in one).
    static func shape(of context: [String: Any]) -> Shape {
        var shape = Shape(key: "", values: [])
        describe(context, into: &shape)
        return shape
    }

    /// Walks `value` in the order ``replacingTexts(in:values:marker:)`` numbers markers in.
    private static func describe(_ value: Any, into shape: inout Shape) {
        // The casts go from the most to the least common kind of value; `[Any]` comes last because
        // casting a typed array to it copies the array.
        if let text = value as? String {
            guard !text.isEmpty else { return shape.key += "e" }
            shape.values.append(text)
            shape.key += text.hasSuffix("\n") ? "n" : "s"
        } else if let dictionary = value as? [String: Any] {
            shape.key += "{"
            for key in dictionary.keys.sorted() {
                shape.key += key
                shape.key += ":"
                if let item = dictionary[key] { describe(item, into: &shape) }
            }
            shape.key += "}"
        } else if let flag = value as? Bool {
            shape.key += flag ? "T" : "F"
        } else if let number = value as? Int {
            shape.key += "i"
            shape.key += String(number)
        } else if let list = value as? [[String: Any]] {
            shape.key += "["
            for item in list { describe(item, into: &shape) }
            shape.key += "]"
        } else if let array = value as? [Any] {
            shape.key += "["
            for item in array { describe(item, into: &shape) }
            shape.key += "]"
        } else {
            shape.key += "?"
            shape.key += String(reflecting: value)
        }
    }

    /// The skeleton of `context`'s shape, or `nil` when the templates do more with its texts than
    /// insert them.
    static func make(
        for context: [String: Any], render: ([String: Any]) throws -> String
    ) rethrows -> PageSkeleton? {
        var values: [String] = []
        let markedA = marking(context, values: &values, marker: markerA)
        var unused: [String] = []
        let markedB = marking(context, values: &unused, marker: markerB)
        let newlines = values.map { $0.hasSuffix("\n") }
        guard let piecesA = cut(try render(markedA), tag: tagA, newlines: newlines),
            let piecesB = cut(try render(markedB), tag: tagB, newlines: newlines), piecesA == piecesB
        else { return nil }
        return PageSkeleton(pieces: piecesA)
    }

    /// The page for `values`, which must come from ``shape(of:)`` of a context of this shape.
    func fill(_ values: [String]) -> String {
        var output = ""
        output.reserveCapacity(literalBytes + values.reduce(0) { $0 + $1.utf8.count } * 2)
        for piece in pieces {
            switch piece {
            case .literal(let text): output += text
            case .value(let index, let escaped): output += escaped ? values[index].escapedForHTML : values[index]
            }
        }
        return output
    }

    // Markers hold `&` (so escaping shows), letters of both cases (so case transforms show) and
    // differ in length between the two sets (so lengths and counts show); U+E000/U+E001 from the
    // Private Use Area delimit them.
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"
    private static let tagA = "Ka&"
    private static let tagB = "Zqx&&"

    private static func markerA(_ index: Int, _ value: String) -> String { marker(tagA, index, value) }
    private static func markerB(_ index: Int, _ value: String) -> String { marker(tagB, index, value) }

    private static func marker(_ tag: String, _ index: Int, _ value: String) -> String {
        "\(open)\(tag)\(index)\(close)" + (value.hasSuffix("\n") ? "\n" : "")
    }

    private static func marking(
        _ context: [String: Any], values: inout [String], marker: (Int, String) -> String
    ) -> [String: Any] {
        (replacingTexts(in: context, values: &values, marker: marker) as? [String: Any]) ?? [:]
    }

    private static func replacingTexts(
        in value: Any, values: inout [String], marker: (Int, String) -> String
    ) -> Any {
        switch value {
        case let text as String:
            guard !text.isEmpty else { return text }
            values.append(text)
            return marker(values.count - 1, text)
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            // Sorted, so that markers are numbered the same way for every context of a shape.
            for key in dictionary.keys.sorted() {
                if let item = dictionary[key] {
                    result[key] = replacingTexts(in: item, values: &values, marker: marker)
                }
            }
            return result
        case let array as [Any]:
            return array.map { replacingTexts(in: $0, values: &values, marker: marker) }
        default:
            return value
        }
    }

    /// `output` cut into literal text and markers; `nil` when a marker was changed on the way.
    private static func cut(_ output: String, tag: String, newlines: [Bool]) -> [Piece]? {
        let escapedTag = tag.escapedForHTML
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(output)
        while let start = rest.firstIndex(of: open) {
            literal += rest[..<start]
            rest = rest[rest.index(after: start)...]
            let escaped: Bool
            if rest.hasPrefix(escapedTag) && escapedTag != tag {
                escaped = true
                rest = rest.dropFirst(escapedTag.count)
            } else if rest.hasPrefix(tag) {
                escaped = false
                rest = rest.dropFirst(tag.count)
            } else {
                return nil
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            guard let index = Int(digits), index < newlines.count, rest.first == close else { return nil }
            rest = rest.dropFirst()
            if newlines[index] {
                guard rest.first == "\n" else { return nil }
                rest = rest.dropFirst()
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.value(index, escaped: escaped))
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
