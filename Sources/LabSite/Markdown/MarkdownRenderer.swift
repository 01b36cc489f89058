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
    ///   - values: The page's own `{{name}}` values, on top of ``MarkdownOptions/values``.
    /// - Throws: ``MarkdownError`` when a directive fails or an image file is missing.
    public func render(
        _ markdown: String, path: String = "", firstLine: Int = 1, values pageValues: [PersonalValue] = []
    ) throws -> RenderedMarkdown {
        // cmark numbers lines counting a lone "\r" as a line end; the source lines below must too.
        let markdown = LineEndings.unified(markdown)
        let placeholders = ValuePlaceholders(PersonalValue.merged(options.values, with: pageValues))
        let (marked, hasValues) = placeholders.prepare(markdown)
        let prepared = KoreanEmphasis.prepare(marked)
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.allowsRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        // Every node, string and buffer of the tree comes from the arena and goes with it.
        return try MarkdownArena.withArena {
            guard let parser = cmark_parser_new_with_mem(cmarkOptions, cmarkArenaMemory) else {
                throw MarkdownError(path: path, line: firstLine, reason: "libcmark could not parse the document.")
            }
            prepared.bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            let finished = cmark_parser_finish(parser)
            cmark_parser_free(parser)
            guard let document = finished else {
                throw MarkdownError(path: path, line: firstLine, reason: "libcmark could not parse the document.")
            }
            defer { cmark_node_free(document) }

            var tree = TreeEditor(
                document: document, cmarkOptions: cmarkOptions, marker: prepared.marker,
                lineOffset: firstLine - 1, source: SourceLines(markdown), path: path, placeholders: placeholders)
            tree.collect(rewritingLinks: options.linkRewriter)
            try tree.replaceImages(files: options.imageFile)
            let headings = tree.replaceHeadings()
            tree.replaceBlockQuotes()
            try tree.replaceCodeBlocks(directives)

            guard let rendered = cmark_render_html(document, cmarkOptions) else {
                throw MarkdownError(path: path, line: firstLine, reason: "libcmark could not render the document.")
            }
            let html = String(cString: rendered)
            return RenderedMarkdown(
                html: hasValues ? placeholders.finish(html) : html, headings: headings, links: tree.links,
                warnings: tree.warnings)
        }
    }
}

/// Walks and edits one parsed cmark tree; lives only for the duration of ``MarkdownRenderer/render(_:path:firstLine:)``.
private struct TreeEditor {
    let document: OpaquePointer
    let cmarkOptions: Int32
    let marker: Unicode.Scalar?
    /// The marker's UTF-8 bytes, NUL-terminated, to find it in cmark's strings without copying them.
    let markerCString: [CChar]
    let lineOffset: Int
    let source: SourceLines
    let path: String
    let placeholders: ValuePlaceholders

    var headings: [OpaquePointer] = []
    var blockQuotes: [OpaquePointer] = []
    var codeBlocks: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var links: [MarkdownLink] = []
    var warnings: [BuildWarning] = []

