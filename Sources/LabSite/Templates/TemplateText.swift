import Foundation

/// A text for the templates, as a `String` or as the UTF-8 bytes it was assembled in.
///
/// An event page's article is assembled as bytes and only ever copied into its file; turning each
/// into a `String` would check its Korean text for valid UTF-8 and copy it once more, for every
/// event of a trail.
package enum TemplateText: Sendable, Equatable {
    case string(String)
    /// Valid UTF-8.
    case utf8(Data)

    /// The text as a `String`.
    package var string: String {
        switch self {
        case .string(let text): text
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The length in UTF-8 bytes.
    var utf8Count: Int {
        switch self {
        case .string(let text): text.utf8.count
        case .utf8(let bytes): bytes.count
        }
    }

    /// Texts are equal when they are the same text, whichever form each is in, so that two pages
    /// with the same HTML are equal.
    package static func == (left: TemplateText, right: TemplateText) -> Bool {
        switch (left, right) {
        case (.utf8(let leftBytes), .utf8(let rightBytes)): leftBytes == rightBytes
        default: left.string == right.string
        }
    }

    /// Whether the text is empty.
    var isEmpty: Bool { utf8Count == 0 }

    /// Whether the text's last character is a line feed (`hasSuffix("\n")`).
    var endsInLineFeed: Bool {
        switch self {
        case .string(let text): Self.endsInLineFeed(text)
        case .utf8(let bytes): bytes.withUnsafeBytes { Self.endsInLineFeed($0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Whether `text`'s last character is a line feed, from its last two bytes: `hasSuffix` compares
    /// characters, and even `utf8.last` walks a generic index, which both showed in profiles.
    static func endsInLineFeed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { endsInLineFeed($0) }
    }

    /// A line feed is a character of its own unless it follows a carriage return ("\r\n" is one
    /// character, which is not "\n").
    private static func endsInLineFeed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.last == 0x0A && (bytes.count < 2 || bytes[bytes.count - 2] != 0x0D)
    }
}
