/// Path arithmetic for the site's relative links, which must work from file://, a web root and
/// any sub-folder, so no link ever starts with `/`.
package enum SitePath {
    /// The prefix that leads from `path`'s folder back to the site root (`a/b.html` → `../`).
    package static func rootPrefix(from path: String) -> String {
        // Counted over bytes: every streamed page asks for it several times.
        var segments = 0
        var inSegment = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                segments += 1
            }
        }
        return String(repeating: "../", count: Swift.max(0, segments - 1))
    }

    /// The link from the page at `from` to the file at `to`, both relative to the site root.
    package static func relative(from: String, to: String) -> String {
        rootPrefix(from: from) + to
    }

    /// `target` resolved against the folder of `base` with `.` and `..` removed; `nil` when it leaves the root.
    static func resolve(_ target: String, against base: String) -> String? {
        // Most links are a plain relative path from a plain page path: that is the page's folder
        // and the path, found on the bytes (every link of a large site passes here, some twice).
        if let folderEnd = plainFolderEnd(of: base), isPlain(target) {
            return String(base[..<folderEnd]) + target
        }
        var parts = base.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Where the folder part of `base` ends (after its last `/`, or at its start), when `base` has
    /// no empty part (`//`, a leading or trailing `/`); `nil` otherwise.
    private static func plainFolderEnd(of base: String) -> String.Index? {
        let bytes = base.utf8
        guard bytes.first != slash, bytes.last != slash, !bytes.hasAdjacentSlashes else { return nil }
        return bytes.lastIndex(of: slash).map { bytes.index(after: $0) } ?? bytes.startIndex
    }

    /// Whether `target` is a relative path without empty, `.` or `..` parts.
    private static func isPlain(_ target: String) -> Bool {
        let bytes = target.utf8
        guard let first = bytes.first, first != slash, first != dot, bytes.last != slash,
            !bytes.hasAdjacentSlashes
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == slash, byte == dot { return false }
            previous = byte
        }
        return true
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Whether a link destination leaves the site (`https:`, `mailto:`, `//host`).
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        // Most destinations have no colon at all, which the bytes tell without walking characters.
        guard destination.utf8.contains(UInt8(ascii: ":")) else { return false }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Splits `page.md#anchor` (or `page.md?x#anchor`) into the path and the fragment.
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard destination.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else {
            return (destination, nil)
        }
        var path = Substring(destination)
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return (String(path), fragment)
    }

    /// A Markdown link to a page's source (`cloudtrail.md#step-3`) as a link to its HTML file.
    @Sendable package static func rewriteMarkdownLink(_ destination: String) -> String {
        guard !isExternal(destination), !destination.hasPrefix("/") else { return destination }
        let (path, _) = split(destination)
        guard path.hasSuffix(".md") else { return destination }
        return String(path.dropLast(3)) + ".html" + destination.dropFirst(path.count)
    }
}

extension String.UTF8View {
    /// Whether two `/` follow each other somewhere.
    fileprivate var hasAdjacentSlashes: Bool {
        var previous: UInt8 = 0
        for byte in self {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }
}
