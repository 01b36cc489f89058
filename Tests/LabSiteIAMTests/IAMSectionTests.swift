import Foundation
import Testing

@testable import LabSite
@testable import LabSiteIAM

@Suite("IAM section")
struct IAMSectionTests {
    static let theme = [
        "templates/layout.mustache": "{{{body}}}",
        "templates/page.mustache": "{{{content}}}",
    ]

    static let lab = """
        ---
        title: 실습
        ---
        ## 1. 권한 확인

        ```iam-matrix
        identity: reader <x>
        actions: s3:ListBucket
        ```
        """

    static let matrix = """
        lab: lab.md
        snapshots:
          - file: account.json
            title: 지금
        requests:
          - action: s3:ListBucket
            resource: arn:aws:s3:::aws-cloudtrail-logs-123456789012-mylog
            step: 1
          - action: s3:DeleteObject
            resource: arn:aws:s3:::aws-cloudtrail-logs-123456789012-mylog/k
        """

    static func site(_ extra: [String: String] = [:]) throws -> TemporarySite {
        var files = theme
        files["content/lab.md"] = lab
        files["content/iam/account.json"] = try Fixtures.text("iam/account-encoded.json")
        files["content/iam/matrix.yml"] = matrix
        return try TemporarySite(files: files.merging(extra) { $1 })
    }

    static func build(_ site: borrowing TemporarySite) async throws {
        try await SiteBuilder(sourceDirectory: site.root, sectionTypes: [IAMSection.self]).build()
    }

