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
        let bytes = title.utf8
        let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        guard bytes.dropFirst(digits.count).starts(with: ". ".utf8) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
