import CCmark
import Foundation

/// Renders one Markdown document to HTML through libcmark's syntax tree.
///
/// The document is parsed by cmark, then the tree is adjusted before cmark writes the HTML:
/// headings get stable ids (`{#custom-id}` wins), GitHub-style `> [!NOTE]` blockquotes become
/// asides, fenced blocks named after a registered ``Directive`` are replaced by its HTML, and
/// relative links can be rewritten. Korean emphasis is handled by ``KoreanEmphasis`` before parsing.
///
/// This is the only file that imports `CCmark`; everything leaving it is a Swift value.
public struct MarkdownRenderer: Sendable {
    /// Settings that change what the renderer lets through or rewrites.
    public var options: MarkdownOptions
    /// Generators for fenced blocks, keyed by the first word of the info string.
    public var directives: [String: Directive]

    /// Creates a renderer with the given options and directives.
    public init(options: MarkdownOptions = MarkdownOptions(), directives: [Directive] = []) {
        self.options = options
        self.directives = Dictionary(directives.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The version of the libcmark library this process runs with, such as `0.30.2`.
    public static var libcmarkVersion: String {
        cmark_version_string().map { String(cString: $0) } ?? "unknown"
    }

    /// Renders `markdown` to HTML.
    ///
    /// - Parameters:
    ///   - markdown: The document body, without front matter.
    ///   - path: The source path, used in error messages and passed to directives.
    ///   - firstLine: The line of the source file on which `markdown` starts, so that reported
    ///     lines match the file even when front matter came before the body.
    /// - Throws: ``MarkdownError`` when a directive fails.
    public func render(_ markdown: String, path: String = "", firstLine: Int = 1) throws -> RenderedMarkdown {
        // cmark numbers lines counting a lone "\r" as a line end; the source lines below must too.
        let markdown = LineEndings.unified(markdown)
        let prepared = KoreanEmphasis.prepare(markdown)
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.allowsRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        let bytes = Array(prepared.text.utf8)
        guard
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    cmark_parse_document($0.baseAddress, $0.count, cmarkOptions)
                }
            })
        else {
            throw MarkdownError(path: path, line: firstLine, reason: "libcmark could not parse the document.")
        }
        defer { cmark_node_free(document) }

        var tree = TreeEditor(
            document: document, cmarkOptions: cmarkOptions, marker: prepared.marker,
            lineOffset: firstLine - 1,
            lines: markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
                Substring.init))
        tree.collect(rewritingLinks: options.linkRewriter)
        let headings = tree.replaceHeadings()
        tree.replaceCallouts()
        try tree.replaceDirectives(directives, path: path)

        guard let html = cmark_render_html(document, cmarkOptions) else {
            throw MarkdownError(path: path, line: firstLine, reason: "libcmark could not render the document.")
        }
        defer { free(html) }
        return RenderedMarkdown(html: String(cString: html), headings: headings, links: tree.links)
    }
}

/// Walks and edits one parsed cmark tree; lives only for the duration of ``MarkdownRenderer/render(_:path:firstLine:)``.
private struct TreeEditor {
    let document: OpaquePointer
    let cmarkOptions: Int32
    let marker: Unicode.Scalar?
    let lineOffset: Int
    let lines: [Substring]

    var headings: [OpaquePointer] = []
    var blockQuotes: [OpaquePointer] = []
    var codeBlocks: [OpaquePointer] = []
    var links: [MarkdownLink] = []

    init(document: OpaquePointer, cmarkOptions: Int32, marker: Unicode.Scalar?, lineOffset: Int, lines: [Substring]) {
        self.document = document
        self.cmarkOptions = cmarkOptions
        self.marker = marker
        self.lineOffset = lineOffset
        self.lines = lines
    }

