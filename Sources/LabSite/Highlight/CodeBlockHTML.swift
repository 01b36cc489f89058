/// The HTML of a fenced code block: `<pre><code class="language-X">…</code></pre>`, highlighted
/// at build time.
///
/// A block in one of the ``CodeLanguage``s gets a `<span class="hl-KIND">` per token. Console
/// blocks, numbered blocks and blocks with marked lines wrap every line in
/// `<span class="line …">…\n</span>`; console lines are `command` (with their prompt in
/// `<span class="prompt">`) or `output`. Personal values are wrapped in
/// `<span class="param" data-param="NAME">`, inside the token that holds them. A block in no
/// known language with nothing to wrap is written exactly as cmark writes it.
///
/// It is public rather than package access, with ``CodeInfo`` and ``ValueMark``, because the fuzz
/// harness, a package of its own, calls it.
public enum CodeBlockHTML {
    /// The whole `<pre>` element for the block whose text is `code` (cmark's literal, normally
    /// ending in a line feed) with the info string read as `info`, marking `values`.
    ///
    /// Marks that overlap, fall outside the code or inside a character, hold a line feed, or cut
    /// through a console prompt are left out. No line feed follows `</pre>`.
    public static func render(_ code: String, info: CodeInfo, values: [ValueMark]) -> String {
        let language = info.language.flatMap(CodeLanguage.init(name:))
        let isConsole = language == .console
        let wrapsLines = isConsole || info.showsLineNumbers || !info.markedLines.isEmpty
        var code = code
        return code.withUTF8 { bytes in
            // Text outside the known languages is escaped as cmark escapes it (no `&#39;`), so a
            // block in another language reads the same whether or not it went through here.
            var writer = Writer(code: bytes, marks: usableMarks(values, in: bytes), escapesApostrophe: language != nil)
            writer.html.append("<pre")
            switch (info.showsLineNumbers, isConsole) {
            case (true, true): writer.html.append(" class=\"numbered console\"")
            case (true, false): writer.html.append(" class=\"numbered\"")
            case (false, true): writer.html.append(" class=\"console\"")
            case (false, false): break
            }
            writer.html.append("><code")
            if let name = info.language {
                writer.html.append(" class=\"language-")
                var name = name
                name.withUTF8 { writer.escape($0, 0, $0.count, apostrophe: false) }
                writer.html.append("\"")
            }
            writer.html.append(">")
            if language == nil, !wrapsLines, writer.marks.isEmpty {
                writer.escape(bytes, 0, bytes.count)
            } else {
                var list = TokenList(code: bytes)
                let consoleLines = language.flatMap { $0.tokenize(&list) }
                if let consoleLines { writer.dropMarks(cuttingPromptsOf: consoleLines) }
                let spans = writer.cutAroundMarks(list.spans)
                writer.lines(spans: spans, consoleLines: consoleLines, wraps: wrapsLines, marked: info.markedLines)
            }
            writer.html.append("</code></pre>")
            return writer.html.string
        }
    }

    /// `values` sorted, without those that cannot be wrapped: overlapping an earlier one, outside
    /// the code, starting or ending inside a character, or holding a line feed (a value's span
    /// cannot cross the line spans).
    private static func usableMarks(_ values: [ValueMark], in code: UnsafeBufferPointer<UInt8>) -> [ValueMark] {
        guard !values.isEmpty else { return [] }
        func isBoundary(_ offset: Int) -> Bool { offset == code.count || code[offset] & 0xC0 != 0x80 }
        var marks: [ValueMark] = []
        var previousEnd = 0
        let sorted = values.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        for value in sorted {
            let range = value.range
            guard range.lowerBound >= previousEnd, range.upperBound <= code.count, isBoundary(range.lowerBound),
                isBoundary(range.upperBound), !range.contains(where: { code[$0] == 0x0A })
            else { continue }
            marks.append(value)
            previousEnd = range.upperBound
        }
        return marks
    }
}

/// Writes one block's HTML: escaped text with the value marks inside it, tokens, lines.
private struct Writer: ~Copyable {
    var html: HTMLBuffer
    let code: UnsafeBufferPointer<UInt8>
    private(set) var marks: [ValueMark]
    /// The next mark to write; marks are written in order, each once.
    private var nextMark = 0
    /// Whether `'` is escaped (`&#39;`), as labsite escapes; cmark leaves it.
    private let escapesApostrophe: Bool

    init(code: UnsafeBufferPointer<UInt8>, marks: [ValueMark], escapesApostrophe: Bool) {
        html = HTMLBuffer(capacity: code.count + code.count / 2 + 96)
        self.code = code
        self.marks = marks
        self.escapesApostrophe = escapesApostrophe
    }

