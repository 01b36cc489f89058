import Testing

@testable import LabSite

/// INI samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting INI")
struct INIHighlightTests {
    static let snippets: [Snippet] = [
        // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
        Snippet(
            "ini",
            #"""
            [default]
            region = us-west-2
            output = json

            """#,
            [.section("[default]"), .key("region"), .op("="), .key("output"), .op("=")],
            html: #"""
                <pre><code class="language-ini"><span class="hl-section">[default]</span>
                <span class="hl-key">region</span> <span class="hl-operator">=</span> us-west-2
                <span class="hl-key">output</span> <span class="hl-operator">=</span> json
                </code></pre>
                """#),
        Snippet(
            "ini",
            #"""
            [profile user1]
            region = us-east-1
            output = text

            """#,
            [.section("[profile user1]"), .key("region"), .op("="), .key("output"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

            """#,
            [.section("[default]"), .key("aws_access_key_id"), .op("="), .key("aws_secret_access_key"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [profile crossaccount]
            role_arn = arn:aws:iam::123456789012:role/lab-role
            source_profile = default

            """#,
            [.section("[profile crossaccount]"), .key("role_arn"), .op("="), .key("source_profile"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [sso-session my-sso]
            sso_region = us-east-1
            sso_start_url = https://my-sso-portal.awsapps.com/start
            sso_registration_scopes = sso:account:access

            """#,
            [
                .section("[sso-session my-sso]"), .key("sso_region"), .op("="), .key("sso_start_url"), .op("="),
                .key("sso_registration_scopes"), .op("="),
            ]),
        Snippet(
            "ini",
            #"""
            [default]
            s3 =
              max_concurrent_requests = 20
              multipart_threshold = 64MB

            """#,
            [
                .section("[default]"), .key("s3"), .op("="), .key("max_concurrent_requests"), .op("="), .number("20"),
                .key("multipart_threshold"), .op("="),
            ]),
        Snippet(
            "ini",
            #"""
            [profile dev]
            credential_process = /opt/bin/awscreds-custom --username helen

            """#,
            [.section("[profile dev]"), .key("credential_process"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [default]
            cli_pager =
            retry_mode = standard
            max_attempts = 3

            """#,
            [
                .section("[default]"), .key("cli_pager"), .op("="), .key("retry_mode"), .op("="), .key("max_attempts"),
                .op("="), .number("3"),
            ]),
        Snippet(
            "ini",
            #"""
            # Lines can be commented out with a hash
            [profile lab] # the course's profile
            region=ap-northeast-2

            """#,
            [
                .comment("# Lines can be commented out with a hash"), .section("[profile lab]"),
                .comment("# the course's profile"), .key("region"), .op("="),
            ],
            html: #"""
                <pre><code class="language-ini"><span class="hl-comment"># Lines can be commented out with a hash</span>
                <span class="hl-section">[profile lab]</span> <span class="hl-comment"># the course&#39;s profile</span>
                <span class="hl-key">region</span><span class="hl-operator">=</span>ap-northeast-2
                </code></pre>
                """#),
        Snippet(
            "ini",
            #"""
            [services my-services]
            dynamodb =
              endpoint_url = http://localhost:8000

            """#,
            [.section("[services my-services]"), .key("dynamodb"), .op("="), .key("endpoint_url"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [default]
            use_fips_endpoint = true
            duration_seconds = 3600

            """#,
            [
                .section("[default]"), .key("use_fips_endpoint"), .op("="), .literal("true"), .key("duration_seconds"),
                .op("="), .number("3600"),
            ]),
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AgentReference.html (the older CloudWatch Logs agent's awslogs.conf)
        Snippet(
            "ini",
            #"""
            [general]
            state_file = /var/lib/awslogs/agent-state

            """#,
            [.section("[general]"), .key("state_file"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [/var/log/messages]
            datetime_format = %b %d %H:%M:%S
            file = /var/log/messages
            buffer_duration = 5000
            log_stream_name = {instance_id}
            initial_position = start_of_file
            log_group_name = /var/log/messages

            """#,
            [
                .section("[/var/log/messages]"), .key("datetime_format"), .op("="), .key("file"), .op("="),
                .key("buffer_duration"), .op("="), .number("5000"), .key("log_stream_name"), .op("="),
                .key("initial_position"), .op("="), .key("log_group_name"), .op("="),
            ]),
        // written for these tests: INI syntax the tokenizer must tell apart
        Snippet(
            "ini",
            #"""
            ; semicolon comment
            [section]
            key: value

            """#,
            [.comment("; semicolon comment"), .section("[section]"), .key("key"), .op(":")]),
        Snippet(
            "ini",
            #"""
            [quoted]
            name = "lab user"
            path = 'C:\Users\lab'

            """#,
            [
                .section("[quoted]"), .key("name"), .op("="), .string(#""lab user""#), .key("path"), .op("="),
                .string(#"'C:\Users\lab'"#),
            ],
            html: #"""
                <pre><code class="language-ini"><span class="hl-section">[quoted]</span>
                <span class="hl-key">name</span> <span class="hl-operator">=</span> <span class="hl-string">&quot;lab user&quot;</span>
                <span class="hl-key">path</span> <span class="hl-operator">=</span> <span class="hl-string">&#39;C:\Users\lab&#39;</span>
                </code></pre>
                """#),
        Snippet(
            "ini",
            #"""
            [numbers]
            port = 8080
            ratio = -0.5
            flag = on

            """#,
            [
                .section("[numbers]"), .key("port"), .op("="), .number("8080"), .key("ratio"), .op("="),
                .number("-0.5"), .key("flag"), .op("="), .literal("on"),
            ]),
        Snippet(
            "ini",
            #"""
            [broken
            key = value ; inline comment

            """#,
            [.section("[broken"), .key("key"), .op("="), .comment("; inline comment")],
            html: #"""
                <pre><code class="language-ini"><span class="hl-section">[broken</span>
                <span class="hl-key">key</span> <span class="hl-operator">=</span> value <span class="hl-comment">; inline comment</span>
                </code></pre>
                """#),
        Snippet(
            "ini",
            #"""
            [한글]
            이름 = 값 <b>&</b>

            """#,
            [.section("[한글]"), .key("이름"), .op("=")],
            html: #"""
                <pre><code class="language-ini"><span class="hl-section">[한글]</span>
                <span class="hl-key">이름</span> <span class="hl-operator">=</span> 값 &lt;b&gt;&amp;&lt;/b&gt;
                </code></pre>
                """#),
        Snippet(
            "ini",
            #"""
              [indented]
              key = value
            continuation line without separator

            """#,
            [.section("[indented]"), .key("key"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [empty values]
            a =
            = no key

            """#,
            [.section("[empty values]"), .key("a"), .op("="), .op("=")]),
        Snippet(
            "ini",
            #"""
            [url]
            endpoint = https://example.com/a?b=c#frag

            """#,
            [.section("[url]"), .key("endpoint"), .op("=")]),
        Snippet(
            "ini",
            #"""
            [x]
            key=value#not-a-comment

            """#,
            [.section("[x]"), .key("key"), .op("=")]),
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
