/// A personal value's place in a code block: the bytes holding its default, which the HTML
/// wraps in `<span class="param" data-param="NAME">` so the page's script can show the reader's own.
public struct ValueMark: Equatable, Sendable {
    /// The UTF-8 byte offsets of the default in the block's code.
    public var range: Range<Int>
    /// The value's name, as declared.
    public var name: String

    /// A mark of `name`'s default at `range`.
    public init(range: Range<Int>, name: String) {
        self.range = range
        self.name = name
    }
}
