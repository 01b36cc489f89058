// The byte classes the tokenizers share. Code is read as UTF-8 bytes; every byte of a multi-byte
// character is 0x80 or above, so it counts as a letter: a token never ends inside a character.
extension UInt8 {
    /// A space or a tab.
    var isBlank: Bool { self == 0x20 || self == 0x09 }

    /// A space, a tab, a carriage return or a line feed.
    var isCodeWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }

    /// `0`–`9`.
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// `0`–`9`, `a`–`f`, `A`–`F`.
    var isHexDigit: Bool { isDigit || (self | 0x20 >= 0x61 && self | 0x20 <= 0x66) }

    /// An ASCII letter.
    var isASCIILetter: Bool { self | 0x20 >= 0x61 && self | 0x20 <= 0x7A }

    /// An ASCII letter or digit.
    var isASCIIAlphanumeric: Bool { isASCIILetter || isDigit }

    /// A byte that may start a name: a letter, `_`, or any byte of a non-ASCII character.
    var isNameHead: Bool { isASCIILetter || self == 0x5F || self >= 0x80 }

    /// A byte that may continue a name: a name head or a digit.
    var isNameBody: Bool { isNameHead || isDigit }

    /// The byte as an ASCII lowercase letter when it is an uppercase one.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
