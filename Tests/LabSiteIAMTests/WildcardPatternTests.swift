import Testing
@testable import LabSiteIAM

@Suite("IAM wildcard patterns")
struct WildcardPatternTests {
    @Test("actions match without case, byte by byte when ASCII")
    func actions() {
        let pattern = WildcardPattern("s3:Get*", ignoringCase: true)
        #expect(pattern.matches("s3:GetObject"))
        #expect(pattern.matches("S3:GETOBJECT"))
        #expect(!pattern.matches("s3:PutObject"))
        #expect(WildcardPattern("cloudtrail:*Trail*", ignoringCase: true).matches("cloudtrail:StartTrailLogging"))
        #expect(WildcardPattern("*", ignoringCase: true).matches(""))
    }

    @Test("resources match with case; `?` is one character, also outside ASCII")
    func resources() {
        let bucket = WildcardPattern("arn:aws:s3:::aws-cloudtrail-logs-????????????-*")
        #expect(bucket.matches("arn:aws:s3:::aws-cloudtrail-logs-123456789012-mylog"))
        #expect(!bucket.matches("arn:aws:s3:::AWS-cloudtrail-logs-123456789012-mylog"))
        #expect(!bucket.matches("arn:aws:s3:::aws-cloudtrail-logs-12345678901-mylog"))
        let korean = WildcardPattern("arn:aws:s3:::실습-?/*")
        #expect(korean.matches("arn:aws:s3:::실습-가/로그"))
        #expect(!korean.matches("arn:aws:s3:::실습-가나/로그"))
        // An ASCII pattern against a candidate that is not ASCII takes the same answer.
        #expect(WildcardPattern("arn:aws:s3:::b/?").matches("arn:aws:s3:::b/가"))
    }
}
