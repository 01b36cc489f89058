import Foundation

/// Gives headings readable, stable, unique ids, including Korean ones.
///
/// `## 사전 준비물` becomes `사전-준비물` (as GitHub does, letters of every script are kept),
/// a second heading with the same text gets `-1`, and `{#custom-id}` overrides the text.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    /// Returns `candidate`, or `candidate-N` when it was already taken in this document.
    mutating func claim(_ candidate: String) -> String {
        guard let count = used[candidate] else {
            used[candidate] = 0
            return candidate
        }
        var next = count + 1
        while used["\(candidate)-\(next)"] != nil { next += 1 }
        used[candidate] = next
        let id = "\(candidate)-\(next)"
        used[id] = 0
        return id
    }

    /// The id for a heading text: lower-cased letters and digits of any script, spaces as `-`.
    static func slug(for title: String) -> String {
        // Runs of `-` become one and none is kept at either end, as the slug is built: searching
        // the slug for `--` again and again showed in profiles of large builds.
        var slug = String.UnicodeScalarView()
        for scalar in title.lowercased().unicodeScalars {
            if isSlugLetter(scalar) {
                slug.append(scalar)
            } else if scalar == "-" || scalar.properties.isWhitespace {
                if let last = slug.last, last != "-" { slug.append("-") }
            }
        }
        if slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// Whether `scalar` is kept in a slug: a letter or digit of any script, or `_`. ASCII and
    /// Hangul syllables, nearly every character of a Korean course's headings, are answered
    /// without looking up Unicode properties, which showed in profiles of large builds.
    private static func isSlugLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0xAC00...0xD7A3: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Splits `"제목 {#my-id}"` into `("제목", "my-id")`; `nil` when the text has no custom id.
    static func splitCustomID(_ text: String) -> (kept: String, id: String)? {
        var body = Substring(text)
        while body.last?.isWhitespace == true { body.removeLast() }
        guard body.hasSuffix("}"), let open = body.range(of: "{#", options: .backwards) else { return nil }
        let id = body[open.upperBound..<body.index(before: body.endIndex)]
        let allowed = id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, allowed else { return nil }
        var kept = body[..<open.lowerBound]
        while kept.last?.isWhitespace == true { kept.removeLast() }
        return (String(kept), String(id))
    }
}
