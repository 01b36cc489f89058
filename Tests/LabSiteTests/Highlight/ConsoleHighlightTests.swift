import Testing

@testable import LabSite

/// console samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting console")
struct ConsoleHighlightTests {
    static let snippets: [Snippet] = [
        // https://docs.aws.amazon.com/cli/latest/reference/sts/get-caller-identity.html (output shape)
        Snippet(
            "console",
            #"""
            $ aws sts get-caller-identity
            {
                "UserId": "AIDASAMPLEUSERID",
                "Account": "123456789012",
                "Arn": "arn:aws:iam::123456789012:user/DevAdmin"
            }

            """#,
            [.command("aws")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> sts get-caller-identity
                </span><span class="line output">{
                </span><span class="line output">    &quot;UserId&quot;: &quot;AIDASAMPLEUSERID&quot;,
                </span><span class="line output">    &quot;Account&quot;: &quot;123456789012&quot;,
                </span><span class="line output">    &quot;Arn&quot;: &quot;arn:aws:iam::123456789012:user/DevAdmin&quot;
                </span><span class="line output">}
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ aws sts get-caller-identity \
                --output json
            {

            """#,
            [.command("aws"), .option("--output")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> sts get-caller-identity \
                </span><span class="line command">    <span class="hl-option">--output</span> json
                </span><span class="line output">{
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ aws configure
            AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
            AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            Default region name [None]: us-west-2
            Default output format [None]: json

            """#,
            [.command("aws")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> configure
                </span><span class="line output">AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
                </span><span class="line output">AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                </span><span class="line output">Default region name [None]: us-west-2
                </span><span class="line output">Default output format [None]: json
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ aws --version
            aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12

            """#,
            [.command("aws"), .option("--version")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> <span class="hl-option">--version</span>
                </span><span class="line output">aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ aws s3 ls
            2013-07-11 17:08:50 amzn-s3-demo-bucket
            2013-07-24 14:55:44 amzn-s3-demo-bucket2

            """#,
            [.command("aws")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> s3 ls
                </span><span class="line output">2013-07-11 17:08:50 amzn-s3-demo-bucket
                </span><span class="line output">2013-07-24 14:55:44 amzn-s3-demo-bucket2
                </span></code></pre>
                """#),
        // content/cloudtrail.md (labsite's course: the web server of step 27, checked over SSH)
        Snippet(
            "console",
            #"""
            # dnf install -y httpd
            Last metadata expiration check: 0:01:02 ago.
            Complete!

            """#,
            [.command("dnf"), .option("-y")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt"># </span><span class="hl-command">dnf</span> install <span class="hl-option">-y</span> httpd
                </span><span class="line output">Last metadata expiration check: 0:01:02 ago.
                </span><span class="line output">Complete!
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ curl -s http://localhost/ | head -n 1
            <h1>lab-web: ip-10-0-1-23.ap-northeast-2.compute.internal</h1>

            """#,
            [.command("curl"), .option("-s"), .op("|"), .command("head"), .option("-n"), .number("1")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">curl</span> <span class="hl-option">-s</span> http://localhost/ <span class="hl-operator">|</span> <span class="hl-command">head</span> <span class="hl-option">-n</span> <span class="hl-number">1</span>
                </span><span class="line output">&lt;h1&gt;lab-web: ip-10-0-1-23.ap-northeast-2.compute.internal&lt;/h1&gt;
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ sudo systemctl status httpd --no-pager
            ● httpd.service - The Apache HTTP Server
                 Active: active (running)

            """#,
            [.command("sudo"), .command("systemctl"), .option("--no-pager")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">sudo</span> <span class="hl-command">systemctl</span> status httpd <span class="hl-option">--no-pager</span>
                </span><span class="line output">● httpd.service - The Apache HTTP Server
                </span><span class="line output">     Active: active (running)
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ echo $HOME
            /home/ec2-user

            """#,
            [.command("echo"), .variable("$HOME")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">echo</span> <span class="hl-variable">$HOME</span>
                </span><span class="line output">/home/ec2-user
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ ls -l ~/.aws
            total 8
            -rw------- 1 ec2-user ec2-user 43 Nov 17 01:52 config

            """#,
            [.command("ls"), .option("-l")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">ls</span> <span class="hl-option">-l</span> ~/.aws
                </span><span class="line output">total 8
                </span><span class="line output">-rw------- 1 ec2-user ec2-user 43 Nov 17 01:52 config
                </span></code></pre>
                """#),
        // https://docs.aws.amazon.com/powershell/latest/userguide/pstools-getting-set-up.html and the S3 examples of the AWS Tools for PowerShell
        Snippet(
            "console",
            #"""
            PS> Get-S3Bucket
            CreationDate          BucketName
            ------------          ----------
            7/25/2013 3:16:56 AM  amzn-s3-demo-bucket

            """#,
            [.command("Get-S3Bucket")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Get-S3Bucket</span>
                </span><span class="line output">CreationDate          BucketName
                </span><span class="line output">------------          ----------
                </span><span class="line output">7/25/2013 3:16:56 AM  amzn-s3-demo-bucket
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            PS C:\Users\lab> Get-AWSPowerShellVersion
            AWS Tools for PowerShell

            """#,
            [.command("Get-AWSPowerShellVersion")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS C:\Users\lab&gt; </span><span class="hl-command">Get-AWSPowerShellVersion</span>
                </span><span class="line output">AWS Tools for PowerShell
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            PS> Set-AWSCredential -AccessKey AKIAIOSFODNN7EXAMPLE `
                -SecretKey wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY `
                -StoreAs lab

            """#,
            [.command("Set-AWSCredential"), .option("-AccessKey"), .option("-SecretKey"), .option("-StoreAs")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Set-AWSCredential</span> <span class="hl-option">-AccessKey</span> AKIAIOSFODNN7EXAMPLE `
                </span><span class="line command">    <span class="hl-option">-SecretKey</span> wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY `
                </span><span class="line command">    <span class="hl-option">-StoreAs</span> lab
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            PS C:\> Copy-S3Object -BucketName amzn-s3-demo-bucket -Key sample.txt -LocalFile local-sample.txt

            """#,
            [.command("Copy-S3Object"), .option("-BucketName"), .option("-Key"), .option("-LocalFile")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS C:\&gt; </span><span class="hl-command">Copy-S3Object</span> <span class="hl-option">-BucketName</span> amzn-s3-demo-bucket <span class="hl-option">-Key</span> sample.txt <span class="hl-option">-LocalFile</span> local-sample.txt
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            PS> $env:AWS_REGION = "ap-northeast-2"
            PS> Get-DefaultAWSRegion

            """#,
            [.variable("$env:AWS_REGION"), .op("="), .string(#""ap-northeast-2""#), .command("Get-DefaultAWSRegion")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-variable">$env:AWS_REGION</span> <span class="hl-operator">=</span> <span class="hl-string">&quot;ap-northeast-2&quot;</span>
                </span><span class="line command"><span class="prompt">PS&gt; </span><span class="hl-command">Get-DefaultAWSRegion</span>
                </span></code></pre>
                """#),
        // written for these tests: prompts, continuations and output side by side
        Snippet(
            "console",
            #"""
            $ aws cloudtrail describe-trails \
                --trail-name-list lab-events-trail \
                --query 'trailList[0].S3BucketName'
            "aws-cloudtrail-logs-123456789012-mylog"

            """#,
            [
                .command("aws"), .option("--trail-name-list"), .option("--query"),
                .string("'trailList[0].S3BucketName'"),
            ],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> cloudtrail describe-trails \
                </span><span class="line command">    <span class="hl-option">--trail-name-list</span> lab-events-trail \
                </span><span class="line command">    <span class="hl-option">--query</span> <span class="hl-string">&#39;trailList[0].S3BucketName&#39;</span>
                </span><span class="line output">&quot;aws-cloudtrail-logs-123456789012-mylog&quot;
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ aws cloudwatch describe-alarms --alarm-names lab-myalarm --query 'MetricAlarms[0].StateValue'
            "OK"
            $ aws cloudwatch set-alarm-state --alarm-name lab-myalarm --state-value ALARM --state-reason test

            """#,
            [
                .command("aws"), .option("--alarm-names"), .option("--query"), .string("'MetricAlarms[0].StateValue'"),
                .command("aws"), .option("--alarm-name"), .option("--state-value"), .option("--state-reason"),
            ],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> cloudwatch describe-alarms <span class="hl-option">--alarm-names</span> lab-myalarm <span class="hl-option">--query</span> <span class="hl-string">&#39;MetricAlarms[0].StateValue&#39;</span>
                </span><span class="line output">&quot;OK&quot;
                </span><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> cloudwatch set-alarm-state <span class="hl-option">--alarm-name</span> lab-myalarm <span class="hl-option">--state-value</span> ALARM <span class="hl-option">--state-reason</span> test
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            #no-space-so-output
            $notaprompt

            """#,
            [],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line output">#no-space-so-output
                </span><span class="line output">$notaprompt
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ export BUCKET=aws-cloudtrail-logs-123456789012-mylog
            $ aws s3 ls "s3://$BUCKET/AWSLogs/" # the account folder
                                       PRE 123456789012/

            """#,
            [
                .command("export"), .variable("BUCKET"), .command("aws"), .string(#""s3://"#), .variable("$BUCKET"),
                .string(#"/AWSLogs/""#), .comment("# the account folder"),
            ],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">export</span> <span class="hl-variable">BUCKET</span>=aws-cloudtrail-logs-123456789012-mylog
                </span><span class="line command"><span class="prompt">$ </span><span class="hl-command">aws</span> s3 ls <span class="hl-string">&quot;s3://</span><span class="hl-variable">$BUCKET</span><span class="hl-string">/AWSLogs/&quot;</span> <span class="hl-comment"># the account folder</span>
                </span><span class="line output">                           PRE 123456789012/
                </span></code></pre>
                """#),
        Snippet(
            "console",
            #"""
            $ cat <<EOF
            > hello
            > EOF
            hello

            """#,
            [.command("cat"), .op("<<"), .string("EOF")],
            html: #"""
                <pre class="console"><code class="language-console"><span class="line command"><span class="prompt">$ </span><span class="hl-command">cat</span> <span class="hl-operator">&lt;&lt;</span><span class="hl-string">EOF</span>
                </span><span class="line output">&gt; hello
                </span><span class="line output">&gt; EOF
                </span><span class="line output">hello
                </span></code></pre>
                """#),
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
