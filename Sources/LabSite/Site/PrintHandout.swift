import Foundation

/// The combined handout, `print.html`: a cover, a table of contents and every lab in reading
/// order, each starting on a new printed page with its step numbers kept.
///
/// The labs' HTML is reused as rendered; ids get a per-lab prefix (every lab has a `step-1`)
/// and links are rewritten so that links between labs stay inside the handout.
package struct PrintHandout: Sendable {
    /// Where the handout is written.
    package static let path = "print.html"

    let labs: [BuiltPage]
    private let prefixes: [String: String]

    init(pages: [BuiltPage]) {
        labs = pages.filter(\.isLab)
        prefixes = Dictionary(
            labs.map { ($0.url, Self.prefix(for: $0.url)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The variables of `print.mustache`.
    func context(settings: SiteSettings) -> [String: Any] {
        [
            "site": ["title": settings.title, "language": settings.language, "description": settings.description]
                .filter { !$0.value.isEmpty },
            "root": "",
            "labCount": labs.count,
            "stepCount": labs.reduce(0) { $0 + $1.steps.count },
            "labs": labs.map { lab -> [String: Any] in
                let prefix = prefixes[lab.url] ?? ""
                var facts = TemplateDictionary()
                SiteContext.write(lab.facts, to: &facts)
                return facts.values.merging([
                    "id": "lab-\(prefix)", "title": lab.title, "summary": lab.summary, "url": lab.url,
                    "stepCount": lab.steps.count, "content": rewrite(lab.html, of: lab),
                    "steps": lab.steps.map {
                        ["number": $0.stepNumber ?? 0, "title": $0.title, "id": "\(prefix)-\($0.id)"] as [String: Any]
                    },
                ]) { _, own in own }
            },
        ]
    }

    /// `guide/cloud trail.html` → `guide-cloud-trail`.
    static func prefix(for url: String) -> String {
        HeadingSlugger.slug(for: String(url.dropLast(".html".count)).replacingOccurrences(of: "/", with: " "))
    }

    /// Prefixes ids and points links at the handout's own copies of the labs.
    ///
    /// One pass over the UTF-8 bytes: the HTML is labsite's own, where attribute values are
    /// always double-quoted and a `"` in text is written `&quot;`, so ` id="` can only start an
    /// attribute.
    func rewrite(_ html: String, of lab: BuiltPage) -> String {
        let prefix = prefixes[lab.url] ?? ""
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1024)
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " "),
                let (name, valueStart) = Self.attribute(in: bytes, at: index + 1),
                let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\""))
            else {
                index += 1
                continue
            }
            output += bytes[copiedUpTo..<valueStart]
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            let rewritten: String
            switch name {
            case .id: rewritten = "\(prefix)-\(value)"
            case .href: rewritten = rewriteLink(value, from: lab, prefix: prefix)
            case .src: rewritten = rewriteLink(value, from: lab, prefix: nil)
            }
            output += rewritten.utf8
            copiedUpTo = valueEnd
            index = valueEnd
        }
        output += bytes[copiedUpTo...]
        return String(decoding: output, as: UTF8.self)
    }

    private enum AttributeName {
        case id, href, src
    }

    private static let openings: [(AttributeName, [UInt8])] = [
        (.id, Array("id=\"".utf8)), (.href, Array("href=\"".utf8)), (.src, Array("src=\"".utf8)),
    ]

    /// The attribute starting at `start` and the index where its value begins, if it is one to rewrite.
    private static func attribute(in bytes: [UInt8], at start: Int) -> (AttributeName, Int)? {
        for (name, opening) in openings {
            let end = start + opening.count
            if end <= bytes.count, bytes[start..<end].elementsEqual(opening) { return (name, end) }
        }
        return nil
    }

    private func rewriteLink(_ value: String, from lab: BuiltPage, prefix: String?) -> String {
        if value.hasPrefix("#") {
            return prefix.map { "#\($0)-\(value.dropFirst())" } ?? value
        }
        guard !value.isEmpty, !SitePath.isExternal(value), !value.hasPrefix("/") else { return value }
        let (path, fragment) = SitePath.split(value)
        guard let resolved = SitePath.resolve(path, against: lab.url) else { return value }
        if prefix != nil, let target = prefixes[resolved] {
            return fragment.map { "#\(target)-\($0)" } ?? "#lab-\(target)"
        }
        return resolved + value.dropFirst(path.count)
    }
}
