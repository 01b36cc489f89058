/// How a CloudTrail event maps to IAM actions when it is not `service:EventName`.
package struct EventActionException: Sendable, Equatable {
    /// `s3.amazonaws.com`.
    package var eventSource: String
    /// `ListObjects`.
    package var eventName: String
    /// The actions the call needs; empty when it needs none (`ConsoleLogin`).
    package var actions: [String]
    /// Why, in one Korean sentence (합니다체) a student can follow.
    package var noteKorean: String
    /// The AWS documentation page that says so.
    package var source: String
}

/// CloudTrail events whose IAM actions are not the event source's prefix and the event name.
///
/// Most events map one-to-one: `iam.amazonaws.com` `AttachUserPolicy` needs `iam:AttachUserPolicy`. Only the
/// exceptions a document confirms are listed; every action named was checked against the action catalogue.
/// Amazon S3 names its calls after its REST API, which CloudTrail records as the event name, and its
/// permissions page maps each API operation to policy actions; the S3 entries follow that page's tables.
///
/// The course's sample trail (content/trail: the `AWSLogs` JSON files and the event-history CSV) holds
/// `cloudtrail.amazonaws.com` CreateTrail, DescribeTrails, GetTrailStatus, LookupEvents, StartLogging;
/// `ec2.amazonaws.com` AssociateRouteTable, AttachInternetGateway, AuthorizeSecurityGroupIngress,
/// CreateInternetGateway, CreateKeyPair, CreateRoute, CreateRouteTable, CreateSecurityGroup, CreateSubnet,
/// CreateVpc, ModifyVpcAttribute, RunInstances; `iam.amazonaws.com` AddUserToGroup, AttachGroupPolicy,
/// AttachUserPolicy, CreateGroup, CreateLoginProfile, CreateUser; and `signin.amazonaws.com` ConsoleLogin. All but
/// ConsoleLogin are actions of the same name in the catalogue, so ConsoleLogin is the one exception it needs.
///
/// Checked and left out: S3 calls whose action has the API's name (GetBucketLocation, GetBucketPolicyStatus,
/// GetBucketAcl, PutBucketAcl, GetBucketOwnershipControls, PutBucketOwnershipControls, the bucket-level
/// PutBucketPublicAccessBlock), and GetBucketCors / PutBucketCors, whose actions `s3:GetBucketCORS` /
/// `s3:PutBucketCORS` differ only in case, which IAM ignores; the public access block calls
/// (Get/Put/DeletePublicAccessBlock), because the same API name needs a bucket action or an account action
/// depending on the endpoint; `sts:AssumeRole`, `sns:*`, `cloudtrail:*`, `iam:*` and `iam:CreateServiceLinkedRole`,
/// which are one-to-one; and the other sign-in events (SwitchRole, GetSigninToken, …), for which no page states
/// the permissions needed.
package enum EventActionExceptions {
    package static let all: [EventActionException] =
        s3Buckets + s3ConfigurationFamilies + s3Objects + s3Account + signIn + sts

    /// The exception for this event, or nil when the event needs `prefix:eventName` (the prefix from
    /// ``servicePrefix(eventSource:)``).
    package static func exception(eventSource: String, eventName: String) -> EventActionException? {
        byEvent[key(eventSource.lowercased(), eventName)]
    }

    /// Event sources whose IAM service prefix is not the part before the first dot.
    ///
    /// CloudWatch's API calls arrive as `monitoring.amazonaws.com` (the EventBridge reference for CloudWatch
    /// events, https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-monitoring.html, "eventSource:
    /// monitoring.amazonaws.com"), while its actions use the prefix `cloudwatch` (Service Authorization Reference,
    /// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html).
    package static let servicePrefixes: [String: String] = [
        "monitoring.amazonaws.com": "cloudwatch"
    ]

    /// The IAM service prefix of an event source: the table's entry, else the part before the first dot.
    package static func servicePrefix(eventSource: String) -> String {
        let lowered = eventSource.lowercased()
        return servicePrefixes[lowered] ?? String(lowered.prefix { $0 != "." })
    }

    private static func key(_ eventSource: String, _ eventName: String) -> String { eventSource + "\t" + eventName }

    private static let byEvent: [String: EventActionException] = Dictionary(
        all.map { (key($0.eventSource, $0.eventName), $0) }, uniquingKeysWith: { first, _ in first })

    // MARK: - Amazon S3

    /// "Required permissions for Amazon S3 API operations" in the Amazon S3 User Guide.
    private static let s3Permissions =
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html"
    private static let s3BucketSection = s3Permissions + "#using-with-s3-policy-actions-related-to-buckets"
    private static let s3ObjectSection = s3Permissions + "#using-with-s3-policy-actions-related-to-objects"

    private static func s3(_ eventName: String, _ actions: [String], _ noteKorean: String, source: String)
        -> EventActionException
    {
        EventActionException(
            eventSource: "s3.amazonaws.com", eventName: eventName, actions: actions, noteKorean: noteKorean,
            source: source)
    }

    /// The "Bucket operations and permissions" table.
    private static let s3Buckets: [EventActionException] = [
        s3(
            "HeadBucket", ["s3:ListBucket"],
            "HeadBucket은 버킷이 있는지와 접근할 수 있는지만 확인하는 호출이라 따로 된 작업 없이 s3:ListBucket 권한으로 "
                + "허용됩니다.", source: s3BucketSection),
        s3(
            "ListObjects", ["s3:ListBucket"],
            "버킷 안의 객체 목록은 버킷에 대한 작업이라 이름이 ListObjects여도 권한은 s3:ListBucket입니다.",
            source: s3BucketSection),
        s3(
            "ListObjectsV2", ["s3:ListBucket"],
            "ListObjectsV2도 ListObjects와 같이 버킷의 객체 목록을 읽으므로 s3:ListBucket 권한이 필요합니다.",
            source: s3BucketSection),
        s3(
            "ListObjectVersions", ["s3:ListBucketVersions"],
            "객체의 모든 버전 목록은 버킷에 대한 작업이라 s3:ListBucketVersions 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "GetBucketEncryption", ["s3:GetEncryptionConfiguration"],
            "버킷의 기본 암호화 설정을 읽는 API는 GetBucketEncryption이지만 정책의 작업 이름은 "
                + "s3:GetEncryptionConfiguration입니다.", source: s3BucketSection),
        s3(
            "PutBucketEncryption", ["s3:PutEncryptionConfiguration"],
            "버킷의 기본 암호화를 설정하는 PutBucketEncryption은 s3:PutEncryptionConfiguration 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "DeleteBucketEncryption", ["s3:PutEncryptionConfiguration"],
            "기본 암호화 설정을 지우는 것도 설정을 바꾸는 일로 보아 삭제 전용 작업 없이 s3:PutEncryptionConfiguration "
                + "권한이 필요합니다.", source: s3BucketSection),
        s3(
            "GetBucketLifecycle", ["s3:GetLifecycleConfiguration"],
            "수명 주기 설정을 읽는 예전 API GetBucketLifecycle은 s3:GetLifecycleConfiguration 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "GetBucketLifecycleConfiguration", ["s3:GetLifecycleConfiguration"],
            "수명 주기 설정을 읽는 새 API GetBucketLifecycleConfiguration도 s3:GetLifecycleConfiguration 권한을 "
                + "씁니다.",
            source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLifecycleConfiguration.html"),
        s3(
            "PutBucketLifecycle", ["s3:PutLifecycleConfiguration"],
            "수명 주기 설정을 만드는 예전 API PutBucketLifecycle은 s3:PutLifecycleConfiguration 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "PutBucketLifecycleConfiguration", ["s3:PutLifecycleConfiguration"],
            "수명 주기 설정을 만드는 새 API PutBucketLifecycleConfiguration도 s3:PutLifecycleConfiguration 권한을 "
                + "씁니다.",
            source: "https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html"),
        s3(
            "DeleteBucketLifecycle", ["s3:PutLifecycleConfiguration"],
            "수명 주기 설정을 지우는 것도 설정을 바꾸는 일로 보아 s3:PutLifecycleConfiguration 권한이 필요합니다.",
            source: s3BucketSection),
        s3(
            "GetBucketReplication", ["s3:GetReplicationConfiguration"],
            "복제 설정을 읽는 GetBucketReplication의 정책 작업 이름은 s3:GetReplicationConfiguration입니다.",
            source: s3BucketSection),
        s3(
            "PutBucketReplication", ["s3:PutReplicationConfiguration"],
            "복제 설정을 만드는 PutBucketReplication은 s3:PutReplicationConfiguration 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "DeleteBucketReplication", ["s3:PutReplicationConfiguration"],
            "복제 설정을 지우는 것도 설정을 바꾸는 일로 보아 s3:PutReplicationConfiguration 권한이 필요합니다.",
            source: s3BucketSection),
        s3(
            "DeleteBucketCors", ["s3:PutBucketCORS"],
            "CORS 설정을 지우는 작업은 따로 없어 설정을 쓰는 s3:PutBucketCORS 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "DeleteBucketTagging", ["s3:PutBucketTagging"],
            "버킷 태그를 지우는 작업은 따로 없어 태그를 쓰는 s3:PutBucketTagging 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "DeleteBucketOwnershipControls", ["s3:PutBucketOwnershipControls"],
            "객체 소유권 설정을 지우는 작업은 따로 없어 설정을 쓰는 s3:PutBucketOwnershipControls 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "GetBucketNotificationConfiguration", ["s3:GetBucketNotification"],
            "알림 설정을 읽는 GetBucketNotificationConfiguration의 정책 작업 이름은 s3:GetBucketNotification입니다.",
            source: s3BucketSection),
        s3(
            "PutBucketNotificationConfiguration", ["s3:PutBucketNotification"],
            "알림 설정을 쓰는 PutBucketNotificationConfiguration은 s3:PutBucketNotification 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "GetBucketAccelerateConfiguration", ["s3:GetAccelerateConfiguration"],
            "전송 가속 상태를 읽는 API의 정책 작업 이름은 Bucket이 빠진 s3:GetAccelerateConfiguration입니다.",
            source: s3BucketSection),
        s3(
            "PutBucketAccelerateConfiguration", ["s3:PutAccelerateConfiguration"],
            "전송 가속을 켜고 끄는 API는 Bucket이 빠진 s3:PutAccelerateConfiguration 권한으로 허용됩니다.",
            source: s3BucketSection),
        s3(
            "GetObjectLockConfiguration", ["s3:GetBucketObjectLockConfiguration"],
            "객체 잠금 설정은 버킷의 설정이라 API 이름과 달리 s3:GetBucketObjectLockConfiguration 권한이 필요합니다.",
            source: s3BucketSection),
        s3(
            "PutObjectLockConfiguration", ["s3:PutBucketObjectLockConfiguration"],
            "객체 잠금 설정은 버킷의 설정이라 API 이름과 달리 s3:PutBucketObjectLockConfiguration 권한이 필요합니다.",
            source: s3BucketSection),
    ]

    /// Analytics, inventory, metrics and Intelligent-Tiering configurations: `Get…` and `List…` need the `Get`
    /// action, `Put…` and `Delete…` the `Put` action, and none of the actions has `Bucket` in its name.
    private static let s3ConfigurationFamilies: [EventActionException] = {
        let families = [
            ("Analytics", "분석"), ("Inventory", "인벤토리"), ("Metrics", "지표"),
            ("IntelligentTiering", "Intelligent-Tiering"),
        ]
        var entries: [EventActionException] = []
        for (family, korean) in families {
            let get = "s3:Get\(family)Configuration"
            let put = "s3:Put\(family)Configuration"
            entries += [
                s3(
                    "GetBucket\(family)Configuration", [get],
                    "버킷의 \(korean) 구성을 읽는 API는 Bucket이 빠진 \(get) 권한으로 허용됩니다.",
                    source: s3BucketSection),
                s3(
                    "ListBucket\(family)Configurations", [get],
                    "버킷의 \(korean) 구성 목록을 보는 것도 구성을 읽는 일이라 \(get) 권한이 필요합니다.",
                    source: s3BucketSection),
                s3(
                    "PutBucket\(family)Configuration", [put],
                    "버킷의 \(korean) 구성을 쓰는 API는 Bucket이 빠진 \(put) 권한으로 허용됩니다.",
                    source: s3BucketSection),
                s3(
                    "DeleteBucket\(family)Configuration", [put],
                    "버킷의 \(korean) 구성을 지우는 작업은 따로 없어 구성을 쓰는 \(put) 권한이 필요합니다.",
                    source: s3BucketSection),
            ]
        }
        return entries
    }()

    /// The "Object operations and permissions" table.
    private static let s3Objects: [EventActionException] = [
        s3(
            "HeadObject", ["s3:GetObject"],
            "HeadObject는 객체 본문 없이 메타데이터만 돌려주지만 객체를 읽는 것과 같은 s3:GetObject 권한이 필요합니다.",
            source: s3ObjectSection),
        s3(
            "GetObjectAttributes", ["s3:GetObject"],
            "객체의 속성을 읽는 GetObjectAttributes는 s3:GetObject(버전을 지정하면 s3:GetObjectVersion) 권한으로 "
                + "허용됩니다.", source: s3ObjectSection),
        s3(
            "GetObjectTorrent", ["s3:GetObject"],
            "객체의 토렌트 파일을 받는 것도 객체를 읽는 일이라 s3:GetObject 권한이 필요합니다.", source: s3ObjectSection),
        s3(
            "SelectObjectContent", ["s3:GetObject"],
            "SQL로 객체 내용을 걸러 읽는 SelectObjectContent도 객체를 읽으므로 s3:GetObject 권한이 필요합니다.",
            source: s3ObjectSection),
        s3(
            "CopyObject", ["s3:GetObject", "s3:PutObject"],
            "CopyObject는 원본 객체를 읽고 대상 버킷에 새 객체를 쓰므로 원본에 s3:GetObject, 대상에 s3:PutObject "
                + "권한이 필요합니다.", source: s3ObjectSection),
        s3(
            "UploadPartCopy", ["s3:GetObject", "s3:PutObject"],
            "UploadPartCopy는 원본 객체를 읽어 멀티파트 업로드의 한 부분으로 쓰므로 s3:GetObject와 s3:PutObject가 "
                + "모두 필요합니다.", source: s3ObjectSection),
        s3(
            "CreateMultipartUpload", ["s3:PutObject"],
            "멀티파트 업로드를 시작하는 것은 객체를 쓰는 일의 한 단계라 따로 된 작업 없이 s3:PutObject 권한을 씁니다.",
            source: s3ObjectSection),
        s3(
            "UploadPart", ["s3:PutObject"],
            "멀티파트 업로드의 각 부분을 올리는 UploadPart도 s3:PutObject 권한으로 허용됩니다.", source: s3ObjectSection),
        s3(
            "CompleteMultipartUpload", ["s3:PutObject"],
            "올린 부분들을 하나의 객체로 합치는 CompleteMultipartUpload도 s3:PutObject 권한이 필요합니다.",
            source: s3ObjectSection),
        s3(
            "DeleteObjects", ["s3:DeleteObject"],
            "여러 객체를 한 번에 지우는 DeleteObjects는 지울 객체마다 s3:DeleteObject(버전을 지정하면 "
                + "s3:DeleteObjectVersion) 권한을 확인합니다.", source: s3ObjectSection),
        s3(
            "ListMultipartUploads", ["s3:ListBucketMultipartUploads"],
            "진행 중인 멀티파트 업로드 목록은 버킷 단위로 보므로 s3:ListBucketMultipartUploads 권한이 필요합니다.",
            source: s3ObjectSection),
        s3(
            "ListParts", ["s3:ListMultipartUploadParts"],
            "한 멀티파트 업로드에 올라간 부분 목록을 보는 ListParts는 s3:ListMultipartUploadParts 권한으로 "
                + "허용됩니다.", source: s3ObjectSection),
    ]

    /// The "Account operations and permissions" table.
    private static let s3Account: [EventActionException] = [
        s3(
            "ListBuckets", ["s3:ListAllMyBuckets"],
            "계정의 버킷 목록은 특정 버킷이 아닌 계정에 대한 작업이라 s3:ListAllMyBuckets 권한(리소스는 \"*\")이 "
                + "필요합니다.", source: s3Permissions + "#using-with-s3-policy-actions-related-to-accounts")
    ]

    // MARK: - Sign-in and STS

    /// The Service Authorization Reference's AWS Sign-In page lists the actions with the prefix `signin`; the
    /// console sign-in events are not among them (the action catalogue, built from the same reference, has
    /// only the OAuth 2.0 and trusted identity propagation actions).
    private static let signInActions =
        "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssignin.html"

    private static let signIn: [EventActionException] = [
        EventActionException(
            eventSource: "signin.amazonaws.com", eventName: "ConsoleLogin", actions: [],
            noteKorean: "콘솔 로그인은 사용자 이름과 암호(그리고 MFA)로 본인임을 확인하는 단계라 정책이 허용하는 작업이 "
                + "아니며, 서비스 권한 참조의 signin 작업에도 ConsoleLogin은 없습니다.",
            source: signInActions),
        EventActionException(
            eventSource: "signin.amazonaws.com", eventName: "CheckMfa", actions: [],
            noteKorean: "CheckMfa는 콘솔 로그인 중 MFA 코드를 확인한 단계를 기록한 이벤트일 뿐이라 필요한 IAM 작업이 "
                + "없습니다.",
            source: signInActions),
    ]

    private static let sts: [EventActionException] = [
        EventActionException(
            eventSource: "sts.amazonaws.com", eventName: "GetCallerIdentity", actions: [],
            noteKorean: "GetCallerIdentity는 권한 없이도 호출할 수 있고 sts:GetCallerIdentity를 명시적으로 거부해도 "
                + "호출되므로, 정책으로 막을 수 없습니다.",
            source: "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html")
    ]
}
