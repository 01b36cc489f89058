/// One piece of a highlighted line: its text and what it is, `nil` for plain text.
package struct HighlightToken: Equatable, Sendable {
    /// What the text is; `nil` for text outside every token.
    package var kind: TokenKind?
    /// The text, never holding a line ending.
    package var text: String

    /// A token of `kind` holding `text`.
    package init(_ kind: TokenKind?, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
