import Testing
@testable import LabSite
@testable import LabSiteIAM

@Suite("Permission evaluator")
struct PermissionEvaluatorTests {
    static func policy(_ name: String, _ statements: [PolicyStatement]) -> EffectivePolicy {
        EffectivePolicy(
            name: name, origin: .managed(arn: "arn:aws:iam::aws:policy/\(name)"),
            document: PolicyDocument(version: "2012-10-17", statements: statements))
    }

    static let cloudTrailFull = policy(
        "CT",
        [
            PolicyStatement(
                effect: .allow, actions: ["s3:CreateBucket", "s3:PutBucketPolicy"],
                resources: ["arn:aws:s3:::aws-cloudtrail-logs*"]),
            PolicyStatement(effect: .allow, actions: ["cloudtrail:*"], resources: ["*"]),
            PolicyStatement(
                effect: .allow, actions: ["iam:PassRole"], resources: ["*"],
                conditions: [
                    ConditionClause(
                        operation: "StringEquals", key: "iam:PassedToService", values: ["cloudtrail.amazonaws.com"])
                ]),
        ])
    static let s3Full = policy(
        "S3", [PolicyStatement(effect: .allow, actions: ["s3:*", "s3-object-lambda:*"], resources: ["*"])])
    static let denyDelete = policy(
        "NoDelete", [PolicyStatement(sid: "NoDelete", effect: .deny, actions: ["s3:Delete*"], resources: ["*"])])
    static let notAction = policy(
        "AllButIAM", [PolicyStatement(effect: .allow, notActions: ["iam:*", "organizations:*"], resources: ["*"])])
    static let middle = policy(
        "Middle",
        [
            PolicyStatement(
                effect: .allow, actions: ["cloudtrail:*Trail*", "s3:Get?bject"],
                resources: ["arn:aws:*:*:123456789012:trail/lab-*-trail", "arn:aws:s3:::bucket-??/*"])
        ])
    static let notResource = policy(
        "NotProd", [PolicyStatement(effect: .allow, actions: ["s3:*"], notResources: ["arn:aws:s3:::prod-*"])])
    static let conditionalDeny = policy(
        "NeedMFA",
        [
            PolicyStatement(
                effect: .deny, actions: ["*"], resources: ["*"],
                conditions: [
                    ConditionClause(operation: "BoolIfExists", key: "aws:MultiFactorAuthPresent", values: ["false"])
                ]
            )
        ])
    static let variable = policy(
        "Home",
        [PolicyStatement(effect: .allow, actions: ["s3:GetObject"], resources: ["arn:aws:s3:::home/${aws:username}/*"])]
    )

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var policies: [EffectivePolicy]
        var request: PermissionRequest
        var verdict: String
        /// `policy#statement` (1-based) of the deciding statement, or the near misses for implicit denials.
        var decidedBy: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "an Allow on a prefix covers the trail bucket", policies: [cloudTrailFull],
            request: PermissionRequest(action: "s3:CreateBucket", resource: "arn:aws:s3:::aws-cloudtrail-logs-1-mylog"),
            verdict: "allowed", decidedBy: ["CT#1"]),
        Case(
            name: "another bucket name is implicitly denied, with the prefix statement as near miss",
            policies: [cloudTrailFull],
            request: PermissionRequest(action: "s3:CreateBucket", resource: "arn:aws:s3:::my-bucket"),
            verdict: "denied", decidedBy: ["CT#1"]),
        Case(
            name: "no statement names s3:ListBucket", policies: [cloudTrailFull],
            request: PermissionRequest(action: "s3:ListBucket", resource: "arn:aws:s3:::aws-cloudtrail-logs-1"),
            verdict: "denied", decidedBy: []),
        Case(
            name: "action names match without case", policies: [cloudTrailFull],
            request: PermissionRequest(action: "CloudTrail:startlogging", resource: "*"), verdict: "allowed",
            decidedBy: ["CT#2"]),
        Case(
            name: "a second policy adds the missing Allow", policies: [cloudTrailFull, s3Full],
            request: PermissionRequest(action: "s3:ListBucket", resource: "arn:aws:s3:::aws-cloudtrail-logs-1"),
            verdict: "allowed", decidedBy: ["S3#1"]),
        Case(
            name: "an explicit Deny wins over an Allow", policies: [s3Full, denyDelete],
            request: PermissionRequest(action: "s3:DeleteObject", resource: "arn:aws:s3:::b/k"), verdict: "denied",
            decidedBy: ["NoDelete#1"]),
        Case(
            name: "the Deny does not touch other actions", policies: [s3Full, denyDelete],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::b/k"), verdict: "allowed",
            decidedBy: ["S3#1"]),
        Case(
            name: "NotAction allows what it does not list", policies: [notAction],
            request: PermissionRequest(action: "ec2:RunInstances"), verdict: "allowed", decidedBy: ["AllButIAM#1"]),
        Case(
            name: "NotAction does not allow what it lists", policies: [notAction],
            request: PermissionRequest(action: "iam:CreateUser"), verdict: "denied", decidedBy: []),
        Case(
            name: "a wildcard in the middle of an action and a resource", policies: [middle],
            request: PermissionRequest(
                action: "cloudtrail:StartTrailLogging",
                resource: "arn:aws:cloudtrail:ap-northeast-2:123456789012:trail/lab-events-trail"),
            verdict: "allowed", decidedBy: ["Middle#1"]),
        Case(
            name: "`?` matches exactly one character", policies: [middle],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::bucket-01/a/b"),
            verdict: "allowed", decidedBy: ["Middle#1"]),
        Case(
            name: "`?` does not match two characters", policies: [middle],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::bucket-001/a"),
            verdict: "denied", decidedBy: ["Middle#1"]),
        Case(
            name: "`*` in the middle needs both ends", policies: [middle],
            request: PermissionRequest(action: "cloudtrail:LookupEvents", resource: "*"), verdict: "denied",
            decidedBy: []),
        Case(
            name: "NotResource allows other resources", policies: [notResource],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::dev-1/k"), verdict: "allowed",
            decidedBy: ["NotProd#1"]),
        Case(
            name: "NotResource excludes its resources", policies: [notResource],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::prod-1/k"), verdict: "denied",
            decidedBy: ["NotProd#1"]),
        Case(
            name: "a condition on a key the request does not carry depends on it", policies: [cloudTrailFull],
            request: PermissionRequest(action: "iam:PassRole", resource: "arn:aws:iam::1:role/r"), verdict: "depends",
            decidedBy: ["CT#3"]),
        Case(
            name: "the same condition decided from the request's context", policies: [cloudTrailFull],
            request: PermissionRequest(
                action: "iam:PassRole", resource: "arn:aws:iam::1:role/r",
                context: ["iam:PassedToService": ["cloudtrail.amazonaws.com"]]),
            verdict: "allowed", decidedBy: ["CT#3"]),
        Case(
            name: "a condition that does not hold drops the statement", policies: [cloudTrailFull],
            request: PermissionRequest(
                action: "iam:PassRole", resource: "arn:aws:iam::1:role/r",
                context: ["iam:PassedToService": ["ec2.amazonaws.com"]]),
            verdict: "denied", decidedBy: []),
        Case(
            name: "a conditional Deny over a definite Allow depends on the Deny", policies: [s3Full, conditionalDeny],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::b/k"),
            verdict: "depends", decidedBy: ["NeedMFA#1"]),
        Case(
            name: "a conditional Deny with the key present and met denies", policies: [s3Full, conditionalDeny],
            request: PermissionRequest(
                action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: ["aws:MultiFactorAuthPresent": ["false"]]
            ),
            verdict: "denied", decidedBy: ["NeedMFA#1"]),
        Case(
            name: "a policy variable in a resource depends on the request", policies: [variable],
            request: PermissionRequest(action: "s3:GetObject", resource: "arn:aws:s3:::home/lab-user/a"),
            verdict: "depends", decidedBy: ["Home#1"]),
        Case(
            name: "no policies at all deny", policies: [], request: PermissionRequest(action: "s3:GetObject"),
            verdict: "denied", decidedBy: []),
    ]

    @Test("decisions", arguments: cases)
    func decide(_ testCase: Case) {
        let decision = PermissionEvaluator(policies: testCase.policies).decide(testCase.request)
        #expect(decision.verdict == testCase.verdict)
        let label = { (reference: StatementReference) in "\(reference.policy.name)#\(reference.index + 1)" }
        switch decision {
        case .allowed(let reference), .explicitlyDenied(let reference), .depends(let reference, _):
            #expect([label(reference)] == testCase.decidedBy)
        case .implicitlyDenied(let misses):
            #expect(misses.map(label) == testCase.decidedBy)
        }
    }

    @Test("an undecidable condition names its key and value in words")
    func dependsReason() {
        let decision = PermissionEvaluator(policies: [Self.cloudTrailFull])
            .decide(PermissionRequest(action: "iam:PassRole", resource: "*"))
        guard case .depends(_, let reasons) = decision else {
            Issue.record("expected depends, got \(decision)")
            return
        }
        #expect(reasons == ["iam:PassedToService 값이 cloudtrail.amazonaws.com일 때"])
    }

    @Test(
        "wildcard patterns",
        arguments: [
            ("s3:Get*", "s3:GetObject", true), ("s3:Get*", "s3:PutObject", false), ("*", "", true),
            ("a*b*c", "aXbYc", true), ("a*b*c", "aXcYb", false), ("a?c", "abc", true), ("a?c", "ac", false),
            ("*Trail*", "CreateTrail", true), ("arn:aws:s3:::x/*", "arn:aws:s3:::x", false),
            ("*.json.gz", "a.json.gz", true),
            ("한?", "한글", true),
        ])
    func wildcard(pattern: String, text: String, matches: Bool) {
        #expect(WildcardPattern(pattern).matches(text) == matches)
    }
}