    /// Strips the emphasis marker, records the nodes to edit and the links, in document order.
    mutating func collect(rewritingLinks rewrite: (@Sendable (String) -> String)?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                stripMarker(node, get: cmark_node_get_literal, set: cmark_node_set_literal)
            case CMARK_NODE_CODE_BLOCK:
                stripMarker(node, get: cmark_node_get_literal, set: cmark_node_set_literal)
                stripMarker(node, get: cmark_node_get_fence_info, set: cmark_node_set_fence_info)
                codeBlocks.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                stripMarker(node, get: cmark_node_get_url, set: cmark_node_set_url)
                stripMarker(node, get: cmark_node_get_title, set: cmark_node_set_title)
                let destination = string(cmark_node_get_url(node))
                links.append(MarkdownLink(destination: destination, line: line(of: node, containing: destination)))
                if let rewrite {
                    let rewritten = rewrite(destination)
                    if rewritten != destination { _ = cmark_node_set_url(node, rewritten) }
                }
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_BLOCK_QUOTE:
                blockQuotes.append(node)
            default:
                break
            }
        }
    }

    /// Replaces every heading by the same HTML with an `id`, and returns the headings in order.
    mutating func replaceHeadings() -> [Heading] {
        var slugs = HeadingSlugger()
        var result: [Heading] = []
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            let customID = removeCustomID(from: node)
            let title = plainText(of: node)
            let stepNumber = level == 2 ? Heading.stepNumber(in: title) : nil
            let id = slugs.claim(customID ?? stepNumber.map { "step-\($0)" } ?? HeadingSlugger.slug(for: title))
            let rendered = renderHTML(of: node)
            let openingTag = "<h\(level)>"
            var attributes = " id=\"\(id.escapedForHTML)\""
            if stepNumber != nil { attributes += " class=\"step\"" }
            let html =
                rendered.hasPrefix(openingTag)
                ? "<h\(level)\(attributes)>" + rendered.dropFirst(openingTag.count) : rendered
            let line = Int(cmark_node_get_start_line(node)) + lineOffset
            replace(node, withHTML: html.trimmingTrailingNewlines, keepingChildren: false, closing: "")
            result.append(Heading(level: level, id: id, title: title, stepNumber: stepNumber, line: line))
        }
        return result
    }

    /// Turns `> [!NOTE]` style blockquotes into `<aside class="callout …">`; plain text after the
    /// marker on its line is the callout's own title.
    mutating func replaceCallouts() {
        for node in blockQuotes {
            guard let paragraph = cmark_node_first_child(node),
                cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
            else { continue }
            var markerNodes: [OpaquePointer] = []
            var text = ""
            var child = cmark_node_first_child(paragraph)
            while let current = child, cmark_node_get_type(current) == CMARK_NODE_TEXT {
                text += string(cmark_node_get_literal(current))
                markerNodes.append(current)
                child = cmark_node_next(current)
            }
            let endsLine = child.map {
                [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type($0))
            }
            guard endsLine ?? true, let (kind, customTitle) = Callout.parse(text) else { continue }
            for markerNode in markerNodes { cmark_node_free(markerNode) }
            if let lineBreak = child { cmark_node_free(lineBreak) }
            if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
            let opening =
                "<aside class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n"
                + "<p class=\"callout-title\">\(kind.title(adding: customTitle).escapedForHTML)</p>"
            replace(node, withHTML: opening, keepingChildren: true, closing: "</aside>")
        }
    }

    /// Replaces fenced blocks whose info string names a directive by the directive's HTML.
    mutating func replaceDirectives(_ directives: [String: Directive], path: String) throws {
        guard !directives.isEmpty else { return }
        for node in codeBlocks {
            let info = string(cmark_node_get_fence_info(node))
            let words = info.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let name = words.first, let directive = directives[name] else { continue }
            let line = Int(cmark_node_get_start_line(node)) + lineOffset
            let invocation = DirectiveInvocation(
                name: name, arguments: Array(words.dropFirst()), body: string(cmark_node_get_literal(node)),
                path: path, line: line)
            let html: String
            do {
                html = try directive.render(invocation)
            } catch let error as any LocatedError {
                // A section's own error already names the file and line it is about.
                throw error
            } catch {
                throw MarkdownError(
                    path: path, line: line,
                    reason: "The `\(name)` block could not be generated: \(error.localizedDescription)")
            }
            replace(node, withHTML: html.trimmingTrailingNewlines, keepingChildren: false, closing: "")
        }
    }

    // MARK: - Helpers

    /// Puts a custom block in place of `node`; cmark writes `html`, the children (if kept), then `closing`.
    private func replace(_ node: OpaquePointer, withHTML html: String, keepingChildren: Bool, closing: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = cmark_node_set_on_enter(block, html)
        _ = cmark_node_set_on_exit(block, closing)
        if keepingChildren {
            while let child = cmark_node_first_child(node) { _ = cmark_node_append_child(block, child) }
        }
        _ = cmark_node_insert_before(node, block)
        cmark_node_free(node)
    }

    /// Removes a trailing `{#id}` from a heading's text and returns the id.
    private func removeCustomID(from heading: OpaquePointer) -> String? {
        var trailing: [OpaquePointer] = []
        var node = cmark_node_last_child(heading)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            trailing.insert(current, at: 0)
            node = cmark_node_previous(current)
        }
        let text = trailing.map { string(cmark_node_get_literal($0)) }.joined()
        guard let (kept, id) = HeadingSlugger.splitCustomID(text) else { return nil }
        for textNode in trailing.dropFirst() { cmark_node_free(textNode) }
        if let first = trailing.first {
            if kept.isEmpty { cmark_node_free(first) } else { _ = cmark_node_set_literal(first, kept) }
        }
        return id
    }

    private func renderHTML(of node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, cmarkOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    private func stripMarker(
        _ node: OpaquePointer,
        get: (OpaquePointer?) -> UnsafePointer<CChar>?,
        set: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    ) {
        guard let marker, let value = get(node) else { return }
        let text = String(cString: value)
        guard text.unicodeScalars.contains(marker) else { return }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { $0 != marker })
        _ = set(node, String(scalars))
    }

    /// The source line of an inline node: cmark keeps positions for blocks only, so the
    /// enclosing block's lines are searched for the link's destination.
    private func line(of node: OpaquePointer, containing destination: String) -> Int {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        guard let block else { return lineOffset + 1 }
        let start = Int(cmark_node_get_start_line(block))
        let end = max(start, Int(cmark_node_get_end_line(block)))
        if !destination.isEmpty {
            for number in start...end where number - 1 < lines.count && lines[number - 1].contains(destination) {
                return number + lineOffset
            }
        }
        return start + lineOffset
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
