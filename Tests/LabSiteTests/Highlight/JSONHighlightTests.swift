import Testing

@testable import LabSite

/// JSON samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting JSON")
struct JSONHighlightTests {
    static let snippets: [Snippet] = [
        // content/cloudtrail.md (labsite's course, step 33: a ConsoleLogin record)
        Snippet(
            "json",
            #"""
            {
              "Records": [
                {
                  "eventVersion": "1.11",
                  "userIdentity": {
                    "type": "IAMUser",
                    "arn": "arn:aws:iam::123456789012:user/lab-user"
                  },
                  "eventTime": "2026-11-17T01:54:10Z",
                  "responseElements": {"ConsoleLogin": "Success"},
                  "additionalEventData": {"MFAUsed": "No", "MobileVersion": "No"},
                  "readOnly": false
                }
              ]
            }

            """#,
            [
                .key(#""Records""#), .key(#""eventVersion""#), .string(#""1.11""#), .key(#""userIdentity""#),
                .key(#""type""#), .string(#""IAMUser""#), .key(#""arn""#),
                .string(#""arn:aws:iam::123456789012:user/lab-user""#), .key(#""eventTime""#),
                .string(#""2026-11-17T01:54:10Z""#), .key(#""responseElements""#), .key(#""ConsoleLogin""#),
                .string(#""Success""#), .key(#""additionalEventData""#), .key(#""MFAUsed""#), .string(#""No""#),
                .key(#""MobileVersion""#), .string(#""No""#), .key(#""readOnly""#), .literal("false"),
            ]),
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples.html
        Snippet(
            "json",
            #"""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket"
                }
              ]
            }

            """#,
            [
                .key(#""Version""#), .string(#""2012-10-17""#), .key(#""Statement""#), .key(#""Effect""#),
                .string(#""Allow""#), .key(#""Action""#), .string(#""s3:ListBucket""#), .key(#""Resource""#),
                .string(#""arn:aws:s3:::amzn-s3-demo-bucket""#),
            ]),
        Snippet(
            "json",
            #"""
            {
              "Effect": "Deny",
              "Action": "*",
              "Resource": "*",
              "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}
            }

            """#,
            [
                .key(#""Effect""#), .string(#""Deny""#), .key(#""Action""#), .string(#""*""#), .key(#""Resource""#),
                .string(#""*""#), .key(#""Condition""#), .key(#""BoolIfExists""#),
                .key(#""aws:MultiFactorAuthPresent""#), .string(#""false""#),
            ]),
        Snippet(
            "json",
            #"""
            {"Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}}

            """#,
            [
                .key(#""Condition""#), .key(#""IpAddress""#), .key(#""aws:SourceIp""#), .string(#""192.0.2.0/24""#),
                .string(#""203.0.113.0/24""#),
            ],
            html: #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;Condition&quot;</span>: {<span class="hl-key">&quot;IpAddress&quot;</span>: {<span class="hl-key">&quot;aws:SourceIp&quot;</span>: [<span class="hl-string">&quot;192.0.2.0/24&quot;</span>, <span class="hl-string">&quot;203.0.113.0/24&quot;</span>]}}}
                </code></pre>
                """#),
        Snippet(
            "json",
            #"""
            {"Condition": {"NumericLessThan": {"s3:max-keys": "10"}}}

            """#,
            [.key(#""Condition""#), .key(#""NumericLessThan""#), .key(#""s3:max-keys""#), .string(#""10""#)]),
        Snippet(
            "json",
            #"""
            {
              "Principal": {"Service": "ec2.amazonaws.com"},
              "Action": "sts:AssumeRole"
            }

            """#,
            [
                .key(#""Principal""#), .key(#""Service""#), .string(#""ec2.amazonaws.com""#), .key(#""Action""#),
                .string(#""sts:AssumeRole""#),
            ]),
        // https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/describe-alarms.html (output)
        Snippet(
            "json",
            #"""
            {
                "MetricAlarms": [
                    {
                        "AlarmName": "myalarm",
                        "StateValue": "OK",
                        "Threshold": 70.0,
                        "EvaluationPeriods": 1,
                        "ActionsEnabled": true,
                        "Dimensions": []
                    }
                ]
            }

            """#,
            [
                .key(#""MetricAlarms""#), .key(#""AlarmName""#), .string(#""myalarm""#), .key(#""StateValue""#),
                .string(#""OK""#), .key(#""Threshold""#), .number("70.0"), .key(#""EvaluationPeriods""#), .number("1"),
                .key(#""ActionsEnabled""#), .literal("true"), .key(#""Dimensions""#),
            ]),
        Snippet(
            "json",
            #"""
            {"Timestamp": "2014-04-09T11:18:00Z", "Maximum": 44.79, "Unit": "Percent"}

            """#,
            [
                .key(#""Timestamp""#), .string(#""2014-04-09T11:18:00Z""#), .key(#""Maximum""#), .number("44.79"),
                .key(#""Unit""#), .string(#""Percent""#),
            ]),
        Snippet(
            "json",
            #"""
            {"Datapoints": [{"Sum": 1.5e3, "SampleCount": -2}, {"Sum": 0, "SampleCount": 12}]}

            """#,
            [
                .key(#""Datapoints""#), .key(#""Sum""#), .number("1.5e3"), .key(#""SampleCount""#), .number("-2"),
                .key(#""Sum""#), .number("0"), .key(#""SampleCount""#), .number("12"),
            ],
            html: #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;Datapoints&quot;</span>: [{<span class="hl-key">&quot;Sum&quot;</span>: <span class="hl-number">1.5e3</span>, <span class="hl-key">&quot;SampleCount&quot;</span>: <span class="hl-number">-2</span>}, {<span class="hl-key">&quot;Sum&quot;</span>: <span class="hl-number">0</span>, <span class="hl-key">&quot;SampleCount&quot;</span>: <span class="hl-number">12</span>}]}
                </code></pre>
                """#),
        // https://docs.aws.amazon.com/cli/latest/reference/cloudtrail/lookup-events.html (output)
        Snippet(
            "json",
            #"""
            {
                "Events": [
                    {
                        "EventId": "654ccbc0-ba0d-486a-9076-dbf7274677a7",
                        "Username": "my-session-name",
                        "CloudTrailEvent": "{\"eventVersion\":\"1.02\",\"eventName\":\"ConsoleLogin\"}"
                    }
                ],
                "NextToken": null
            }

            """#,
            [
                .key(#""Events""#), .key(#""EventId""#), .string(#""654ccbc0-ba0d-486a-9076-dbf7274677a7""#),
                .key(#""Username""#), .string(#""my-session-name""#), .key(#""CloudTrailEvent""#),
                .string(#""{\"eventVersion\":\"1.02\",\"eventName\":\"ConsoleLogin\"}""#), .key(#""NextToken""#),
                .literal("null"),
            ]),
        Snippet(
            "json",
            #"""
            {"TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1", "LogFileValidationEnabled": false, "IsMultiRegionTrail": true}

            """#,
            [
                .key(#""TrailARN""#), .string(#""arn:aws:cloudtrail:us-east-1:123456789012:trail/Trail1""#),
                .key(#""LogFileValidationEnabled""#), .literal("false"), .key(#""IsMultiRegionTrail""#),
                .literal("true"),
            ]),
        // written for these tests: JSON edge cases
        Snippet(
            "json",
            #"""
            []

            """#,
            []),
        Snippet(
            "json",
            #"""
            [1, -2.5, 3e10, true, false, null]

            """#,
            [.number("1"), .number("-2.5"), .number("3e10"), .literal("true"), .literal("false"), .literal("null")]),
        Snippet(
            "json",
            #"""
            {"path": "C:\\Users\\lab", "quote": "say \"hi\"", "unicode": "\u00e9\uD83D\uDE00"}

            """#,
            [
                .key(#""path""#), .string(#""C:\\Users\\lab""#), .key(#""quote""#), .string(#""say \"hi\"""#),
                .key(#""unicode""#), .string(#""\u00e9\uD83D\uDE00""#),
            ],
            html: #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;path&quot;</span>: <span class="hl-string">&quot;C:\\Users\\lab&quot;</span>, <span class="hl-key">&quot;quote&quot;</span>: <span class="hl-string">&quot;say \&quot;hi\&quot;&quot;</span>, <span class="hl-key">&quot;unicode&quot;</span>: <span class="hl-string">&quot;\u00e9\uD83D\uDE00&quot;</span>}
                </code></pre>
                """#),
        Snippet(
            "json",
            #"""
            {"한글 키": "값 <b>&</b>", "emoji": "😀"}

            """#,
            [.key(#""한글 키""#), .string(#""값 <b>&</b>""#), .key(#""emoji""#), .string(#""😀""#)],
            html: #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;한글 키&quot;</span>: <span class="hl-string">&quot;값 &lt;b&gt;&amp;&lt;/b&gt;&quot;</span>, <span class="hl-key">&quot;emoji&quot;</span>: <span class="hl-string">&quot;😀&quot;</span>}
                </code></pre>
                """#),
        Snippet(
            "json",
            #"""
            {
              // JSONC comment
              "a": 1, /* block */ "b": [2]
            }

            """#,
            [
                .comment("// JSONC comment"), .key(#""a""#), .number("1"), .comment("/* block */"), .key(#""b""#),
                .number("2"),
            ],
            html: #"""
                <pre><code class="language-json">{
                  <span class="hl-comment">// JSONC comment</span>
                  <span class="hl-key">&quot;a&quot;</span>: <span class="hl-number">1</span>, <span class="hl-comment">/* block */</span> <span class="hl-key">&quot;b&quot;</span>: [<span class="hl-number">2</span>]
                }
                </code></pre>
                """#),
        Snippet(
            "json",
            #"""
            {"unterminated": "no closing quote
            }

            """#,
            [.key(#""unterminated""#), .string(#""no closing quote"#)],
            html: #"""
                <pre><code class="language-json">{<span class="hl-key">&quot;unterminated&quot;</span>: <span class="hl-string">&quot;no closing quote</span>
                }
                </code></pre>
                """#),
        Snippet(
            "json",
            #"""
            { "key" : "spaced", "nested": { "deep": { "deeper": [ { "x": 0 } ] } } }

            """#,
            [
                .key(#""key""#), .string(#""spaced""#), .key(#""nested""#), .key(#""deep""#), .key(#""deeper""#),
                .key(#""x""#), .number("0"),
            ]),
        Snippet(
            "json",
            #"""
            {"Records": [ ... ]}

            """#,
            [.key(#""Records""#)]),
        Snippet(
            "json",
            #"""
            {"Statement": [{"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}}]}

            """#,
            [
                .key(#""Statement""#), .key(#""Sid""#), .string(#""AWSCloudTrailAclCheck""#), .key(#""Effect""#),
                .string(#""Allow""#), .key(#""Principal""#), .key(#""Service""#),
                .string(#""cloudtrail.amazonaws.com""#),
            ]),
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
