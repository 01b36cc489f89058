import Testing

@testable import LabSite

/// PowerShell samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting PowerShell")
struct PowerShellHighlightTests {
    static let snippets: [Snippet] = [
        // https://docs.aws.amazon.com/powershell/latest/userguide/powershell_s3_code_examples.html
        Snippet(
            "powershell",
            #"""
            Copy-S3Object -BucketName amzn-s3-demo-bucket -Key sample.txt -DestinationKey sample-copy.txt

            """#,
            [.command("Copy-S3Object"), .option("-BucketName"), .option("-Key"), .option("-DestinationKey")]),
        Snippet(
            "powershell",
            #"""
            Get-S3ACL -BucketName 'amzn-s3-demo-bucket' -key 'initialize.ps1' -Select AccessControlList.Owner

            """#,
            [
                .command("Get-S3ACL"), .option("-BucketName"), .string("'amzn-s3-demo-bucket'"), .option("-key"),
                .string("'initialize.ps1'"), .option("-Select"),
            ]),
        Snippet(
            "powershell",
            #"""
            Get-S3Bucket | Where-Object { $_.BucketName -like "amzn-*" }

            """#,
            [
                .command("Get-S3Bucket"), .op("|"), .command("Where-Object"), .variable("$_"), .op("-like"),
                .string(#""amzn-*""#),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-command">Get-S3Bucket</span> <span class="hl-operator">|</span> <span class="hl-command">Where-Object</span> { <span class="hl-variable">$_</span>.BucketName <span class="hl-operator">-like</span> <span class="hl-string">&quot;amzn-*&quot;</span> }
                </code></pre>
                """#),
        Snippet(
            "powershell",
            #"""
            Write-S3Object -BucketName amzn-s3-demo-bucket -Folder .\Scripts -KeyPrefix SampleScripts\ -SearchPattern *.ps1

            """#,
            [
                .command("Write-S3Object"), .option("-BucketName"), .option("-Folder"), .option("-KeyPrefix"),
                .option("-SearchPattern"),
            ]),
        Snippet(
            "powershell",
            #"""
            Read-S3Object -BucketName amzn-s3-demo-bucket -KeyPrefix data -Folder C:\downloads

            """#,
            [.command("Read-S3Object"), .option("-BucketName"), .option("-KeyPrefix"), .option("-Folder")]),
        // https://docs.aws.amazon.com/powershell/latest/userguide/specifying-your-aws-credentials.html
        Snippet(
            "powershell",
            #"""
            Set-AWSCredential -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY -StoreAs MyProfileName

            """#,
            [.command("Set-AWSCredential"), .option("-AccessKey"), .option("-SecretKey"), .option("-StoreAs")]),
        Snippet(
            "powershell",
            #"""
            Initialize-AWSDefaultConfiguration -ProfileName MyProfileName -Region us-west-2

            """#,
            [.command("Initialize-AWSDefaultConfiguration"), .option("-ProfileName"), .option("-Region")]),
        Snippet(
            "powershell",
            #"""
            $env:AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"

            """#,
            [.variable("$env:AWS_ACCESS_KEY_ID"), .op("="), .string(#""AKIAIOSFODNN7EXAMPLE""#)]),
        // https://docs.aws.amazon.com/powershell/latest/userguide/pstools-ec2-launch.html and the CloudTrail examples
        Snippet(
            "powershell",
            #"""
            $instance = New-EC2Instance -ImageId ami-12345678 -MinCount 1 -MaxCount 1 -InstanceType t3.micro

            """#,
            [
                .variable("$instance"), .op("="), .command("New-EC2Instance"), .option("-ImageId"),
                .option("-MinCount"), .number("1"), .option("-MaxCount"), .number("1"), .option("-InstanceType"),
            ]),
        Snippet(
            "powershell",
            #"""
            (Get-EC2Instance -InstanceId i-1234567890abcdef0).Instances[0].State.Name

            """#,
            [.command("Get-EC2Instance"), .option("-InstanceId")]),
        Snippet(
            "powershell",
            #"""
            Find-CTEvent -LookupAttribute @{ AttributeKey = "EventName"; AttributeValue = "ConsoleLogin" }

            """#,
            [
                .command("Find-CTEvent"), .option("-LookupAttribute"), .op("@{"), .key("AttributeKey"), .op("="),
                .string(#""EventName""#), .op(";"), .key("AttributeValue"), .op("="), .string(#""ConsoleLogin""#),
                .op("}"),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-command">Find-CTEvent</span> <span class="hl-option">-LookupAttribute</span> <span class="hl-operator">@{</span> <span class="hl-key">AttributeKey</span> <span class="hl-operator">=</span> <span class="hl-string">&quot;EventName&quot;</span><span class="hl-operator">;</span> <span class="hl-key">AttributeValue</span> <span class="hl-operator">=</span> <span class="hl-string">&quot;ConsoleLogin&quot;</span> <span class="hl-operator">}</span>
                </code></pre>
                """#),
        Snippet(
            "powershell",
            #"""
            Get-CTTrail | Select-Object Name, S3BucketName, IsMultiRegionTrail

            """#,
            [.command("Get-CTTrail"), .op("|"), .command("Select-Object")]),
        // written for these tests: PowerShell syntax the tokenizer must tell apart
        Snippet(
            "powershell",
            #"""
            foreach ($region in $regions) {
                if ($region -eq "us-east-1") { continue }
                Write-Host "Region: $region"
            }

            """#,
            [
                .keyword("foreach"), .variable("$region"), .keyword("in"), .variable("$regions"), .keyword("if"),
                .variable("$region"), .op("-eq"), .string(#""us-east-1""#), .keyword("continue"),
                .command("Write-Host"), .string(#""Region: "#), .variable("$region"), .string(#"""#),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-keyword">foreach</span> (<span class="hl-variable">$region</span> <span class="hl-keyword">in</span> <span class="hl-variable">$regions</span>) {
                    <span class="hl-keyword">if</span> (<span class="hl-variable">$region</span> <span class="hl-operator">-eq</span> <span class="hl-string">&quot;us-east-1&quot;</span>) { <span class="hl-keyword">continue</span> }
                    <span class="hl-command">Write-Host</span> <span class="hl-string">&quot;Region: </span><span class="hl-variable">$region</span><span class="hl-string">&quot;</span>
                }
                </code></pre>
                """#),
        Snippet(
            "powershell",
            #"""
            # comment
            <# block
               comment #>
            $count = 10MB + 0x1F - 5

            """#,
            [
                .comment("# comment"), .comment("<# block"), .comment("   comment #>"), .variable("$count"), .op("="),
                .number("10MB"), .number("0x1F"), .number("5"),
            ]),
        Snippet(
            "powershell",
            #"""
            $policy = @"
            { "Version": "2012-10-17" }
            "@

            """#,
            [
                .variable("$policy"), .op("="), .string(#"@""#), .string(#"{ "Version": "2012-10-17" }"#),
                .string(#""@"#),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-variable">$policy</span> <span class="hl-operator">=</span> <span class="hl-string">@&quot;</span>
                <span class="hl-string">{ &quot;Version&quot;: &quot;2012-10-17&quot; }</span>
                <span class="hl-string">&quot;@</span>
                </code></pre>
                """#),
        Snippet(
            "powershell",
            #"""
            $tags = @{ Name = 'lab-user'; Team = "security" }

            """#,
            [
                .variable("$tags"), .op("="), .op("@{"), .key("Name"), .op("="), .string("'lab-user'"), .op(";"),
                .key("Team"), .op("="), .string(#""security""#), .op("}"),
            ]),
        Snippet(
            "powershell",
            #"""
            function Get-LabTrail {
                param([string]$Name = 'lab-events-trail')
                return $Name
            }

            """#,
            [
                .keyword("function"), .keyword("param"), .variable("$Name"), .op("="), .string("'lab-events-trail'"),
                .keyword("return"), .variable("$Name"),
            ]),
        Snippet(
            "powershell",
            #"""
            aws s3 ls --region ap-northeast-2 2>&1 | Out-File -FilePath log.txt

            """#,
            [.command("aws"), .option("--region"), .op("2>&1"), .op("|"), .command("Out-File"), .option("-FilePath")]),
        Snippet(
            "powershell",
            #"""
            $items = @(1, 2, 3)
            $items.Count -gt 2 -and $true

            """#,
            [
                .variable("$items"), .op("="), .op("@("), .number("1"), .number("2"), .number("3"), .op(")"),
                .variable("$items"), .op("-gt"), .number("2"), .op("-and"), .literal("$true"),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-variable">$items</span> <span class="hl-operator">=</span> <span class="hl-operator">@(</span><span class="hl-number">1</span>, <span class="hl-number">2</span>, <span class="hl-number">3</span><span class="hl-operator">)</span>
                <span class="hl-variable">$items</span>.Count <span class="hl-operator">-gt</span> <span class="hl-number">2</span> <span class="hl-operator">-and</span> <span class="hl-literal">$true</span>
                </code></pre>
                """#),
        Snippet(
            "powershell",
            #"""
            Write-Output 'It''s a test' "Say `"hi`""

            """#,
            [.command("Write-Output"), .string("'It''s a test'"), .string(#""Say `"hi`"""#)]),
        Snippet(
            "powershell",
            #"""
            Get-ChildItem -Path C:\Temp -Recurse -ErrorAction SilentlyContinue | Remove-Item -WhatIf:$false

            """#,
            [
                .command("Get-ChildItem"), .option("-Path"), .option("-Recurse"), .option("-ErrorAction"), .op("|"),
                .command("Remove-Item"), .option("-WhatIf"), .literal("$false"),
            ]),
        Snippet(
            "powershell",
            #"""
            try { Get-S3Bucket -BucketName nope } catch { Write-Warning $_.Exception.Message } finally { $null = 1 }

            """#,
            [
                .keyword("try"), .command("Get-S3Bucket"), .option("-BucketName"), .keyword("catch"),
                .command("Write-Warning"), .variable("$_"), .keyword("finally"), .literal("$null"), .op("="),
                .number("1"),
            ]),
        Snippet(
            "powershell",
            #"""
            Write-Host "Total: $($items.Count) items in ${env:TEMP}"

            """#,
            [
                .command("Write-Host"), .string(#""Total: "#), .op("$("), .variable("$items"), .op(")"),
                .string(" items in "), .variable("${env:TEMP}"), .string(#"""#),
            ],
            html: #"""
                <pre><code class="language-powershell"><span class="hl-command">Write-Host</span> <span class="hl-string">&quot;Total: </span><span class="hl-operator">$(</span><span class="hl-variable">$items</span>.Count<span class="hl-operator">)</span><span class="hl-string"> items in </span><span class="hl-variable">${env:TEMP}</span><span class="hl-string">&quot;</span>
                </code></pre>
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

    @Test("a stray } inside a string's $(…) does not close a bracket opened before the string")
    func strayBraceInSubexpression() {
        let snippet = Snippet("powershell", #"(Write-Output "$(})"); Get-Date"# + "\n", [])
        #expect(
            snippet.foundTokens == [
                .command("Write-Output"), .string("\""), .op("$("), .op(")"), .string("\""), .op(";"),
                .command("Get-Date"),
            ])
    }
}
