/// Lets `*` emphasis close and open next to Hangul and other CJK letters.
///
/// CommonMark decides whether a `*` run may open or close emphasis from its neighbours: a run
/// that follows punctuation and is followed by a letter cannot close, so `**[경보 생성]**을`
/// keeps its asterisks in every CommonMark implementation. Korean attaches particles to exactly
/// such spans. Following the "CJK-friendly emphasis" proposal, a CJK letter next to a run is
/// treated like punctuation when the other side is punctuation, which only ever *adds* the
/// right to open or close; every other case keeps CommonMark's rules.
///
/// cmark's inline parser cannot be extended, so the rule is applied to the source: a rare
/// punctuation character (the marker) is put between such a run and the CJK letter, making
/// cmark see punctuation on both sides. The marker cannot change block structure (it is never
/// put at the start of a line) and the renderer removes it from every string in the tree.
/// `_` is left alone, so `snake_case` next to Hangul never turns into emphasis.
enum KoreanEmphasis {
    /// Punctuation characters (Unicode category Po) that Korean text does not use; the first one
    /// absent from a document becomes its marker.
    static let markerCandidates: [Unicode.Scalar] = ["\u{2E2E}", "\u{2E35}", "\u{2E39}", "\u{2E3F}", "\u{2E4F}"]

    /// The source's UTF-8 bytes with markers inserted, as cmark reads them, and the marker used
    /// (`nil` when nothing was inserted).
    ///
    /// One pass over the UTF-8 bytes that decodes only the neighbours of `*` runs (walking every
    /// scalar of every page showed in profiles of large builds).
    static func prepare(_ source: String) -> (bytes: [UInt8], marker: Unicode.Scalar?) {
        var source = source
        let prepared: (bytes: [UInt8], marker: Unicode.Scalar)? = source.withUTF8 { bytes in
            let insertions = insertionOffsets(in: bytes)
            guard !insertions.isEmpty,
                let marker = markerCandidates.first(where: {
                    bytes.firstIndex(ofBytes: Array(String(Character($0)).utf8), from: 0) == nil
                })
            else { return nil }
            let markerBytes = Array(String(Character(marker)).utf8)
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count + insertions.count * markerBytes.count)
            var copied = 0
            for offset in insertions {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<offset]))
                text.append(contentsOf: markerBytes)
                copied = offset
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return (text, marker)
        }
        guard let prepared else { return (Array(source.utf8), nil) }
        return (prepared.bytes, prepared.marker)
    }

    private static let star = [UInt8(ascii: "*")]

    /// Where a marker goes, as byte offsets in `bytes` (valid UTF-8), in increasing order.
    private static func insertionOffsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var insertions: [Int] = []
        var index = 0
        while let star = bytes.firstIndex(ofBytes: star, from: index) {
            index = star
            var end = index
            while end < bytes.count, bytes[end] == UInt8(ascii: "*") { end += 1 }
            if index > 0, end < bytes.count {
                let before = scalar(endingAt: index, in: bytes)
                let after = scalar(startingAt: end, in: bytes)
                // A CJK letter before a run that is followed by punctuation: the run may open.
                if isCJKLetter(before), isPunctuation(after) { insertions.append(index) }
                // Punctuation before a run that is followed by a CJK letter: the run may close.
                if isPunctuation(before), isCJKLetter(after) { insertions.append(end) }
            }
            index = end
        }
        return insertions
    }

    /// The scalar whose UTF-8 bytes start at `start`.
    private static func scalar(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return decode(bytes[start..<end])
    }

    /// The scalar whose UTF-8 bytes end just before `end`.
    private static func scalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes[start..<end])
    }

    private static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "\u{FFFD}" }
        return scalar
    }

    /// CommonMark's punctuation: ASCII punctuation or a Unicode punctuation category (P*).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
                || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Hangul, Han, kana and other East Asian letters that are not punctuation.
    static func isCJKLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x1100 else { return false }
        switch scalar.value {
        case 0x1100...0x11FF,  // Hangul Jamo
            0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
            0x3040...0x30FF,  // Hiragana, Katakana
            0x3100...0x312F,  // Bopomofo
            0x3130...0x318F,  // Hangul compatibility Jamo
            0x31A0...0x31FF,  // Bopomofo extended, CJK strokes, Katakana extension
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7AF,  // Hangul syllables
            0xD7B0...0xD7FF,  // Hangul Jamo extended B
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFFDC,  // halfwidth Katakana and Hangul
            0x20000...0x3FFFF:  // CJK extensions B and later
            return !isPunctuation(scalar)
        default:
            return false
        }
    }
}
