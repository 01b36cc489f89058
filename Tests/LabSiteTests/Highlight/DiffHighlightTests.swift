import Testing

@testable import LabSite

/// Diff samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting diff")
struct DiffHighlightTests {
    static let snippets: [Snippet] = [
        // written for these tests from labsite's own course files (content/site.yml, content/iam/*.json, content/cloudtrail.md)
        Snippet(
            "diff",
            #"""
            --- a/content/site.yml
            +++ b/content/site.yml
            @@ -1,3 +1,3 @@
             title: AWS 보안 모니터링 실습
            -language: en
            +language: ko
             baseURL: /

            """#,
            [
                .meta("--- a/content/site.yml"), .meta("+++ b/content/site.yml"), .meta("@@ -1,3 +1,3 @@"),
                .deleted("-language: en"), .inserted("+language: ko"),
            ],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">--- a/content/site.yml</span>
                <span class="hl-meta">+++ b/content/site.yml</span>
                <span class="hl-meta">@@ -1,3 +1,3 @@</span>
                 title: AWS 보안 모니터링 실습
                <span class="hl-deleted">-language: en</span>
                <span class="hl-inserted">+language: ko</span>
                 baseURL: /
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            diff --git a/policy.json b/policy.json
            index 3b18e51..a1c2d3f 100644
            --- a/policy.json
            +++ b/policy.json
            @@ -2,5 +2,5 @@
               "Statement": [{
                 "Effect": "Allow",
            -    "Action": "s3:*",
            +    "Action": "s3:GetObject",
                 "Resource": "*"

            """#,
            [
                .meta("diff --git a/policy.json b/policy.json"), .meta("index 3b18e51..a1c2d3f 100644"),
                .meta("--- a/policy.json"), .meta("+++ b/policy.json"), .meta("@@ -2,5 +2,5 @@"),
                .deleted(#"-    "Action": "s3:*","#), .inserted(#"+    "Action": "s3:GetObject","#),
            ]),
        Snippet(
            "diff",
            #"""
            @@ -10,2 +10,3 @@ Resources:
               Bucket:
            +    DeletionPolicy: Retain
                 Type: AWS::S3::Bucket

            """#,
            [.meta("@@ -10,2 +10,3 @@ Resources:"), .inserted("+    DeletionPolicy: Retain")]),
        Snippet(
            "diff",
            #"""
            -old line
            +new line
             context

            """#,
            [.deleted("-old line"), .inserted("+new line")]),
        Snippet(
            "diff",
            #"""
            --- a/a.txt
            +++ b/a.txt
            @@ -1 +1 @@
            -hello
            +hello world
            \ No newline at end of file

            """#,
            [
                .meta("--- a/a.txt"), .meta("+++ b/a.txt"), .meta("@@ -1 +1 @@"), .deleted("-hello"),
                .inserted("+hello world"), .comment(#"\ No newline at end of file"#),
            ],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">--- a/a.txt</span>
                <span class="hl-meta">+++ b/a.txt</span>
                <span class="hl-meta">@@ -1 +1 @@</span>
                <span class="hl-deleted">-hello</span>
                <span class="hl-inserted">+hello world</span>
                <span class="hl-comment">\ No newline at end of file</span>
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            @@ -1,3 +1,3 @@
            ---- removed line that looks like a header
            ++++ added line that looks like a header
             context

            """#,
            [
                .meta("@@ -1,3 +1,3 @@"), .deleted("---- removed line that looks like a header"),
                .inserted("++++ added line that looks like a header"),
            ],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">@@ -1,3 +1,3 @@</span>
                <span class="hl-deleted">---- removed line that looks like a header</span>
                <span class="hl-inserted">++++ added line that looks like a header</span>
                 context
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            diff --git a/content/images/trail.png b/content/images/trail.png
            new file mode 100644
            Binary files /dev/null and b/content/images/trail.png differ

            """#,
            [
                .meta("diff --git a/content/images/trail.png b/content/images/trail.png"),
                .meta("new file mode 100644"), .meta("Binary files /dev/null and b/content/images/trail.png differ"),
            ]),
        Snippet(
            "diff",
            #"""
            diff --git a/old.md b/new.md
            similarity index 90%
            rename from old.md
            rename to new.md

            """#,
            [
                .meta("diff --git a/old.md b/new.md"), .meta("similarity index 90%"), .meta("rename from old.md"),
                .meta("rename to new.md"),
            ]),
        Snippet(
            "diff",
            #"""
            Index: content/cloudtrail.md
            ===================================================================
            --- content/cloudtrail.md
            +++ content/cloudtrail.md

            """#,
            [
                .meta("Index: content/cloudtrail.md"),
                .meta("==================================================================="),
                .meta("--- content/cloudtrail.md"), .meta("+++ content/cloudtrail.md"),
            ]),
        Snippet(
            "diff",
            #"""
            @@ -5,4 +5,4 @@
             사용자 데이터는 인스턴스가 처음 시작될 때 한 번 실행되는 셸 스크립트이다.
            -첫 줄은 `dnf`로 Apache를 설치한다.
            +첫 줄은 `dnf`로 Apache 웹 서버(`httpd`)를 설치한다.
            \#u{20}

            """#,
            [
                .meta("@@ -5,4 +5,4 @@"), .deleted("-첫 줄은 `dnf`로 Apache를 설치한다."),
                .inserted("+첫 줄은 `dnf`로 Apache 웹 서버(`httpd`)를 설치한다."),
            ]),
        Snippet(
            "diff",
            #"""
            @@ -1,2 +1,2 @@
            -echo "<h1>old</h1>" > index.html
            +echo "<h1>lab-web & 'co'</h1>" > index.html

            """#,
            [
                .meta("@@ -1,2 +1,2 @@"), .deleted(#"-echo "<h1>old</h1>" > index.html"#),
                .inserted(#"+echo "<h1>lab-web & 'co'</h1>" > index.html"#),
            ],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">@@ -1,2 +1,2 @@</span>
                <span class="hl-deleted">-echo &quot;&lt;h1&gt;old&lt;/h1&gt;&quot; &gt; index.html</span>
                <span class="hl-inserted">+echo &quot;&lt;h1&gt;lab-web &amp; &#39;co&#39;&lt;/h1&gt;&quot; &gt; index.html</span>
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            @@ -1,4 +1,3 @@
             a

            -b
             c

            """#,
            [.meta("@@ -1,4 +1,3 @@"), .deleted("-b")],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">@@ -1,4 +1,3 @@</span>
                 a

                <span class="hl-deleted">-b</span>
                 c
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            @@ -1,2 +1,2 @@
            -a
            +b
            after hunk, plain
            +outside: inserted

            """#,
            [.meta("@@ -1,2 +1,2 @@"), .deleted("-a"), .inserted("+b"), .inserted("+outside: inserted")],
            html: #"""
                <pre><code class="language-diff"><span class="hl-meta">@@ -1,2 +1,2 @@</span>
                <span class="hl-deleted">-a</span>
                <span class="hl-inserted">+b</span>
                after hunk, plain
                <span class="hl-inserted">+outside: inserted</span>
                </code></pre>
                """#),
        Snippet(
            "diff",
            #"""
            diff --git a/x b/x
            deleted file mode 100644
            --- a/x
            +++ /dev/null
            @@ -1 +0,0 @@
            -gone

            """#,
            [
                .meta("diff --git a/x b/x"), .meta("deleted file mode 100644"), .meta("--- a/x"),
                .meta("+++ /dev/null"), .meta("@@ -1 +0,0 @@"), .deleted("-gone"),
            ]),
        Snippet(
            "diff",
            #"""
            @@ -100,7 +100,8 @@ def lambda_handler(event, context):
                 logger.info("start")
            -    return 1
            +    result = 2
            +    return result

            """#,
            [
                .meta("@@ -100,7 +100,8 @@ def lambda_handler(event, context):"), .deleted("-    return 1"),
                .inserted("+    result = 2"), .inserted("+    return result"),
            ]),
        Snippet(
            "diff",
            #"""
            old mode 100644
            new mode 100755

            """#,
            [.meta("old mode 100644"), .meta("new mode 100755")]),
        Snippet(
            "diff",
            #"""
            @@ bad header @@
            -x
            +y

            """#,
            [.meta("@@ bad header @@"), .deleted("-x"), .inserted("+y")]),
        Snippet(
            "diff",
            #"""
            @@ -1,999999999999999999999 +1,1 @@
            -a
            +b

            """#,
            [.meta("@@ -1,999999999999999999999 +1,1 @@"), .deleted("-a"), .inserted("+b")]),
        Snippet(
            "diff",
            #"""
            +only additions
            +in a list

            """#,
            [.inserted("+only additions"), .inserted("+in a list")]),
        Snippet(
            "diff",
            #"""
            - removed bullet
            + added bullet

            """#,
            [.deleted("- removed bullet"), .inserted("+ added bullet")]),
    ]

    @Test("each sample's tokens", arguments: snippets)
    func tokens(_ snippet: Snippet) {
        #expect(snippet.foundTokens == snippet.tokens)
    }

    @Test("the exact HTML of some samples", arguments: snippets.filter { $0.expectedHTML != nil })
    func html(_ snippet: Snippet) {
        #expect(snippet.html == snippet.expectedHTML)
    }
}