    init(
        document: OpaquePointer, cmarkOptions: Int32, marker: Unicode.Scalar?, lineOffset: Int, source: SourceLines,
        path: String, placeholders: ValuePlaceholders
    ) {
        self.document = document
        self.cmarkOptions = cmarkOptions
        self.marker = marker
        markerCString = marker.map { Array(String(Character($0)).utf8CString) } ?? []
        self.lineOffset = lineOffset
        self.source = source
        self.path = path
        self.placeholders = placeholders
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
                // A destination with a `{{value}}` is checked with the defaults in it.
                let written = placeholders.template(in: destination)
                links.append(
                    MarkdownLink(
                        destination: placeholders.defaults(in: destination), line: line(of: node, containing: written)))
                if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
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
            let title = placeholders.defaults(in: plainText(of: node))
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

    /// Turns `> [!NOTE]` style blockquotes into callouts (`<aside>`, or `<details>` when marked
    /// `-` or `+`) and runs of `> [!TAB label]` blockquotes into tab sets; plain text after a
    /// callout's marker on its line is the callout's own title.
    mutating func replaceBlockQuotes() {
        // Marker lines and which blockquotes are tabs are read once, before any is replaced: a tab
        // set is a run of neighbouring ones, and replacing a node frees it.
        let markers = blockQuotes.map { markerLine(of: $0) }
        var tabLabels: [OpaquePointer: String] = [:]
        for (node, marker) in zip(blockQuotes, markers) {
            if let marker, let label = Callout.tabLabel(placeholders.defaults(in: marker.text)) {
                tabLabels[node] = label
            }
        }
        var tabs: [OpaquePointer: (label: String, first: Bool, last: Bool)] = [:]
        for (node, label) in tabLabels {
            tabs[node] = (
                label, cmark_node_previous(node).map { tabLabels[$0] == nil } ?? true,
                cmark_node_next(node).map { tabLabels[$0] == nil } ?? true
            )
        }
        for (node, marker) in zip(blockQuotes, markers) {
            guard let marker else { continue }
            if let (label, first, last) = tabs[node] {
                removeMarkerLine(marker)
                let escaped = label.escapedForHTML
                let opening =
                    (first ? "<div class=\"tabs\">\n" : "")
                    + "<div class=\"tab-panel\" data-tab=\"\(escaped)\">\n<p class=\"tab-label\">\(escaped)</p>"
                replace(
                    node, withHTML: opening, keepingChildren: true, closing: "</div>" + (last ? "\n</div>" : ""))
                continue
            }
            guard let (kind, customTitle, folding) = Callout.parse(marker.text) else { continue }
            removeMarkerLine(marker)
            let classes = "callout callout-\(kind.rawValue)"
            let title = kind.title(adding: customTitle).escapedForHTML
            switch folding {
            case nil:
                let opening = "<aside class=\"\(classes)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>"
                replace(node, withHTML: opening, keepingChildren: true, closing: "</aside>")
            case .some(let folding):
                let open = folding == .open ? " open" : ""
                let opening =
                    "<details class=\"\(classes)\"\(open)>\n<summary class=\"callout-title\">\(title)</summary>"
                replace(node, withHTML: opening, keepingChildren: true, closing: "</details>")
            }
        }
    }

    /// The text nodes of a blockquote's first line, when that line is text alone.
    private func markerLine(of node: OpaquePointer) -> (
        text: String, paragraph: OpaquePointer, nodes: [OpaquePointer], lineBreak: OpaquePointer?
    )? {
        guard let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        var nodes: [OpaquePointer] = []
        var text = ""
        var child = cmark_node_first_child(paragraph)
        while let current = child, cmark_node_get_type(current) == CMARK_NODE_TEXT {
            text += string(cmark_node_get_literal(current))
            nodes.append(current)
            child = cmark_node_next(current)
        }
        let endsLine = child.map { [CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type($0)) }
        guard endsLine ?? true, !nodes.isEmpty else { return nil }
        return (text, paragraph, nodes, child)
    }

    /// Removes a marker line, and its paragraph when nothing else was in it.
    private func removeMarkerLine(
        _ marker: (text: String, paragraph: OpaquePointer, nodes: [OpaquePointer], lineBreak: OpaquePointer?)
    ) {
        for node in marker.nodes { cmark_node_free(node) }
        if let lineBreak = marker.lineBreak { cmark_node_free(lineBreak) }
        if cmark_node_first_child(marker.paragraph) == nil { cmark_node_free(marker.paragraph) }
    }

    /// Replaces fenced blocks whose info string names a directive by the directive's HTML, and
    /// other code blocks by their highlighted HTML when there is something to highlight or mark.
    mutating func replaceCodeBlocks(_ directives: [String: Directive]) throws {
        for node in codeBlocks {
            let info = string(cmark_node_get_fence_info(node))
            let words = info.split(whereSeparator: \.isWhitespace).map(String.init)
            let line = Int(cmark_node_get_start_line(node)) + lineOffset
            guard let name = words.first, let directive = directives[name] else {
                replaceCode(node, info: info, line: line)
                continue
            }
            let invocation = DirectiveInvocation(
                name: name, arguments: Array(words.dropFirst()),
                body: placeholders.defaults(in: string(cmark_node_get_literal(node))), path: path, line: line)
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

    /// A code block through ``CodeBlockHTML``; one in no known language, with no values and no
    /// line options, is left to cmark, which writes the same HTML.
    private mutating func replaceCode(_ node: OpaquePointer, info text: String, line: Int) {
        let info = CodeInfo(parsing: text)
        if let problem = info.problem { warnings.append(BuildWarning(path: path, line: line, message: problem)) }
        let (code, values) = placeholders.codeValues(in: string(cmark_node_get_literal(node)))
        let known = info.language.flatMap { CodeLanguage(name: $0) } != nil
        guard known || !values.isEmpty || info.showsLineNumbers || !info.markedLines.isEmpty else { return }
        let html = CodeBlockHTML.render(code, info: info, values: values)
        replace(node, withHTML: html.trimmingTrailingNewlines, keepingChildren: false, closing: "")
    }

    /// Gives every image its size, and makes an image alone in its paragraph, or one with a title,
    /// a `<figure>` whose link opens it full size; checks that each image file is there.
    mutating func replaceImages(files: (@Sendable (String, String) -> URL?)?) throws {
        // An image inside another's description is only text of the outer one's alt text.
        for node in images where !isInsideImage(node) {
            let destination = placeholders.defaults(in: string(cmark_node_get_url(node)))
            let line = line(of: node, containing: placeholders.template(in: string(cmark_node_get_url(node))))
            // cmark's own rendering gives the address and the alt text escaped and checked as always.
            let rendered = renderHTML(of: node)
            let source = Self.attribute("src", in: rendered) ?? ""
            let alt = Self.attribute("alt", in: rendered) ?? ""
            let title = Self.attribute("title", in: rendered)
            if alt.trimmingCharacters(in: .whitespaces).isEmpty {
                warnings.append(
                    BuildWarning(
                        path: path, line: line,
                        message: "The image `\(destination)` has no alt text; describe what it shows for readers "
                            + "who cannot see it."))
            }
            var size = ""
            if let file = files?(path, destination) {
                size = try measure(file, destination: destination, line: line)
            }
            let image = "<img src=\"\(source)\" alt=\"\(alt)\"\(size) loading=\"lazy\">"
            guard let paragraph = cmark_node_parent(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                title != nil || isAlone(node, in: paragraph)
            else {
                let inline = title.map { image.dropLast() + " title=\"\($0)\">" } ?? Substring(image)
                replaceInline(node, withHTML: String(inline))
                continue
            }
            let caption = title ?? alt
            let figure =
                "<figure class=\"figure\">\n<a class=\"figure-zoom\" href=\"\(source)\">\(image)</a>\n"
                + (caption.isEmpty ? "" : "<figcaption>\(caption)</figcaption>\n") + "</figure>"
            splitParagraph(paragraph, around: node, withHTML: figure)
        }
    }

    /// ` width="…" height="…"` for the image in `file`, and the warnings it earns; a missing file
    /// is an error.
    private mutating func measure(_ file: URL, destination: String, line: Int) throws -> String {
        guard let data = try? Data(contentsOf: file, options: .mappedIfSafe) else {
            throw MarkdownError(
                path: path, line: line,
                reason: "The image `\(destination)` is not there: no file \(file.path) was found next to the page.")
        }
        if data.count > 1_000_000 {
            let megabytes = (Double(data.count) / 1_000_000).formatted(.number.precision(.fractionLength(1)))
            warnings.append(
                BuildWarning(
                    path: path, line: line,
                    message: "The image `\(destination)` is \(megabytes) MB; over 1 MB it loads slowly on a "
                        + "phone or a lab network. Make it smaller (a PNG screenshot saved as WebP or JPEG, say)."))
        }
        do {
            guard let size = try ImageSize.read(data) else { return "" }
            return " width=\"\(size.width)\" height=\"\(size.height)\""
        } catch {
            warnings.append(
                BuildWarning(
                    path: path, line: line,
                    message: "The size of the image `\(destination)` could not be read: \(error.localizedDescription)"))
            return ""
        }
    }

    private func isInsideImage(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// Whether `image` is the only thing in `paragraph` but for spaces and line breaks.
    private func isAlone(_ image: OpaquePointer, in paragraph: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            defer { child = cmark_node_next(current) }
            if current == image { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: continue
            case CMARK_NODE_TEXT where string(cmark_node_get_literal(current)).allSatisfy(\.isWhitespace): continue
            default: return false
            }
        }
        return true
    }

    /// Puts `html` in place of `node`, ending the paragraph before it and starting a new one after
    /// it when there is text on either side.
    private func splitParagraph(_ paragraph: OpaquePointer, around node: OpaquePointer, withHTML html: String) {
        if let before = newNode(CMARK_NODE_PARAGRAPH) {
            while let child = cmark_node_first_child(paragraph), child != node {
                _ = cmark_node_append_child(before, child)
            }
            trimBreaks(of: before)
            if cmark_node_first_child(before) == nil {
                cmark_node_free(before)
            } else {
                _ = cmark_node_insert_before(paragraph, before)
            }
        }
        if let block = newNode(CMARK_NODE_CUSTOM_BLOCK) {
            _ = cmark_node_set_on_enter(block, html)
            _ = cmark_node_set_on_exit(block, "")
            _ = cmark_node_insert_before(paragraph, block)
        }
        cmark_node_free(node)
        trimBreaks(of: paragraph)
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
    }

    /// Drops line breaks and blank text at either end of a paragraph.
    private func trimBreaks(of paragraph: OpaquePointer) {
        func isBlank(_ node: OpaquePointer) -> Bool {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: true
            case CMARK_NODE_TEXT: string(cmark_node_get_literal(node)).allSatisfy(\.isWhitespace)
            default: false
            }
        }
        while let first = cmark_node_first_child(paragraph), isBlank(first) { cmark_node_free(first) }
        while let last = cmark_node_last_child(paragraph), isBlank(last) { cmark_node_free(last) }
    }

    /// The value of `name="…"` in one tag cmark wrote, still escaped.
    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(tag[start.upperBound..<end])
    }

    // MARK: - Helpers

    /// Puts a custom inline in place of `node`, without its children.
    private func replaceInline(_ node: OpaquePointer, withHTML html: String) {
        guard let inline = newNode(CMARK_NODE_CUSTOM_INLINE) else { return }
        _ = cmark_node_set_on_enter(inline, html)
        _ = cmark_node_set_on_exit(inline, "")
        _ = cmark_node_insert_before(node, inline)
        cmark_node_free(node)
    }

    /// Puts a custom block in place of `node`; cmark writes `html`, the children (if kept), then `closing`.
    private func replace(_ node: OpaquePointer, withHTML html: String, keepingChildren: Bool, closing: String) {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { return }
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
        // Nearly every heading has no `}` at all, and needs no strings made to tell.
        guard trailing.contains(where: { cmark_node_get_literal($0).map { strchr($0, 0x7D) != nil } ?? false })
        else { return nil }
        let text = trailing.map { string(cmark_node_get_literal($0)) }.joined()
        guard let (kept, id) = HeadingSlugger.splitCustomID(text) else { return nil }
        for textNode in trailing.dropFirst() { cmark_node_free(textNode) }
        if let first = trailing.first {
            if kept.isEmpty { cmark_node_free(first) } else { _ = cmark_node_set_literal(first, kept) }
        }
        return id
    }

    /// A node from the arena: cmark frees a whole tree with its root's allocator.
    private func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, cmarkArenaMemory)
    }

