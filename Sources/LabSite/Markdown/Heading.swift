/// A heading of a rendered document.
public struct Heading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The `id` attribute written into the HTML.
    public var id: String
    /// The heading's text without markup.
    public var title: String
    /// The step number when this is a step heading (`## 17. …`), otherwise `nil`.
    public var stepNumber: Int?
    /// The line of the source file where the heading starts.
    public var line: Int

    /// Creates a heading record.
    public init(level: Int, id: String, title: String, stepNumber: Int? = nil, line: Int) {
        self.level = level
        self.id = id
        self.title = title
        self.stepNumber = stepNumber
        self.line = line
    }

    /// The number of a step heading's text (`"17. 추적 생성"` → 17), or `nil`.
    static func stepNumber(in title: String) -> Int? {
        let digits = title.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        let rest = title.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return Int(digits)
    }
}
