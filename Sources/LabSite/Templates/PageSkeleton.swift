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
package struct PageSkeleton: Sendable {
    /// A page's texts and the key of its shape: what it sets, its flags and numbers, which texts are
    /// empty and which end in a line break (swift-mustache indents the token after a value that ends
    /// in one).
    package struct Shape: Sendable, TemplateValueSink {
        /// The structure alone, as words, with its hash kept up to date as it grows: looking up
        /// the skeleton of every page then hashes nothing. Equal for two pages only when one
        /// skeleton serves both.
        private(set) var shapeKey = ShapeKey()
        /// The page's non-empty texts, in the order they were set.
        var values: [TemplateText]

        init() {
            // Room for the texts of an event page and its article, so that building the shape of
            // every streamed page does not grow the array.
            values = []
            values.reserveCapacity(48)
        }

        package mutating func set(_ name: TemplateKey, text: String) {
            guard !text.isEmpty else { return shapeKey.append(.emptyText, name) }
            shapeKey.append(TemplateText.endsInLineFeed(text) ? .textEndingInLineFeed : .text, name)
            values.append(.string(text))
        }

        package mutating func set(_ name: TemplateKey, text: TemplateText) {
            guard !text.isEmpty else { return shapeKey.append(.emptyText, name) }
            shapeKey.append(text.endsInLineFeed ? .textEndingInLineFeed : .text, name)
            values.append(text)
        }

        package mutating func set(_ name: TemplateKey, flag: Bool) {
            shapeKey.append(flag ? .flagTrue : .flagFalse, name)
        }

        package mutating func set(_ name: TemplateKey, number: Int) {
            shapeKey.append(.number, name)
            shapeKey.append(word: UInt64(bitPattern: Int64(number)))
        }

        package mutating func set(_ name: TemplateKey, object write: (inout Shape) -> Void) {
            shapeKey.append(.object, name)
            write(&self)
            shapeKey.append(mark: .end)
        }

        package mutating func set(_ name: TemplateKey, objects count: Int, each write: (Int, inout Shape) -> Void) {
            shapeKey.append(.list, name)
            for index in 0..<count {
                shapeKey.append(mark: .element)
                write(index, &self)
                shapeKey.append(mark: .end)
            }
            shapeKey.append(mark: .end)
        }
    }

    /// The structure of a page's variables as words, and their hash.
    ///
    /// Each variable is a header word (what was set, whether its name is a literal, the length of
    /// a name made at run time) followed by its name: a literal's address (one literal always has
    /// the same text, and copying the text of every name for every streamed page showed in
    /// profiles) or a made name's UTF-8 bytes, eight to a word; a number follows as one word more,
    /// an object's variables follow up to an end mark. Every word's meaning follows from the
    /// header before it, so two different structures never have the same words.
    struct ShapeKey: Hashable, Sendable {
        /// What a header word says was set, in its low byte.
        enum Kind: UInt64 {
            case text = 1, emptyText, textEndingInLineFeed, flagTrue, flagFalse, number, object, list
        }

        /// Where an object or a list element ends, or a list element starts.
        enum Mark: UInt64 {
            case element = 0x10, end
        }

        private(set) var words: [UInt64]
        private var mixed: UInt64 = 0x243F_6A88_85A3_08D3

        init() {
            // Room for the variables of an event page and its article.
            words = []
            words.reserveCapacity(192)
        }

        /// The hash, worked out as the words were appended.
        var hash: Int { Int(truncatingIfNeeded: mixed ^ UInt64(words.count)) }

        mutating func append(_ kind: Kind, _ name: TemplateKey) {
            switch name.storage {
            case .literal(let text) where text.hasPointerRepresentation:
                append(word: kind.rawValue | Self.literalBit)
                append(word: UInt64(UInt(bitPattern: text.utf8Start)))
            case .literal(let text): append(kind, made: text.description)
            case .made(let text): append(kind, made: text)
            }
        }

        private mutating func append(_ kind: Kind, made name: String) {
            var name = name
            name.withUTF8 { bytes in
                append(word: kind.rawValue | UInt64(bytes.count) << 16)
                var start = 0
                while start < bytes.count {
                    var word: UInt64 = 0
                    for byte in bytes[start..<Swift.min(start + 8, bytes.count)].reversed() {
                        word = word << 8 | UInt64(byte)
                    }
                    append(word: word)
                    start += 8
                }
            }
        }

        mutating func append(mark: Mark) {
            append(word: mark.rawValue)
        }

        mutating func append(word: UInt64) {
            words.append(word)
            // A multiply and a rotation per word: enough to spread shapes over a table, and far
            // cheaper than hashing the words again for every page.
            let product = (mixed ^ word) &* 0x9E37_79B9_7F4A_7C15
            mixed = product << 27 | product >> 37
        }

        /// Marks a header whose name is a literal's address.
        private static let literalBit: UInt64 = 1 << 8

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: ShapeKey, right: ShapeKey) -> Bool {
            left.mixed == right.mixed && left.words == right.words
        }
    }

    private enum Piece: Sendable, Equatable {
        case literal(String)
        case value(Int, escaped: Bool)
    }

    /// One step of filling in: the literal bytes up to `literalEnd` in ``literals``, then the
    /// value at `value` (none when negative). Plain numbers, so that walking the steps of
    /// every event page retains and releases nothing.
    private struct Step: Sendable {
        var literalEnd: Int
        var value: Int
        var escaped: Bool
    }

    /// Every literal piece's UTF-8 bytes, one after the other.
    private let literals: [UInt8]
    private let steps: [Step]

    private init(pieces: [Piece]) {
        var literals: [UInt8] = []
        var steps: [Step] = []
        for piece in pieces {
            switch piece {
            case .literal(let text): literals += text.utf8
            case .value(let index, let escaped):
                steps.append(Step(literalEnd: literals.count, value: index, escaped: escaped))
            }
        }
        if steps.last?.literalEnd != literals.count || steps.isEmpty {
            steps.append(Step(literalEnd: literals.count, value: -1, escaped: false))
        }
        self.literals = literals
        self.steps = steps
    }

    /// The shape of the page whose variables `write` sets.
    static func shape(of write: (inout Shape) -> Void) -> Shape {
        var shape = Shape()
        write(&shape)
        return shape
    }

    /// The skeleton of the shape of the page whose variables `write` sets, or `nil` when the
    /// templates do more with its texts than insert them.
    static func make(
        for write: (inout TemplateDictionary) -> Void, render: ([String: Any]) throws -> String
    ) rethrows -> PageSkeleton? {
        var markedA = TemplateDictionary(marker: markerA)
        write(&markedA)
        var markedB = TemplateDictionary(marker: markerB)
        write(&markedB)
        let newlines = markedA.texts.map { $0.hasSuffix("\n") }
        guard let piecesA = cut(try render(markedA.values), tag: tagA, newlines: newlines),
            let piecesB = cut(try render(markedB.values), tag: tagB, newlines: newlines), piecesA == piecesB
        else { return nil }
        return PageSkeleton(pieces: piecesA)
    }

    /// Appends the page for `values`, which must come from ``shape(of:)`` of a page of this shape,
    /// to `output` as UTF-8 bytes: building a `String` of every streamed page showed in
    /// profiles.
    func fill(_ values: [TemplateText], into output: inout HTMLBuffer) {
        literals.withUnsafeBufferPointer { literals in
            var start = 0
            for step in steps {
                if step.literalEnd > start {
                    output.append(UnsafeBufferPointer(rebasing: literals[start..<step.literalEnd]))
                    start = step.literalEnd
                }
                guard step.value >= 0 else { continue }
                switch values[step.value] {
                case .string(let text) where step.escaped: output.append(text: text)
                case .string(let text): output.append(markup: text)
                case .utf8(let bytes) where step.escaped: output.append(text: String(decoding: bytes, as: UTF8.self))
                case .utf8(let bytes): output.append(markup: bytes)
                }
            }
        }
    }

    /// Room for the page for `values`, escaping included in most cases.
    func capacity(for values: [TemplateText]) -> Int {
        literals.count + values.reduce(0) { $0 + $1.utf8Count } * 5 / 4
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
