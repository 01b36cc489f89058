import Testing

@testable import LabSite

/// Python samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting Python")
struct PythonHighlightTests {
    static let snippets: [Snippet] = [
        // https://docs.aws.amazon.com/code-library/latest/ug/python_3_cloudtrail_code_examples.html and boto3's quickstart
        Snippet(
            "python",
            #"""
            import boto3

            client = boto3.client("cloudtrail", region_name="ap-northeast-2")

            """#,
            [.keyword("import"), .string(#""cloudtrail""#), .string(#""ap-northeast-2""#)]),
        Snippet(
            "python",
            #"""
            s3 = boto3.resource('s3')
            for bucket in s3.buckets.all():
                print(bucket.name)

            """#,
            [.string("'s3'"), .keyword("for"), .keyword("in")]),
        Snippet(
            "python",
            #"""
            response = client.lookup_events(
                LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "ConsoleLogin"}],
                MaxResults=50,
            )

            """#,
            [
                .string(#""AttributeKey""#), .string(#""EventName""#), .string(#""AttributeValue""#),
                .string(#""ConsoleLogin""#), .number("50"),
            ]),
        Snippet(
            "python",
            #"""
            paginator = client.get_paginator("lookup_events")
            for page in paginator.paginate(StartTime=datetime(2015, 1, 1)):
                events.extend(page["Events"])

            """#,
            [
                .string(#""lookup_events""#), .keyword("for"), .keyword("in"), .number("2015"), .number("1"),
                .number("1"), .string(#""Events""#),
            ]),
        Snippet(
            "python",
            #"""
            try:
                s3.create_bucket(Bucket=name)
            except ClientError as err:
                logger.error("Couldn't create %s: %s", name, err)
                raise

            """#,
            [
                .keyword("try"), .keyword("except"), .keyword("as"), .string(#""Couldn't create %s: %s""#),
                .keyword("raise"),
            ]),
        // https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html
        Snippet(
            "python",
            #"""
            import json

            def lambda_handler(event, context):
                return {
                    'statusCode': 200,
                    'body': json.dumps('Hello from Lambda!')
                }

            """#,
            [
                .keyword("import"), .keyword("def"), .keyword("return"), .string("'statusCode'"), .number("200"),
                .string("'body'"), .string("'Hello from Lambda!'"),
            ],
            html: #"""
                <pre><code class="language-python"><span class="hl-keyword">import</span> json

                <span class="hl-keyword">def</span> lambda_handler(event, context):
                    <span class="hl-keyword">return</span> {
                        <span class="hl-string">&#39;statusCode&#39;</span>: <span class="hl-number">200</span>,
                        <span class="hl-string">&#39;body&#39;</span>: json.dumps(<span class="hl-string">&#39;Hello from Lambda!&#39;</span>)
                    }
                </code></pre>
                """#),
        Snippet(
            "python",
            #"""
            import os
            import logging

            logger = logging.getLogger()
            logger.setLevel(logging.INFO)

            """#,
            [.keyword("import"), .keyword("import")]),
        Snippet(
            "python",
            #"""
            def handler(event, context):
                """Log the event.

                Returns None.
                """
                print(f"Received {len(event)} records")

            """#,
            [
                .keyword("def"), .string(#""""Log the event."#), .string("    Returns None."), .string(#"    """"#),
                .string(#"f"Received {len(event)} records""#),
            ],
            html: #"""
                <pre><code class="language-python"><span class="hl-keyword">def</span> handler(event, context):
                    <span class="hl-string">&quot;&quot;&quot;Log the event.</span>

                <span class="hl-string">    Returns None.</span>
                <span class="hl-string">    &quot;&quot;&quot;</span>
                    print(<span class="hl-string">f&quot;Received {len(event)} records&quot;</span>)
                </code></pre>
                """#),
        // written for these tests: Python syntax the tokenizer must tell apart
        Snippet(
            "python",
            #"""
            @dataclass(frozen=True)
            class Trail:
                name: str
                is_logging: bool = False

