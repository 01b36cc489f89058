import Testing

@testable import LabSite

/// YAML samples, each with every token highlighting must find in it, in order; some with the
/// exact HTML of their block. `HighlightRoundTripTests` checks that each gives back its code.
@Suite("Highlighting YAML")
struct YAMLHighlightTests {
    static let snippets: [Snippet] = [
        // content/site.yml and a page's front matter (labsite's course)
        Snippet(
            "yaml",
            #"""
            title: AWS 보안 모니터링 실습
            baseURL: /
            language: ko

            """#,
            [.key("title"), .key("baseURL"), .key("language")]),
        Snippet(
            "yaml",
            #"""
            ---
            title: CloudTrail 사용하기
            order: 2
            summary: 추적을 만들고 로그를 읽는다.
            ---

            """#,
            [.meta("---"), .key("title"), .key("order"), .number("2"), .key("summary"), .meta("---")]),
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-s3-bucket.html and template-anatomy.html
        Snippet(
            "yaml",
            #"""
            AWSTemplateFormatVersion: "2010-09-09"
            Description: A sample template
            Resources:
              MyBucket:
                Type: AWS::S3::Bucket
                DeletionPolicy: Retain

            """#,
            [
                .key("AWSTemplateFormatVersion"), .string(#""2010-09-09""#), .key("Description"), .key("Resources"),
                .key("MyBucket"), .key("Type"), .key("DeletionPolicy"),
            ]),
        Snippet(
            "yaml",
            #"""
            Parameters:
              Suffix:
                Type: String
            Resources:
              S3Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub my-bucket-${Suffix}

            """#,
            [
                .key("Parameters"), .key("Suffix"), .key("Type"), .key("Resources"), .key("S3Bucket"), .key("Type"),
                .key("Properties"), .key("BucketName"), .keyword("!Sub"),
            ],
            html: #"""
                <pre><code class="language-yaml"><span class="hl-key">Parameters</span>:
                  <span class="hl-key">Suffix</span>:
                    <span class="hl-key">Type</span>: String
                <span class="hl-key">Resources</span>:
                  <span class="hl-key">S3Bucket</span>:
                    <span class="hl-key">Type</span>: AWS::S3::Bucket
                    <span class="hl-key">Properties</span>:
                      <span class="hl-key">BucketName</span>: <span class="hl-keyword">!Sub</span> my-bucket-${Suffix}
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
            Outputs:
              BucketArn:
                Value: !GetAtt MyBucket.Arn
                Export:
                  Name: !Sub "${AWS::StackName}-BucketArn"

            """#,
            [
                .key("Outputs"), .key("BucketArn"), .key("Value"), .keyword("!GetAtt"), .key("Export"), .key("Name"),
                .keyword("!Sub"), .string(#""${AWS::StackName}-BucketArn""#),
            ],
            html: #"""
                <pre><code class="language-yaml"><span class="hl-key">Outputs</span>:
                  <span class="hl-key">BucketArn</span>:
                    <span class="hl-key">Value</span>: <span class="hl-keyword">!GetAtt</span> MyBucket.Arn
                    <span class="hl-key">Export</span>:
                      <span class="hl-key">Name</span>: <span class="hl-keyword">!Sub</span> <span class="hl-string">&quot;${AWS::StackName}-BucketArn&quot;</span>
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
                  Tags:
                    - Key: Name
                      Value: lab-events-trail

            """#,
            [.key("Tags"), .key("Key"), .key("Value")]),
        Snippet(
            "yaml",
            #"""
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  IsMultiRegionTrail: yes
                  S3BucketName: !Ref LogBucket

            """#,
            [
                .key("Trail"), .key("Type"), .key("Properties"), .key("IsLogging"), .literal("true"),
                .key("IsMultiRegionTrail"), .literal("yes"), .key("S3BucketName"), .keyword("!Ref"),
            ]),
        Snippet(
            "yaml",
            #"""
            Conditions:
              IsProd: !Equals [!Ref Env, prod]

            """#,
            [.key("Conditions"), .key("IsProd"), .keyword("!Equals"), .keyword("!Ref")]),
        Snippet(
            "yaml",
            #"""
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Threshold: 200
                  Period: 21600
                  EvaluationPeriods: 1
                  ComparisonOperator: GreaterThanThreshold

            """#,
            [
                .key("Alarm"), .key("Type"), .key("Properties"), .key("Threshold"), .number("200"), .key("Period"),
                .number("21600"), .key("EvaluationPeriods"), .number("1"), .key("ComparisonOperator"),
            ]),
        Snippet(
            "yaml",
            #"""
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action:
                          - 's3:GetObject'
                        Resource: '*'

            """#,
            [
                .key("PolicyDocument"), .key("Statement"), .key("Effect"), .key("Action"), .string("'s3:GetObject'"),
                .key("Resource"), .string("'*'"),
            ]),
        // https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
        Snippet(
            "yaml",
            #"""
            version: 0.2
            phases:
              build:
                commands:
                  - echo Build started on `date`
                  - mvn install

            """#,
            [.key("version"), .number("0.2"), .key("phases"), .key("build"), .key("commands")]),
        Snippet(
            "yaml",
            #"""
            env:
              variables:
                JAVA_HOME: "/usr/lib/jvm/java-8-openjdk-amd64"
              parameter-store:
                LOGIN_PASSWORD: /CodeBuild/dockerLoginPassword

            """#,
            [
                .key("env"), .key("variables"), .key("JAVA_HOME"), .string(#""/usr/lib/jvm/java-8-openjdk-amd64""#),
                .key("parameter-store"), .key("LOGIN_PASSWORD"),
            ]),
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-instance.html (UserData)
        Snippet(
            "yaml",
            #"""
                  UserData:
                    Fn::Base64: |
                      #!/bin/bash
                      dnf install -y httpd
                  InstanceType: t3.micro

            """#,
            [
                .key("UserData"), .key("Fn::Base64"), .op("|"), .string("#!/bin/bash"), .string("dnf install -y httpd"),
                .key("InstanceType"),
            ],
            html: #"""
                <pre><code class="language-yaml">      <span class="hl-key">UserData</span>:
                        <span class="hl-key">Fn::Base64</span>: <span class="hl-operator">|</span>
                          <span class="hl-string">#!/bin/bash</span>
                          <span class="hl-string">dnf install -y httpd</span>
                      <span class="hl-key">InstanceType</span>: t3.micro
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
            description: >-
              Folded text
              over two lines
            next: value

            """#,
            [.key("description"), .op(">-"), .string("Folded text"), .string("over two lines"), .key("next")]),
        // written for these tests: YAML edge cases
        Snippet(
            "yaml",
            #"""
            anchors:
              base: &base
                region: ap-northeast-2
              lab:
                <<: *base
                count: 0x1F

            """#,
            [
                .key("anchors"), .key("base"), .variable("&base"), .key("region"), .key("lab"), .key("<<"),
                .variable("*base"), .key("count"), .number("0x1F"),
            ],
            html: #"""
                <pre><code class="language-yaml"><span class="hl-key">anchors</span>:
                  <span class="hl-key">base</span>: <span class="hl-variable">&amp;base</span>
                    <span class="hl-key">region</span>: ap-northeast-2
                  <span class="hl-key">lab</span>:
                    <span class="hl-key">&lt;&lt;</span>: <span class="hl-variable">*base</span>
                    <span class="hl-key">count</span>: <span class="hl-number">0x1F</span>
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
            list: [1, 2.5, -3, .inf, ~, "x", 'y']
            map: {a: 1, b: null}

            """#,
            [
                .key("list"), .number("1"), .number("2.5"), .number("-3"), .number(".inf"), .literal("~"),
                .string(#""x""#), .string("'y'"), .key("map"), .key("a"), .number("1"), .key("b"), .literal("null"),
            ],
            html: #"""
                <pre><code class="language-yaml"><span class="hl-key">list</span>: [<span class="hl-number">1</span>, <span class="hl-number">2.5</span>, <span class="hl-number">-3</span>, <span class="hl-number">.inf</span>, <span class="hl-literal">~</span>, <span class="hl-string">&quot;x&quot;</span>, <span class="hl-string">&#39;y&#39;</span>]
                <span class="hl-key">map</span>: {<span class="hl-key">a</span>: <span class="hl-number">1</span>, <span class="hl-key">b</span>: <span class="hl-literal">null</span>}
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
            quoted: "multi
              line"
            after: 1

            """#,
            [.key("quoted"), .string(#""multi"#), .string(#"  line""#), .key("after"), .number("1")],
            html: #"""
                <pre><code class="language-yaml"><span class="hl-key">quoted</span>: <span class="hl-string">&quot;multi</span>
                <span class="hl-string">  line&quot;</span>
                <span class="hl-key">after</span>: <span class="hl-number">1</span>
                </code></pre>
                """#),
        Snippet(
            "yaml",
            #"""
            %YAML 1.2
            ---
            key: value # comment
            url: http://example.com/#anchor
            ...

            """#,
            [.meta("%YAML 1.2"), .meta("---"), .key("key"), .comment("# comment"), .key("url"), .meta("...")]),
        Snippet(
            "yaml",
            #"""
            - name: lab-user
              groups: [lab-cloudtrail-group]
            - name: admin

            """#,
            [.key("name"), .key("groups"), .key("name")]),
        Snippet(
            "yaml",
            #"""
            'single ''quoted'' key': 1e3
            "double": !!str 42

            """#,
            [.key("'single ''quoted'' key'"), .number("1e3"), .key(#""double""#), .keyword("!!str"), .number("42")]),
        Snippet(
            "yaml",
            #"""
            empty:
            tilde: ~
            time: 12:30

            """#,
            [.key("empty"), .key("tilde"), .literal("~"), .key("time")]),
    ]

    @Test("each sample's tokens", arguments: snippets)
    func tokens(_ snippet: Snippet) {
        #expect(snippet.foundTokens == snippet.tokens)
    }

    @Test("the exact HTML of some samples", arguments: snippets.filter { $0.expectedHTML != nil })
    func html(_ snippet: Snippet) {
        #expect(snippet.html == snippet.expectedHTML)
    }

    @Test("a last line of spaces is read to its end, not past it (found by FuzzHighlight)")
    func blankLastLine() throws {
        let code = try Fixtures.text("fuzz/highlight-yaml-blank-last-line.yml")
        #expect(
            CodeBlockHTML.render(code, info: CodeInfo(parsing: "yaml"), values: [])
                == "<pre><code class=\"language-yaml\"><span class=\"hl-key\">Parameters</span>:\n  </code></pre>")
    }
}
