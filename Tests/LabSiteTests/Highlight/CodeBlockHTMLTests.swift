import Testing

@testable import LabSite

/// The HTML of whole code blocks, exactly as issue 20's contract writes it.
@Suite("Code block HTML")
struct CodeBlockHTMLTests {
    private func render(_ code: String, _ info: String, _ values: [ValueMark] = []) -> String {
        CodeBlockHTML.render(code, info: CodeInfo(parsing: info), values: values)
    }

    /// A mark of the first occurrence of `text` in `code`.
    private func mark(_ text: String, in code: String, as name: String) throws -> ValueMark {
        let range = try #require(code.range(of: text))
        let start = code.utf8.distance(from: code.startIndex, to: range.lowerBound)
        return ValueMark(range: start..<start + text.utf8.count, name: name)
    }

    @Test("the contract's console example, with a continued command and an output line")
    func contractExample() {
        let code = "$ aws sts get-caller-identity \\\n    --output json\n{\n"
        #expect(
            render(code, "console") == #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> sts get-caller-identity \
                </span><span class="line command">    <span class="hl-option">--output</span> json
                </span><span class="line output">{
                </span></code></pre>
                """#)
    }

    @Test("the four prompts: $, #, PS> and PS with a path; the rest of each line is output")
    func prompts() {
        let code = #"""
            $ whoami
            ec2-user
            # whoami
            root
            PS> Get-Date
            PS C:\Users\lab> Get-Location
            C:\Users\lab

            """#
        #expect(
            render(code, "console") == #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">whoami</span>
                </span><span class="line output">ec2-user
                </span><span class="line command"><span class="prompt"># </span><span class="hl-command">whoami</span>
                </span><span class="line output">root
                </span><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Get-Date</span>
                </span><span class="line command"><span class="prompt">PS C:\Users\lab&gt; </span><span class="hl-command">Get-Location</span>
                </span><span class="line output">C:\Users\lab
                </span></code></pre>
                """#)
    }

    @Test("a backtick continues a PowerShell command; a backslash does not")
    func powerShellContinuation() {
        let code = "PS> Get-S3Object -BucketName lab `\n  -Key a.txt\nPS> Write-Output C:\\\nout\n"
        #expect(
            render(code, "shell-session") == #"""
                <pre class="console"><code class="language-shell-session"><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Get-S3Object</span> <span class="hl-option">-BucketName</span> lab `
                </span><span class="line command">  <span class="hl-option">-Key</span> a.txt
                </span><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Write-Output</span> C:\
                </span><span class="line output">out
                </span></code></pre>
                """#)
    }

    @Test("a backslash continues a bash command over several lines, an escaped one does not")
    func bashContinuation() {
        let code = "$ echo a \\\n  b \\\n  c\n$ echo \\\\\nd\n"
        #expect(
            render(code, "console") == #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">echo</span> a \
                </span><span class="line command">  b \
                </span><span class="line command">  c
                </span><span class="line command"><span class="prompt">$ </span><span class="hl-command">echo</span> \\
                </span><span class="line output">d
                </span></code></pre>
                """#)
    }

    @Test("numbered lines with marked lines: every line wrapped, the pre classed numbered")
    func numberedAndMarked() {
        let code = "aws s3 ls\naws s3 mb s3://lab\necho done\nexit 0\n"
        #expect(
            render(code, "bash {2,4-5} showLineNumbers") == #"""
                <pre class="numbered"><code class="language-bash"><span class="line"><span class="hl-command">aws</span> s3 ls
                </span><span class="line marked"><span class="hl-command">aws</span> s3 mb s3://lab
                </span><span class="line"><span class="hl-command">echo</span> done
                </span><span class="line marked"><span class="hl-command">exit</span> <span class="hl-number">0</span>
                </span></code></pre>
                """#)
    }

    @Test("a numbered console block carries both classes and marks its lines")
    func numberedConsole() {
        #expect(
            render("$ ls\nfile\n", "console showLineNumbers {2}") == #"""
                <pre class="numbered console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">ls</span>
                </span><span class="line output marked">file
                </span></code></pre>
                """#)
    }

    @Test("marked lines alone wrap lines without numbering them")
    func markedOnly() {
        #expect(
            render("a = 1\nb = 2\n", "python {1}") == #"""
                <pre><code class="language-python"><span class="line marked">a = <span class="hl-number">1</span>
                </span><span class="line">b = <span class="hl-number">2</span>
                </span></code></pre>
                """#)
    }

    @Test("a malformed line list marks nothing and says why")
    func malformedLineList() {
        let info = CodeInfo(parsing: "bash {2,x}")
        #expect(
            info.problem == "The line list `{2,x}` is not a list of line numbers and ranges such as `{2,4-5}`.")
        #expect(info.markedLines.isEmpty)
        #expect(
            CodeBlockHTML.render("ls\nls\n", info: info, values: []) == #"""
                <pre><code class="language-bash"><span class="hl-command">ls</span>
                <span class="hl-command">ls</span>
                </code></pre>
                """#)
    }

    @Test(
        "an unknown language or none is written exactly as cmark writes it",
        arguments: ["foo", "", "text", "mermaid"])
    func unknownLanguageIsCmark(_ language: String) throws {
        let code = "a < b && c > \"d\" 'e'\n\tindented\n"
        let cmark = try MarkdownRenderer().render("```\(language)\n\(code)```\n").html
        #expect(render(code, language) + "\n" == cmark)
    }

    @Test("an unknown language keeps cmark's text inside numbered lines and values")
    func unknownLanguageWrapped() throws {
        let code = "it's <here>\n"
        #expect(
            render(code, "text showLineNumbers", [try mark("here", in: code, as: "place")]) == #"""
                <pre class="numbered"><code class="language-text"><span class="line">it's &lt;<span class="param" data-param="place">here</span>&gt;
                </span></code></pre>
                """#)
        #expect(render("x\n", "{1}") == "<pre><code><span class=\"line marked\">x\n</span></code></pre>")
    }

    @Test("the class keeps the language as written: an alias, or capitals")
    func languageAsWritten() {
        #expect(
            render("ls\n", "sh") == #"<pre><code class="language-sh"><span class="hl-command">ls</span>"#
                + "\n</code></pre>")
        #expect(
            render("ls\n", "Bash") == #"<pre><code class="language-Bash"><span class="hl-command">ls</span>"#
                + "\n</code></pre>")
        #expect(render("x: 1\n", "yml").contains(#"<span class="hl-key">x</span>"#))
    }

    @Test("a value inside a string is nested in the string's span")
    func valueInsideString() throws {
        let code = #"aws iam get-user --user-name "lab-user""# + "\n"
        #expect(
            render(code, "bash", [try mark("lab-user", in: code, as: "user")]) == #"""
                <pre><code class="language-bash"><span class="hl-command">aws</span> iam get-user <span class="hl-option">--user-name</span> <span class="hl-string">&quot;<span class="param" data-param="user">lab-user</span>&quot;</span>
                </code></pre>
                """#)
    }

    @Test("a value that is a whole token is nested in it; one in plain text stands alone")
    func valueIsWholeToken() throws {
        let code = #"{"AccountId": 123456789012, "Region": "ap-northeast-2"}"# + "\n"
        let values = [
            try mark("123456789012", in: code, as: "account"), try mark("ap-northeast-2", in: code, as: "region"),
        ]
        #expect(
            render(code, "json", values) == #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;AccountId&quot;</span>: <span class="hl-number"><span class="param" data-param="account">123456789012</span></span>, <span class="hl-key">&quot;Region&quot;</span>: <span class="hl-string">&quot;<span class="param" data-param="region">ap-northeast-2</span>&quot;</span>}
                </code></pre>
                """#)
        let plain = "aws s3 ls --region ap-northeast-2\n"
        #expect(
            render(plain, "bash", [try mark("ap-northeast-2", in: plain, as: "region")]) == #"""
                <pre><code class="language-bash"><span class="hl-command">aws</span> s3 ls <span class="hl-option">--region</span> <span class="param" data-param="region">ap-northeast-2</span>
                </code></pre>
                """#)
    }

    @Test("a value across several tokens cuts them and stands between their pieces")
    func valueAcrossTokens() throws {
        let code = "SELECT * FROM logs WHERE x = 1\n"
        #expect(
            render(code, "sql", [try mark("WHERE x", in: code, as: "filter")]) == #"""
                <pre><code class="language-sql"><span class="hl-keyword">SELECT</span> * <span class="hl-keyword">FROM</span> logs <span class="param" data-param="filter">WHERE x</span> <span class="hl-operator">=</span> <span class="hl-number">1</span>
                </code></pre>
                """#)
        let partly = "echo \"abc\"def\n"
        #expect(
            render(partly, "bash", [try mark("c\"d", in: partly, as: "v")]) == #"""
                <pre><code class="language-bash"><span class="hl-command">echo</span> <span class="hl-string">&quot;ab</span><span class="param" data-param="v">c&quot;d</span>ef
                </code></pre>
                """#)
    }

    @Test("values in a console prompt, command and output line")
    func valuesInConsole() throws {
        let code = "PS C:\\Users\\lab> Get-IAMUser -UserName lab\nlab\n"
        let bytes = Array(code.utf8)
        let labs = (0..<bytes.count - 2).filter { bytes[$0..<$0 + 3] == ArraySlice("lab".utf8) }
        let values = labs.map { ValueMark(range: $0..<$0 + 3, name: "user") }
        #expect(values.count == 3)
        #expect(
            render(code, "console", values) == #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS C:\Users\<span class="param" data-param="user">lab</span>&gt; </span><span class="hl-command">Get-IAMUser</span> <span class="hl-option">-UserName</span> <span class="param" data-param="user">lab</span>
                </span><span class="line output"><span class="param" data-param="user">lab</span>
                </span></code></pre>
                """#)
        // A value cutting through a prompt is left out: the prompt's span cannot be split.
        #expect(render("$ ls\n", "console", [ValueMark(range: 1..<3, name: "x")]) == render("$ ls\n", "console"))
    }

    @Test("values that cannot be wrapped are left out: overlapping, outside, inside a character, over a line end")
    func unusableValues() {
        let code = "가 bc\nd\n"  // 가 is bytes 0 to 2
        let values = [
            ValueMark(range: 3..<5, name: "b"),
            ValueMark(range: 4..<6, name: "overlapping"),
            ValueMark(range: 1..<3, name: "inside-a-character"),
            ValueMark(range: 5..<8, name: "over-a-line-end"),
            ValueMark(range: 8..<99, name: "outside"),
        ]
        #expect(
            render(code, "text", values)
                == "<pre><code class=\"language-text\">가<span class=\"param\" data-param=\"b\"> b</span>c\nd\n</code></pre>"
        )
    }

    @Test("an empty value is written as an empty span where it stands")
    func emptyValue() {
        #expect(
            render("ls\n", "bash", [ValueMark(range: 2..<2, name: "suffix")])
                == #"<pre><code class="language-bash"><span class="hl-command">ls<span class="param" data-param="suffix"></span></span>"#
                + "\n</code></pre>")
        #expect(
            render("", "bash", [ValueMark(range: 0..<0, name: "all")])
                == #"<pre><code class="language-bash"><span class="param" data-param="all"></span></code></pre>"#)
    }

    @Test("<, >, &, \" and ' are escaped in tokens, plain text, prompts, classes and value names")
    func escaping() throws {
        let code = #"PS C:\a&b> Write-Output "<'&'>" '"' <x>"# + "\n"
        #expect(
            render(code, "console", [try mark("x>", in: code, as: "a\"b<")]) == #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS C:\a&amp;b&gt; </span><span class="hl-command">Write-Output</span> <span class="hl-string">&quot;&lt;&#39;&amp;&#39;&gt;&quot;</span> <span class="hl-string">&#39;&quot;&#39;</span> <span class="hl-operator">&lt;</span><span class="param" data-param="a&quot;b&lt;">x&gt;</span>
                </span></code></pre>
                """#)
        #expect(render("x\n", "a<b>&\"") == "<pre><code class=\"language-a&lt;b&gt;&amp;&quot;\">x\n</code></pre>")
    }

    @Test("an empty block is an empty code element, numbered or not")
    func emptyBlock() {
        #expect(render("", "bash") == #"<pre><code class="language-bash"></code></pre>"#)
        #expect(
            render("", "console showLineNumbers")
                == #"<pre class="numbered console"><code class="language-console"></code></pre>"#)
        #expect(render("", "") == "<pre><code></code></pre>")
        #expect(
            render("\n", "bash {1}") == #"<pre><code class="language-bash"><span class="line marked">"#
                + "\n</span></code></pre>")
    }

    @Test("a block without a final line feed ends its last line without one")
    func noTrailingLineFeed() {
        #expect(
            render("ls -l\necho hi", "bash showLineNumbers") == #"""
                <pre class="numbered"><code class="language-bash"><span class="line"><span class="hl-command">ls</span> <span class="hl-option">-l</span>
                </span><span class="line"><span class="hl-command">echo</span> hi</span></code></pre>
                """#)
        #expect(
            render("$ ls", "console")
                == #"<pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">ls</span></span></code></pre>"#
        )
    }

    @Test("tokens over several lines are cut at each line end")
    func multiLineTokens() {
        #expect(
            render("x = '''a\nb'''\n", "python {1}") == #"""
                <pre><code class="language-python"><span class="line marked">x = <span class="hl-string">&#39;&#39;&#39;a</span>
                </span><span class="line"><span class="hl-string">b&#39;&#39;&#39;</span>
                </span></code></pre>
                """#)
    }

    @Test("every language and alias is recognised without case; others are not")
    func languages() {
        let names: [String: CodeLanguage] = [
            "bash": .bash, "sh": .bash, "shell": .bash, "zsh": .bash, "console": .console, "shell-session": .console,
            "json": .json, "yaml": .yaml, "yml": .yaml, "python": .python, "py": .python, "powershell": .powershell,
            "ps1": .powershell, "pwsh": .powershell, "ini": .ini, "cfg": .ini, "conf": .ini, "sql": .sql,
            "diff": .diff, "patch": .diff, "BASH": .bash, "Yml": .yaml, "PowerShell": .powershell,
        ]
        for (name, language) in names { #expect(CodeLanguage(name: name) == language, "\(name)") }
        for name in ["", "js", "text", "bash2", "jsonc", "toml", "Dockerfile"] {
            #expect(CodeLanguage(name: name) == nil)
        }
    }
}
