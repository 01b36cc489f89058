import Foundation

/// The combined handout, `print.html`: a cover, a table of contents and every lab in reading
/// order, each starting on a new printed page with its step numbers kept.
///
/// The labs' HTML is reused as rendered; ids get a per-lab prefix (every lab has a `step-1`)
/// and links are rewritten so that links between labs stay inside the handout.
struct PrintHandout: Sendable {
    /// Where the handout is written.
    static let path = "print.html"

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
                return [
                    "id": "lab-\(prefix)", "title": lab.title, "summary": lab.summary, "url": lab.url,
                    "stepCount": lab.steps.count, "content": rewrite(lab.html, of: lab),
                    "steps": lab.steps.map {
                        ["number": $0.stepNumber ?? 0, "title": $0.title, "id": "\(prefix)-\($0.id)"] as [String: Any]
                    },
                ]
            },
        ]
    }

    /// `guide/cloud trail.html` → `guide-cloud-trail`.
    static func prefix(for url: String) -> String {
        HeadingSlugger.slug(for: String(url.dropLast(".html".count)).replacingOccurrences(of: "/", with: " "))
    }

    /// Prefixes ids and points links at the handout's own copies of the labs.
    func rewrite(_ html: String, of lab: BuiltPage) -> String {
        let prefix = prefixes[lab.url] ?? ""
        var result = ""
        result.reserveCapacity(html.utf8.count + 1024)
        var rest = html[...]
        while let attribute = Self.nextAttribute(in: rest) {
            result += rest[..<attribute.value.lowerBound]
            let value = String(rest[attribute.value])
            switch attribute.name {
            case "id": result += "\(prefix)-\(value)"
            case "href": result += rewriteLink(value, from: lab, prefix: prefix)
            default: result += rewriteLink(value, from: lab, prefix: nil)
            }
            rest = rest[attribute.value.upperBound...]
        }
        result += rest
        return result
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

    /// The next ` id="…"`, ` href="…"` or ` src="…"` inside a tag, with the range of its value.
    private static func nextAttribute(in html: Substring) -> (name: String, value: Range<Substring.Index>)? {
        var best: (name: String, value: Range<Substring.Index>)?
        for name in ["id", "href", "src"] {
            guard let start = html.range(of: " \(name)=\""),
                let end = html[start.upperBound...].firstIndex(of: "\"")
            else { continue }
            if best == nil || start.lowerBound < (best?.value.lowerBound ?? html.endIndex) {
                best = (name, start.upperBound..<end)
            }
        }
        return best
    }
}