    @Test("URL-encoded account details give identity pages, an escaped name and the directive's rows")
    func encodedAccount() async throws {
        let site = try Self.site()
        try await Self.build(site)
        let user = try site.read("iam/users/reader~20~3Cx~3E.html")
        #expect(user.contains("<h3 id=\"account-inline-read-trail-logs-policy\">인라인 정책 read-trail-logs</h3>"))
        #expect(user.contains("<a href=\"../../iam/groups/auditors.html\">auditors</a>"))
        let role = try site.read("iam/roles/CloudTrailRole.html")
        #expect(role.contains("<code>Service: cloudtrail.amazonaws.com</code>"))
        let lab = try site.read("lab.html")
        #expect(
            lab.contains(
                "<td class=\"iam-cell iam-cell-allowed\"><span class=\"iam-verdict iam-allowed\">허용</span> "
                    + "<span class=\"iam-why\"><a href=\"iam/users/reader~20~3Cx~3E.html#"
                    + "account-inline-read-trail-logs-"
                    + "statement-1\">read-trail-logs 문 1 (ReadTrailLogs)</a></span></td>"))
        #expect(
            lab.contains(
                "<p class=\"iam-caption\">사용자 <a href=\"iam/users/reader~20~3Cx~3E.html\">reader &lt;x&gt;</a>"))
        #expect(!lab.contains("<x>"))
        let matrix = try site.read("iam/matrix.html")
        #expect(matrix.contains("명시적 거부: <a href=\"../iam/policies/NoDelete.html#statement-1\">NoDelete 문 1</a>"))
        #expect(matrix.contains("<a href=\"../lab.html#step-1\">1</a>"))
    }

    @Test("a course's templates/partials/iam-matrix-table.mustache changes the matrix on every page that shows it")
    func matrixTablePartialOverride() async throws {
        let table = "<p class=\"mine\">{{#requests}}{{action}}:{{#cells}}{{verdict}}{{/cells}};{{/requests}}</p>\n"
        let site = try Self.site(["templates/partials/iam-matrix-table.mustache": table])
        try await Self.build(site)
        let files = try TemporarySite.snapshot(of: site.output)
        let identityPages = files.keys.filter {
            $0.hasPrefix("iam/users/") || $0.hasPrefix("iam/groups/") || $0.hasPrefix("iam/roles/")
        }
        #expect(!identityPages.isEmpty)
        for path in identityPages + ["iam/matrix.html"] {
            let page = try site.read(path)
            #expect(page.contains("<p class=\"mine\">s3:ListBucket:"), "\(path)")
            #expect(!page.contains("iam-matrix\">"), "\(path)")
        }
        let lab = try site.read("lab.html")
        #expect(lab.contains("<p class=\"mine\">s3:ListBucket:allowed;</p>"))
        // The statement tables of the same pages still come from the built-in theme.
        #expect(try site.read("iam/users/reader~20~3Cx~3E.html").contains("<table class=\"iam-statements\">"))
    }

    @Test("a policy page: summary and statements, exactly")
    func policyPage() async throws {
        let document = #"""
            {"Version":"2012-10-17","Statement":[
             {"Sid":"Logs","Effect":"Allow","Action":["s3:CreateBucket","madeup:ListThings","s3:Nope"],
              "Resource":"arn:aws:s3:::aws-cloudtrail-logs*"},
             {"Effect":"Deny","NotAction":"sts:*","Resource":"*",
              "Condition":{"StringEquals":{"aws:RequestedRegion":"<us>"}}}]}
            """#
        let site = try TemporarySite(files: Self.theme.merging(["content/iam/policies/Small.json": document]) { $1 })
        try await Self.build(site)
        let html = try site.read("iam/policies/Small.html")
        let statements = try #require(html.components(separatedBy: "<h2 id=\"statements\">문(Statement)</h2>\n").last)
        #expect(
            statements.hasPrefix(
                """
                <div class="iam-table-wrap"><table class="iam-statements">
                <thead><tr><th>#</th><th>효과</th><th>작업</th><th>리소스</th><th>조건</th></tr></thead>
                <tbody>
                <tr id="statement-1" class="iam-allow"><td>1<br><code class="iam-sid">Logs</code></td>\
                <td><span class="iam-effect">허용</span> <code>Allow</code></td><td><ul class="iam-patterns">\
                <li><code>s3:CreateBucket</code></li><li><code>madeup:ListThings</code></li>\
                <li><code>s3:Nope</code> <span class="iam-flag">카탈로그에 없는 작업</span></li></ul>\
                <details class="iam-expanded"><summary>카탈로그 작업 1개 펼치기</summary><dl class="iam-groups">\
                <dt>Amazon S3 (<code>s3</code>)</dt><dd><span class="iam-level">쓰기</span> \
                <code>s3:CreateBucket</code></dd>\
                </dl></details><p class="iam-flag-note"><span class="iam-flag">카탈로그에 없는 서비스</span> \
                <code>madeup</code>: 작업을 펼치지 않고 적힌 그대로 보인다.</p></td><td><ul class="iam-patterns">\
                <li><code>arn:aws:s3:::aws-cloudtrail-logs*</code></li></ul></td>\
                <td><span class="iam-note">없음</span></td></tr>
                """))
        #expect(html.contains("<li>aws:RequestedRegion 값이 &lt;us&gt;일 때 <code>StringEquals</code></li>"))
        #expect(html.contains("<p class=\"iam-not\">다음을 <strong>제외한</strong> 모든 작업 (<code>NotAction</code>):</p>"))
        #expect(html.contains("<td>Amazon S3 (<code>s3</code>)</td><td>제한: 쓰기 (일부 1/51)</td>"))
        #expect(html.contains("<td><code>madeup</code></td><td><span class=\"iam-flag\">카탈로그에 없는 서비스</span> "))
        #expect(
            html.contains(
                "<p class=\"iam-flag-note\">제외 목록에 들지 않는 카탈로그 작업 20439개(서비스 444개): 너무 많아 펼치지 않는다.</p>"))
        let review = try #require(html.components(separatedBy: "<h2 id=\"review\">검토 결과</h2>\n").last)
        let guide =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
            + "#access-analyzer-reference-policy-checks-error-"
        #expect(
            review.contains(
                """
                <p class="iam-review-counts">오류 2</p>
                <ol class="iam-findings">
                <li class="iam-finding iam-finding-error"><span class="iam-finding-type">오류</span> \
                <code class="iam-finding-code">INVALID_SERVICE_IN_ACTION</code> IAM에 없는 서비스 접두사입니다: madeup \
                (작업 madeup:ListThings).<span class="iam-finding-place"><a href="#source-L2">\
                content/iam/policies/Small.json:2:61</a> · <code>Statement[0].Action[1]</code> · \
                <a href="\(guide)invalid-service-in-action">설명 문서</a></span></li>
                <li class="iam-finding iam-finding-error"><span class="iam-finding-type">오류</span> \
                <code class="iam-finding-code">INVALID_ACTION</code> Amazon S3에 없는 작업입니다: s3:Nope.\
                <span class="iam-finding-place"><a href="#source-L2">content/iam/policies/Small.json:2:81</a> · \
                <code>Statement[0].Action[2]</code> · <a href="\(guide)invalid-action">설명 문서</a></span></li>
                </ol>
                <h2 id="source">원본 JSON</h2>
                <p><code>content/iam/policies/Small.json</code>의 1–5행. 검토 결과가 가리키는 행은 표시된다.</p>
                <pre class="iam-source"><code><span class="iam-source-line" id="source-L1">\
                <span class="iam-source-number" aria-hidden="true">1</span>\
                {&quot;Version&quot;:&quot;2012-10-17&quot;,&quot;Statement&quot;:[</span>
                <span class="iam-source-line iam-source-flagged" id="source-L2">\
                <span class="iam-source-number" aria-hidden="true">2</span> {&quot;Sid&quot;:&quot;Logs&quot;,
                """.dropLast()))
        #expect(review.contains("&quot;aws:RequestedRegion&quot;:&quot;&lt;us&gt;&quot;}}}]}</span>\n</code></pre>"))
        // The index counts each policy's findings.
        #expect(try site.read("iam/index.html").contains("<td>오류 2</td>"))
    }

    @Test(
        "every managed policy of the shared dataset renders",
        arguments: try FileManager.default
            .contentsOfDirectory(atPath: Fixtures.url("iam/dataset").path).filter { $0.hasSuffix(".json") }.sorted())
    func datasetPolicy(file: String) async throws {
        let site = try TemporarySite(
            files: Self.theme.merging(["content/iam/policies/\(file)": try Fixtures.text("iam/dataset/\(file)")]) { $1 }
        )
        try await Self.build(site)
        let html = try site.read("iam/policies/\(file.dropLast(5)).html")
        #expect(html.contains("<tr id=\"statement-1\""))
        #expect(!html.contains("<script"))
    }

    @Test(
        "bad inputs fail with the file and the cause",
        arguments: [
            (
                "content/iam/policies/Bad.json", "{\"Statement\": [", "content/iam/policies/Bad.json", 1,
                "The file is not valid JSON: the JSON ends where a value was expected (column 16)."
            ),
            (
                "content/iam/policies/Bad.json", #"{"Statement":[{"Effect":"Allow","Action":1,"Resource":"*"}]}"#,
                "content/iam/policies/Bad.json", nil,
                "Statement 1 of the policy Bad has an Action that is a number; "
                    + "it must be a string or a list of strings."
            ),
            (
                "content/iam/account.json", #"{"UserDetailList":[{"UserName":"u","GroupList":["g"]}]}"#,
                "content/iam/account.json", nil,
                "The user u belongs to the group g, which GroupDetailList does not list."
            ),
            (
                "content/iam/account.json",
                #"{"UserDetailList":[{"UserName":"u","#
                    + #""AttachedManagedPolicies":[{"PolicyName":"X","PolicyArn":"arn:x"}]}]}"#,
                "content/iam/account.json", nil,
                "The user u has the policy arn:x attached, but neither Policies in this file nor content/iam/policies/ "
                    + "holds its document."
            ),
            (
                "content/iam/account.json",
                #"{"UserDetailList":[{"UserName":"u","UserPolicyList":[{"PolicyName":"p","PolicyDocument":"#
                    + #""%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Maybe%22%7D%5D%7D"}]}]}"#,
                "content/iam/account.json", nil,
                "Statement 1 of the inline policy p of the user u has the Effect \"Maybe\"; "
                    + "it must be \"Allow\" or \"Deny\"."
            ),
            (
                "content/iam/account.json", #"{"Users":[]}"#, "content/iam/account.json", nil,
                "The file has none of UserDetailList, GroupDetailList, RoleDetailList and Policies; "
                    + "save the output of `aws iam get-account-authorization-details`."
            ),
        ] as [(String, String, String, Int?, String)])
    func badInput(file: String, text: String, path: String, line: Int?, reason: String) async throws {
        let site = try TemporarySite(files: Self.theme.merging([file: text]) { $1 })
        await #expect(throws: IAMError(path: path, line: line, reason: reason)) { try await Self.build(site) }
    }

    @Test(
        "a directive that matches nothing fails at its line",
        arguments: [
            (
                "identity: nobody",
                "The iam-matrix block names the identity \"nobody\", which no account file under "
                    + "content/iam/ lists (known: user/reader <x>, group/auditors, role/CloudTrailRole)."
            ),
            (
                "identity: auditors\nactions: ec2:RunInstances",
                "The iam-matrix block selects the action \"ec2:RunInstances\", "
                    + "which content/iam/matrix.yml has no request for."
            ),
            ("actions: s3:ListBucket", "The iam-matrix block names no identity; write \"identity: lab-user\"."),
        ])
    func badDirective(body: String, reason: String) async throws {
        let site = try Self.site(["content/lab.md": "---\ntitle: 실습\n---\n## 1. 단계\n\n```iam-matrix\n\(body)\n```\n"])
        let error = await #expect(throws: BuildErrors.self) { try await Self.build(site) }
        #expect(error?.description == "content/lab.md:6: error: \(reason)")
    }

    @Test("file names are deterministic, injective and stay in their folder")
    func fileNames() {
        #expect(IAMSection.fileName("AWSCloudTrail_FullAccess") == "AWSCloudTrail_FullAccess")
        #expect(IAMSection.fileName("a/b") == "a~2Fb")
        #expect(IAMSection.fileName("..") == "~2E.")
        #expect(IAMSection.fileName("이름") == "~EC~9D~B4~EB~A6~84")
        #expect(IAMSection.fileName("a~2F") == "a~7E2F")
    }

    @Test("a site without content/iam has no IAM pages")
    func empty() async throws {
        let site = try TemporarySite(files: Self.theme.merging(["content/index.md": "---\ntitle: 홈\n---\n"]) { $1 })
        try await Self.build(site)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("iam/index.html").path))
    }

    // Found by Fuzz/ (FuzzFrontMatter, the same decoding in matrix.yml): Yams traps decoding a YAML
    // 1.1 base-60 number too large for Int.
    @Test("a step too large for a whole number is an error naming the field")
    func base60Step() throws {
        let text = try Fixtures.text("fuzz/matrix-base-60-step.yml")
        #expect(
            throws: IAMError(
                path: "content/iam/matrix.yml",
                reason: "The matrix settings are not valid: requests.Index 0.step has the wrong type.")
        ) {
            try MatrixSettings.parse(text, path: "content/iam/matrix.yml")
        }
    }
}