    /// Appends the bytes `start..<end` of `bytes` escaped for HTML text.
    mutating func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, apostrophe: Bool? = nil) {
        let escapesApostrophe = apostrophe ?? self.escapesApostrophe
        var runStart = start
        var position = start
        while position < end {
            let byte = bytes[position]
            if let entity = HTMLBuffer.textEscape(byte), byte != UInt8(ascii: "'") || escapesApostrophe {
                html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                html.append(entity)
                runStart = position + 1
            }
            position += 1
        }
        html.append(UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
    }

    /// Appends the code's bytes `start..<end` escaped, with the marks lying within them wrapped.
    mutating func text(_ start: Int, _ end: Int) {
        var position = start
        while nextMark < marks.count {
            let range = marks[nextMark].range
            // A mark before this text was cut off by a token it straddled: it is left out.
            if range.lowerBound < position {
                nextMark += 1
                continue
            }
            guard range.upperBound <= end else { break }
            escape(code, position, range.lowerBound)
            html.append("<span class=\"param\" data-param=\"")
            html.append(text: marks[nextMark].name)
            html.append("\">")
            escape(code, range.lowerBound, range.upperBound)
            html.append("</span>")
            position = range.upperBound
            nextMark += 1
        }
        escape(code, position, end)
    }

    /// Leaves out the marks that cut through a console prompt (one inside a prompt stays).
    mutating func dropMarks(cuttingPromptsOf lines: [ConsoleTokenizer.Line]) {
        guard !marks.isEmpty else { return }
        let prompts = lines.filter { $0.promptEnd > $0.start }.map { $0.start..<$0.promptEnd }
        // Both are in order and a mark holds no line feed, so it can only meet the first prompt
        // that ends after it starts.
        var next = 0
        var kept: [ValueMark] = []
        for mark in marks {
            while next < prompts.count, prompts[next].upperBound <= mark.range.lowerBound { next += 1 }
            let cutsPrompt =
                next < prompts.count && mark.range.overlaps(prompts[next])
                && !(prompts[next].lowerBound <= mark.range.lowerBound
                    && mark.range.upperBound <= prompts[next].upperBound)
            if !cutsPrompt { kept.append(mark) }
        }
        marks = kept
    }

    /// `spans` cut around every mark that no single token holds, so each mark lies within one
    /// token (and is nested in its span) or between tokens.
    func cutAroundMarks(_ spans: [TokenSpan]) -> [TokenSpan] {
        guard !marks.isEmpty else { return spans }
        var straddling: [Range<Int>] = []
        var index = 0
        for mark in marks where !mark.range.isEmpty {
            let range = mark.range
            while index < spans.count, spans[index].end <= range.lowerBound { index += 1 }
            guard index < spans.count, spans[index].start < range.upperBound else { continue }
            if !(spans[index].start <= range.lowerBound && range.upperBound <= spans[index].end) {
                straddling.append(range)
            }
        }
        guard !straddling.isEmpty else { return spans }
        var cut: [TokenSpan] = []
        cut.reserveCapacity(spans.count + straddling.count)
        var first = 0
        for span in spans {
            while first < straddling.count, straddling[first].upperBound <= span.start { first += 1 }
            var start = span.start
            var next = first
            while start < span.end {
                guard next < straddling.count, straddling[next].lowerBound < span.end else {
                    cut.append(TokenSpan(kind: span.kind, start: start, end: span.end))
                    break
                }
                let range = straddling[next]
                if range.lowerBound > start {
                    cut.append(TokenSpan(kind: span.kind, start: start, end: range.lowerBound))
                }
                start = Swift.max(start, range.upperBound)
                next += 1
            }
        }
        return cut
    }

    /// Appends the code line by line: tokens, the text between them, and, when `wraps`, each line
    /// in its `<span class="line …">`.
    mutating func lines(
        spans: [TokenSpan], consoleLines: [ConsoleTokenizer.Line]?, wraps: Bool, marked: Set<Int>
    ) {
        var lineStart = 0
        var lineNumber = 1
        var spanIndex = 0
        var consoleIndex = 0
        while lineStart < code.count {
            var lineEnd = lineStart
            while lineEnd < code.count, code[lineEnd] != 0x0A { lineEnd += 1 }
            var console: ConsoleTokenizer.Line?
            if let consoleLines, consoleIndex < consoleLines.count, consoleLines[consoleIndex].start == lineStart {
                console = consoleLines[consoleIndex]
                consoleIndex += 1
            }
            if wraps {
                html.append("<span class=\"line")
                if let console { html.append(console.isCommand ? " command" : " output") }
                if marked.contains(lineNumber) { html.append(" marked") }
                html.append("\">")
            }
            var position = lineStart
            if let console, console.promptEnd > lineStart {
                html.append("<span class=\"prompt\">")
                text(lineStart, console.promptEnd)
                html.append("</span>")
                position = console.promptEnd
            }
            while spanIndex < spans.count, spans[spanIndex].start < lineEnd {
                let span = spans[spanIndex]
                text(position, span.start)
                html.append(span.kind.openingTag)
                text(span.start, span.end)
                html.append("</span>")
                position = span.end
                spanIndex += 1
            }
            text(position, lineEnd)
            if lineEnd < code.count { html.append(byte: 0x0A) }
            if wraps { html.append("</span>") }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        // Marks still unwritten (an empty one at the very end) go last, so none is lost.
        text(code.count, code.count)
    }
}