    private func renderHTML(of node: OpaquePointer) -> String {
        // The arena takes back the buffer when the document is done.
        guard let html = cmark_render_html(node, cmarkOptions) else { return "" }
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
        guard marker != nil, let value = get(node), strstr(value, markerCString) != nil else { return }
        // The marker's bytes are dropped from the C string as it is; no other bytes change.
        let count = strlen(value)
        let markerCount = markerCString.count - 1
        var kept: [CChar] = []
        kept.reserveCapacity(count + 1)
        var index = 0
        while index < count {
            if index + markerCount <= count, memcmp(value + index, markerCString, markerCount) == 0 {
                index += markerCount
            } else {
                kept.append(value[index])
                index += 1
            }
        }
        kept.append(0)
        _ = set(node, kept)
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
            for number in start...end where source.line(number, contains: destination) {
                return number + lineOffset
            }
        }
        return start + lineOffset
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// ``MarkdownArena``'s functions as cmark's allocator, made once: cmark keeps the pointer in every
/// node it makes.
nonisolated(unsafe) private let cmarkArenaMemory: UnsafeMutablePointer<cmark_mem> = {
    let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    memory.initialize(
        to: cmark_mem(
            calloc: { MarkdownArena.allocate($0, $1) }, realloc: { MarkdownArena.reallocate($0, $1) },
            free: { MarkdownArena.release($0) }))
    return memory
}()

extension String {
    /// The text without its trailing `\n`s (a `\r\n`, one character, stays), found on the bytes.
    fileprivate var trimmingTrailingNewlines: String {
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "\n") {
            let before = utf8.index(before: end)
            if before > utf8.startIndex, utf8[utf8.index(before: before)] == UInt8(ascii: "\r") { break }
            end = before
        }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}
