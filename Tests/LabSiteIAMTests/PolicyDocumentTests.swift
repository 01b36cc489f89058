import Foundation
import Testing
@testable import LabSite
@testable import LabSiteIAM

@Suite("IAM policy documents")
struct PolicyDocumentTests {
    static let path = "content/iam/policies/P.json"

    static func parse(_ text: String) throws -> PolicyDocument {
        try PolicyDocument.parse(text: text, path: path, name: "the policy P")
    }

    @Test("a string Action, a single Statement object and NotResource")
    func shapes() throws {
        let document = try Self.parse(
            #"{"Version":"2012-10-17","Statement":{"Sid":"A","Effect":"Deny","Action":"s3:*","#
                + #""NotResource":"arn:aws:s3:::x"}}"#
        )
        #expect(
            document
                == PolicyDocument(
                    version: "2012-10-17",
                    statements: [
                        PolicyStatement(sid: "A", effect: .deny, actions: ["s3:*"], notResources: ["arn:aws:s3:::x"])
                    ]
                ))
    }

    @Test("the IAM API's URL-encoded documents decode to the same document")
    func urlEncoded() throws {
        let json =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*"],"Resource":"*","#
            + #""Condition":{"StringEquals":{"aws:SourceVpc":["vpc-1",2,true]}}}]}"#
        let encoded = try #require(json.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(try Self.parse(encoded) == Self.parse(json))
        #expect(
            try Self.parse(json).statements[0].conditions == [
                ConditionClause(operation: "StringEquals", key: "aws:SourceVpc", values: ["vpc-1", "2", "true"])
            ])
    }

    @Test(
        "bad documents fail with the cause",
        arguments: [
            (
                #"{"Statement":[{"Action":"s3:*","Resource":"*"}]}"#,
                #"Statement 1 of the policy P has no Effect; write "Effect": "Allow" or "Deny"."#
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},"#
                    + #"{"Effect":"Permit","Action":"s3:*","Resource":"*"}]}"#,
                #"Statement 2 of the policy P has the Effect "Permit"; it must be "Allow" or "Deny"."#
            ),
            (
                #"{"Statement":[{"Effect":true,"Action":"s3:*","Resource":"*"}]}"#,
                #"Statement 1 of the policy P has an Effect that is a boolean; it must be "Allow" or "Deny"."#
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":7,"Resource":"*"}]}"#,
                "Statement 1 of the policy P has an Action that is a number; it must be a string or a list of strings."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":{"a":1},"Resource":"*"}]}"#,
                "Statement 1 of the policy P has an Action that is an object; it must be a string or a list of strings."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":["s3:*",null],"Resource":"*"}]}"#,
                "Statement 1 of the policy P has null in its Action list; every entry must be a string."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","NotAction":3,"Resource":"*"}]}"#,
                "Statement 1 of the policy P has a NotAction that is a number; "
                    + "it must be a string or a list of strings."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}]}"#,
                "Statement 1 of the policy P has both Action and NotAction; a statement may have one."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Resource":"*"}]}"#,
                "Statement 1 of the policy P has neither Action nor NotAction; name the actions it covers."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}"#,
                "Statement 1 of the policy P has neither Resource nor NotResource; name the resources it covers."
            ),
            (#"{"Version":"2012-10-17"}"#, "The document of the policy P has no Statement."),
            (
                #"{"Statement":"x"}"#,
                "The Statement of the policy P is a string; it must be an object or a list of objects."
            ),
            (
                #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","#
                    + #""Condition":{"StringEquals":{"k":{"a":1}}}}]}"#,
                "Statement 1 of the policy P compares the condition key k with an object; "
                    + "use strings, numbers or booleans."
            ),
            ("%7B%22Statement", "The document of the policy P is not valid JSON."),
            ("not a policy", "The document of the policy P is neither a JSON object nor a URL-encoded JSON object."),
        ])
    func badDocuments(text: String, reason: String) {
        #expect(throws: IAMError(path: Self.path, reason: reason)) { try Self.parse(text) }
    }

    @Test("conditions in Korean words")
    func sentences() {
        let cases: [(ConditionClause, String)] = [
            (
                ConditionClause(
                    operation: "StringEquals", key: "iam:PassedToService", values: ["cloudtrail.amazonaws.com"]),
                "iam:PassedToService 값이 cloudtrail.amazonaws.com일 때"
            ),
            (
                ConditionClause(operation: "StringLikeIfExists", key: "iam:AWSServiceName", values: ["a*", "b*"]),
                "iam:AWSServiceName 값이 패턴 a* 또는 b*에 맞을 때 (키가 요청에 없으면 충족)"
            ),
            (
                ConditionClause(operation: "ForAnyValue:StringEquals", key: "aws:CalledVia", values: ["x"]),
                "aws:CalledVia: 요청에 담긴 값 중 하나라도 x일 때"
            ),
            (
                ConditionClause(operation: "Null", key: "aws:TokenIssueTime", values: ["true"]),
                "aws:TokenIssueTime 키가 요청에 없을 때"
            ),
            (ConditionClause(operation: "Weird", key: "k", values: ["v"]), "조건 Weird: k = v"),
        ]
        for (clause, sentence) in cases { #expect(clause.sentence == sentence) }
    }
}
