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

    /// `print.html` through `print.mustache`.
    ///
    /// Each lab's entry in the table of contents and its article come from the partials
    /// `handout-toc-lab` and `handout-lab`, rendered on all cores through their compiled shapes;
    /// `print.mustache` only puts them in order.
    ///
    /// The labs' HTML is nearly all of a large course's handout, so the templates first get a
    /// short marker as each lab's `content`, and the rewritten HTML is written where the markers
    /// came out: the template engine then never copies it, and the labs' HTML is never held
    /// twice. A template that does more with `content` than insert it (changes its case, say)
    /// leaves a marker changed, and the handout is then rendered with the HTML itself.
    func render(settings: SiteSettings, with templates: TemplateRenderer) throws -> Data {
        let tag = "&Ls\(UUID().uuidString)-"
        let marked = try templates.render(
            "print",
            context: context(settings: settings, with: templates) { index, lab in
                lab.html.isEmpty ? "" : "\(Self.markerOpening)\(tag)\(index)\(Self.markerClosing)"
            })
        if let html = fill(marked, tag: tag) { return html }
        let html = try templates.render(
            "print", context: context(settings: settings, with: templates) { rewrite($1.html, of: $1) })
        return Data(html.utf8)
    }

    /// The variables of `print.mustache`, with `content(index, lab)` as each lab's `content`.
    func context(
        settings: SiteSettings, with templates: TemplateRenderer,
        content: @escaping @Sendable (Int, BuiltPage) -> String
    ) throws -> [String: Any] {
        let parts = try labParts(with: templates, content: content)
        return [
            "site": ["title": settings.title, "language": settings.language, "description": settings.description]
                .filter { !$0.value.isEmpty },
            "root": "",
            "labCount": labs.count,
            "stepCount": labs.reduce(0) { $0 + $1.steps.count },
            "labs": parts.map { lab, toc, article in
                LazyTemplateObject(context: lab, prepared: [("tocEntry", toc), ("article", article)])
            },
        ]
    }

    /// Each lab's variables, entry in the table of contents and article, in order; made on all
    /// cores, each run of labs keeping the shapes it met.
    private func labParts(
        with templates: TemplateRenderer, content: @escaping @Sendable (Int, BuiltPage) -> String
    ) throws -> [(HandoutLabContext, toc: String, article: String)] {
        return try WorkerThreads.map(WorkerThreads.runs(of: labs.count, length: 64)) { run in
            var recent = RecentSkeletons()
            return try run.map { index in
                let lab = labs[index]
                let context = HandoutLabContext(lab: lab, prefix: prefixes[lab.url] ?? "", content: content(index, lab))
                return (
                    context,
                    try templates.renderLine("partials/handout-toc-lab", with: context, recent: &recent),
                    try templates.renderLine("partials/handout-lab", with: context, recent: &recent)
                )
            }
        }.flatMap { try $0.get() }
    }

    // Private Use Area characters around each marker: a course's text rarely holds them, and one
    // that does only sends the handout down the slower path (a test checks a title that does).
    private static let markerOpening: Character = "\u{E000}"
    private static let markerClosing: Character = "\u{E001}"

    /// `marked` with each marker replaced by its lab's rewritten HTML (escaped where the marker came
    /// out escaped); `nil` when a marker came out changed, or something else looks like one.
    private func fill(_ marked: String, tag: String) -> Data? {
        let escapedTag = Array(tag.escapedForHTML.utf8)
        let tag = Array(tag.utf8)
        let opening = Array(String(Self.markerOpening).utf8)
        let closing = Array(String(Self.markerClosing).utf8)
        var marked = marked
        return marked.withUTF8 { bytes -> Data? in
            var output = HTMLBuffer(capacity: bytes.count + labs.reduce(0) { $0 + $1.html.utf8.count } * 9 / 8)
            var copied = 0
            var index = 0
            while let start = bytes.firstIndex(ofBytes: opening, from: index) {
                output.append(UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                index = start + opening.count
                let escaped = bytes.hasBytes(escapedTag, at: index)
                guard escaped || bytes.hasBytes(tag, at: index) else { return nil }
                index += escaped ? escapedTag.count : tag.count
                var number = 0
                let digits = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]),
                    index - digits < 9
                {
                    number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    index += 1
                }
                guard index > digits, number < labs.count, bytes.hasBytes(closing, at: index) else {
                    return nil
                }
                index += closing.count
                copied = index
                let lab = labs[number]
                if escaped {
                    output.append(text: rewrite(lab.html, of: lab))
                } else {
                    rewrite(lab.html, of: lab, into: &output)
                }
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output.data()
        }
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
        var output = HTMLBuffer(capacity: html.utf8.count + 1024)
        rewrite(html, of: lab, into: &output)
        return output.string
    }

    /// Appends `html` rewritten as ``rewrite(_:of:)`` does to `output`.
    func rewrite(_ html: String, of lab: BuiltPage, into output: inout HTMLBuffer) {
        var html = html
        html.withUTF8 { rewrite($0, of: lab, into: &output) }
    }

    private func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, of lab: BuiltPage, into output: inout HTMLBuffer) {
        let prefix = prefixes[lab.url] ?? ""
        let equalsQuote: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: "\"")]
        let quote: [UInt8] = [UInt8(ascii: "\"")]
        var index = 0
        var copiedUpTo = 0
        // Every attribute value starts after `="`, found with `memchr`: looking at every space of
        // the text for an attribute name was most of the handout's last, single-threaded stretch.
        while let equals = bytes.firstIndex(ofBytes: equalsQuote, from: index) {
            let valueStart = equals + 2
            guard let name = Self.attributeName(before: equals, in: bytes),
                let valueEnd = bytes.firstIndex(ofBytes: quote, from: valueStart)
            else {
                index = valueStart
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<valueStart]))
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            let rewritten: String
            switch name {
            case .id: rewritten = "\(prefix)-\(value)"
            case .href: rewritten = rewriteLink(value, from: lab, prefix: prefix)
            case .src: rewritten = rewriteLink(value, from: lab, prefix: nil)
            }
            output.append(markup: rewritten)
            copiedUpTo = valueEnd
            index = valueEnd
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[copiedUpTo...]))
    }

    private enum AttributeName {
        case id, href, src
    }

    /// The attribute to rewrite whose name (after a space) ends at `end`, where its `="` is.
    private static func attributeName(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AttributeName? {
        if has(" id", endingAt: end, in: bytes) { return .id }
        if has(" href", endingAt: end, in: bytes) { return .href }
        if has(" src", endingAt: end, in: bytes) { return .src }
        return nil
    }

    private static func has(_ text: StaticString, endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.utf8CodeUnitCount
        guard end >= count, let base = bytes.baseAddress else { return false }
        return memcmp(base + end - count, text.utf8Start, count) == 0
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
