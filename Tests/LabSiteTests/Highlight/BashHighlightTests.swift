import Testing

@testable import LabSite

/// Bash samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting bash")
struct BashHighlightTests {
    static let snippets: [Snippet] = [
        // content/cloudtrail.md (labsite's course, step 27: the instance's user data)
        Snippet(
            "bash",
            #"""
            #!/bin/bash
            dnf install -y httpd
            echo "<h1>lab-web: $(hostname -f)</h1>" > /var/www/html/index.html
            systemctl enable --now httpd

            """#,
            [
                .comment("#!/bin/bash"), .command("dnf"), .option("-y"), .command("echo"), .string(#""<h1>lab-web: "#),
                .op("$("), .command("hostname"), .option("-f"), .op(")"), .string(#"</h1>""#), .op(">"),
                .command("systemctl"), .option("--now"),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-comment">#!/bin/bash</span>
                <span class="hl-command">dnf</span> install <span class="hl-option">-y</span> httpd
                <span class="hl-command">echo</span> <span class="hl-string">&quot;&lt;h1&gt;lab-web: </span><span class="hl-operator">$(</span><span class="hl-command">hostname</span> <span class="hl-option">-f</span><span class="hl-operator">)</span><span class="hl-string">&lt;/h1&gt;&quot;</span> <span class="hl-operator">&gt;</span> /var/www/html/index.html
                <span class="hl-command">systemctl</span> enable <span class="hl-option">--now</span> httpd
                </code></pre>
                """#),
        // https://docs.aws.amazon.com/cli/latest/userguide/cli_cloudtrail_code_examples.html
        Snippet(
            "bash",
            #"""
            aws cloudtrail add-tags --resource-id arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1 --tags-list Key=name,Value=Alice Key=location,Value=us

            """#,
            [.command("aws"), .option("--resource-id"), .option("--tags-list")]),
        Snippet(
            "bash",
            #"""
            aws cloudtrail create-subscription \
                --name Trail1 \
                --s3-new-bucket amzn-s3-demo-bucket \
                --sns-new-topic my-topic

            """#,
            [.command("aws"), .option("--name"), .option("--s3-new-bucket"), .option("--sns-new-topic")],
            html: #"""
                <pre><code class="language-bash"><span class="hl-command">aws</span> cloudtrail create-subscription \
                    <span class="hl-option">--name</span> Trail1 \
                    <span class="hl-option">--s3-new-bucket</span> amzn-s3-demo-bucket \
                    <span class="hl-option">--sns-new-topic</span> my-topic
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=ConsoleLogin

            """#,
            [.command("aws"), .option("--lookup-attributes")]),
        Snippet(
            "bash",
            #"""
            aws cloudtrail create-trail --name Trail1 --s3-bucket-name amzn-s3-demo-bucket --is-multi-region-trail

            """#,
            [.command("aws"), .option("--name"), .option("--s3-bucket-name"), .option("--is-multi-region-trail")]),
        // https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/put-metric-alarm.html
        Snippet(
            "bash",
            #"""
            aws cloudwatch put-metric-alarm --alarm-name cpu-mon --alarm-description "Alarm when CPU exceeds 70 percent" --metric-name CPUUtilization --namespace AWS/EC2 --statistic Average --period 300 --threshold 70 --evaluation-periods 2

            """#,
            [
                .command("aws"), .option("--alarm-name"), .option("--alarm-description"),
                .string(#""Alarm when CPU exceeds 70 percent""#), .option("--metric-name"), .option("--namespace"),
                .option("--statistic"), .option("--period"), .number("300"), .option("--threshold"), .number("70"),
                .option("--evaluation-periods"), .number("2"),
            ]),
        // https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-filter.html and cli-configure-envvars.html
        Snippet(
            "bash",
            #"""
            aws ec2 describe-instances --query 'Reservations[*].Instances[*].InstanceId' --output text

            """#,
            [
                .command("aws"), .option("--query"), .string("'Reservations[*].Instances[*].InstanceId'"),
                .option("--output"),
            ]),
        Snippet(
            "bash",
            #"""
            export AWS_DEFAULT_REGION=ap-northeast-2

            """#,
            [.command("export"), .variable("AWS_DEFAULT_REGION")]),
        Snippet(
            "bash",
            #"""
            AWS_PROFILE=lab aws s3 ls

            """#,
            [.variable("AWS_PROFILE"), .command("aws")]),
        Snippet(
            "bash",
            #"""
            ACCOUNT=$(aws sts get-caller-identity --query Account --output text)

            """#,
            [.variable("ACCOUNT"), .op("$("), .command("aws"), .option("--query"), .option("--output"), .op(")")]),
        Snippet(
            "bash",
            #"""
            echo "Bucket: ${BUCKET_NAME}"

            """#,
            [.command("echo"), .string(#""Bucket: "#), .variable("${BUCKET_NAME}"), .string(#"""#)]),
        Snippet(
            "bash",
            #"""
            aws s3 ls s3://amzn-s3-demo-bucket/AWSLogs/ --recursive | grep CloudTrail | head -n 5

            """#,
            [
                .command("aws"), .option("--recursive"), .op("|"), .command("grep"), .op("|"), .command("head"),
                .option("-n"), .number("5"),
            ]),
        // written for these tests in the style of the AWS CLI user guide's scripting examples
        Snippet(
            "bash",
            #"""
            for region in us-east-1 ap-northeast-2; do
              aws cloudtrail describe-trails --region "$region"
            done

            """#,
            [
                .keyword("for"), .keyword("in"), .op(";"), .keyword("do"), .command("aws"), .option("--region"),
                .string(#"""#), .variable("$region"), .string(#"""#), .keyword("done"),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-keyword">for</span> region <span class="hl-keyword">in</span> us-east-1 ap-northeast-2<span class="hl-operator">;</span> <span class="hl-keyword">do</span>
                  <span class="hl-command">aws</span> cloudtrail describe-trails <span class="hl-option">--region</span> <span class="hl-string">&quot;</span><span class="hl-variable">$region</span><span class="hl-string">&quot;</span>
                <span class="hl-keyword">done</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            if [ -z "$AWS_REGION" ]; then
              echo "AWS_REGION is not set" >&2
              exit 1
            fi

            """#,
            [
                .keyword("if"), .command("["), .option("-z"), .string(#"""#), .variable("$AWS_REGION"), .string(#"""#),
                .op(";"), .keyword("then"), .command("echo"), .string(#""AWS_REGION is not set""#), .op(">&2"),
                .command("exit"), .number("1"), .keyword("fi"),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-keyword">if</span> <span class="hl-command">[</span> <span class="hl-option">-z</span> <span class="hl-string">&quot;</span><span class="hl-variable">$AWS_REGION</span><span class="hl-string">&quot;</span> ]<span class="hl-operator">;</span> <span class="hl-keyword">then</span>
                  <span class="hl-command">echo</span> <span class="hl-string">&quot;AWS_REGION is not set&quot;</span> <span class="hl-operator">&gt;&amp;2</span>
                  <span class="hl-command">exit</span> <span class="hl-number">1</span>
                <span class="hl-keyword">fi</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            cat <<EOF > trust-policy.json
            {"Version": "2012-10-17"}
            EOF

            """#,
            [
                .command("cat"), .op("<<"), .string("EOF"), .op(">"), .string(#"{"Version": "2012-10-17"}"#),
                .string("EOF"),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-command">cat</span> <span class="hl-operator">&lt;&lt;</span><span class="hl-string">EOF</span> <span class="hl-operator">&gt;</span> trust-policy.json
                <span class="hl-string">{&quot;Version&quot;: &quot;2012-10-17&quot;}</span>
                <span class="hl-string">EOF</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            cat <<-'EOF'
            \#techo $HOME
            \#tEOF

            """#,
            [.command("cat"), .op("<<-"), .string("'EOF'"), .string(#"\#techo $HOME"#), .string(#"\#tEOF"#)]),
        Snippet(
            "bash",
            #"""
            aws iam create-user --user-name lab-user # IAM 사용자 만들기

            """#,
            [.command("aws"), .option("--user-name"), .comment("# IAM 사용자 만들기")]),
        Snippet(
            "bash",
            #"""
            sudo dnf install -y httpd && sudo systemctl start httpd

            """#,
            [.command("sudo"), .command("dnf"), .option("-y"), .op("&&"), .command("sudo"), .command("systemctl")]),
        Snippet(
            "bash",
            #"""
            aws s3 rb s3://amzn-s3-demo-bucket --force 2>/dev/null || echo "bucket already gone"

            """#,
            [
                .command("aws"), .option("--force"), .op("2>"), .op("||"), .command("echo"),
                .string(#""bucket already gone""#),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-command">aws</span> s3 rb s3://amzn-s3-demo-bucket <span class="hl-option">--force</span> <span class="hl-operator">2&gt;</span>/dev/null <span class="hl-operator">||</span> <span class="hl-command">echo</span> <span class="hl-string">&quot;bucket already gone&quot;</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            aws iam put-user-policy --user-name lab-user --policy-name s3-read --policy-document file://policy.json

            """#,
            [.command("aws"), .option("--user-name"), .option("--policy-name"), .option("--policy-document")]),
        Snippet(
            "bash",
            #"""
            count=$((count + 1))
            echo "$# args: $@"

            """#,
            [
                .variable("count"), .variable("$((count + 1))"), .command("echo"), .string(#"""#), .variable("$#"),
                .string(" args: "), .variable("$@"), .string(#"""#),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-variable">count</span>=<span class="hl-variable">$((count + 1))</span>
                <span class="hl-command">echo</span> <span class="hl-string">&quot;</span><span class="hl-variable">$#</span><span class="hl-string"> args: </span><span class="hl-variable">$@</span><span class="hl-string">&quot;</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            echo `date +%Y`-report.csv

            """#,
            [.command("echo"), .op("`"), .command("date"), .op("`")]),
        Snippet(
            "bash",
            #"""
            diff <(sort a.txt) <(sort b.txt)

            """#,
            [.command("diff"), .op("<("), .command("sort"), .op(")"), .op("<("), .command("sort"), .op(")")]),
        Snippet(
            "bash",
            #"""
            printf $'line1\nline2\n'

            """#,
            [.command("printf"), .string(#"$'line1\nline2\n'"#)]),
        Snippet(
            "bash",
            #"""
            cleanup() {
              aws s3 rm "s3://${BUCKET}" --recursive
            }

            """#,
            [
                .command("cleanup"), .op("("), .op(")"), .keyword("{"), .command("aws"), .string(#""s3://"#),
                .variable("${BUCKET}"), .string(#"""#), .option("--recursive"), .keyword("}"),
            ],
            html: #"""
                <pre><code class="language-bash"><span class="hl-command">cleanup</span><span class="hl-operator">(</span><span class="hl-operator">)</span> <span class="hl-keyword">{</span>
                  <span class="hl-command">aws</span> s3 rm <span class="hl-string">&quot;s3://</span><span class="hl-variable">${BUCKET}</span><span class="hl-string">&quot;</span> <span class="hl-option">--recursive</span>
                <span class="hl-keyword">}</span>
                </code></pre>
                """#),
        Snippet(
            "bash",
            #"""
            [[ -f ~/.aws/credentials ]] && echo "found"

            """#,
            [.keyword("[["), .option("-f"), .keyword("]]"), .op("&&"), .command("echo"), .string(#""found""#)]),
        Snippet(
            "bash",
            #"""
            while read -r key; do echo "$key"; done < keys.txt

            """#,
            [
                .keyword("while"), .command("read"), .option("-r"), .op(";"), .keyword("do"), .command("echo"),
                .string(#"""#), .variable("$key"), .string(#"""#), .op(";"), .keyword("done"), .op("<"),
            ]),
        Snippet(
            "bash",
            #"""
            curl -s http://169.254.169.254/latest/meta-data/instance-id; echo

            """#,
            [.command("curl"), .option("-s"), .op(";"), .command("echo")]),
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