            """#,
            [.meta("@dataclass"), .literal("True"), .keyword("class"), .literal("False")],
            html: #"""
                <pre><code class="language-python"><span class="hl-meta">@dataclass</span>(frozen=<span class="hl-literal">True</span>)
                <span class="hl-keyword">class</span> Trail:
                    name: str
                    is_logging: bool = <span class="hl-literal">False</span>
                </code></pre>
                """#),
        Snippet(
            "python",
            #"""
            x = 0xFF + 0o17 + 0b101 + 1_000_000 + 3.14 + 1e-3 + 2j

            """#,
            [
                .number("0xFF"), .number("0o17"), .number("0b101"), .number("1_000_000"), .number("3.14"),
                .number("1e-3"), .number("2j"),
            ]),
        Snippet(
            "python",
            #"""
            path = r"C:\Users\lab" + b'\x00' + rb'raw'

            """#,
            [.string(#"r"C:\Users\lab""#), .string(#"b'\x00'"#), .string("rb'raw'")],
            html: #"""
                <pre><code class="language-python">path = <span class="hl-string">r&quot;C:\Users\lab&quot;</span> + <span class="hl-string">b&#39;\x00&#39;</span> + <span class="hl-string">rb&#39;raw&#39;</span>
                </code></pre>
                """#),
        Snippet(
            "python",
            #"""
            if value is None and not flag or other in items:
                pass
            elif True:
                yield from gen()

            """#,
            [
                .keyword("if"), .keyword("is"), .literal("None"), .keyword("and"), .keyword("not"), .keyword("or"),
                .keyword("in"), .keyword("pass"), .keyword("elif"), .literal("True"), .keyword("yield"),
                .keyword("from"),
            ]),
        Snippet(
            "python",
            #"""
            # 한글 주석
            message = "값: %s" % '인용 "안" 따옴표'

            """#,
            [.comment("# 한글 주석"), .string(#""값: %s""#), .string(#"'인용 "안" 따옴표'"#)]),
        Snippet(
            "python",
            #"""
            async def fetch(session):
                async with session.get(url) as resp:
                    return await resp.json()

            """#,
            [
                .keyword("async"), .keyword("def"), .keyword("async"), .keyword("with"), .keyword("as"),
                .keyword("return"), .keyword("await"),
            ]),
        Snippet(
            "python",
            #"""
            lambda_ = lambda x: x * 2  # keyword prefix is not a keyword

            """#,
            [.keyword("lambda"), .number("2"), .comment("# keyword prefix is not a keyword")]),
        Snippet(
            "python",
            #"""
            s = 'unterminated
            t = 1

            """#,
            [.string("'unterminated"), .number("1")]),
        Snippet(
            "python",
            #"""
            query = '''
            SELECT * FROM cloudtrail_logs
            '''

            """#,
            [.string("'''"), .string("SELECT * FROM cloudtrail_logs"), .string("'''")]),
        Snippet(
            "python",
            #"""
            print("a\"b", 'c\'d', "<tag> & 'q'")

            """#,
            [.string(#""a\"b""#), .string(#"'c\'d'"#), .string(#""<tag> & 'q'""#)],
            html: #"""
                <pre><code class="language-python">print(<span class="hl-string">&quot;a\&quot;b&quot;</span>, <span class="hl-string">&#39;c\&#39;d&#39;</span>, <span class="hl-string">&quot;&lt;tag&gt; &amp; &#39;q&#39;&quot;</span>)
                </code></pre>
                """#),
        Snippet(
            "python",
            #"""
            while i < 10:
                i += 1
                if i % 2 == 0: continue
                else: break

            """#,
            [
                .keyword("while"), .number("10"), .number("1"), .keyword("if"), .number("2"), .number("0"),
                .keyword("continue"), .keyword("else"), .keyword("break"),
            ]),
        Snippet(
            "python",
            #"""
            from datetime import datetime, timezone
            now = datetime.now(timezone.utc).isoformat()

            """#,
            [.keyword("from"), .keyword("import")]),
        Snippet(
            "python",
            #"""
            assert len(trails) > 0, "no trails"
            del trails[0]

            """#,
            [.keyword("assert"), .number("0"), .string(#""no trails""#), .keyword("del"), .number("0")]),
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
