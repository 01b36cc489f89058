import LabSite

/// An alarm action ARN, read for what it does.
public struct AlarmAction: Sendable, Equatable {
    /// The ARN as the alarm lists it.
    public var arn: String

    /// Creates an action from its ARN.
    public init(arn: String) { self.arn = arn }

    private var parts: [Substring] { arn.split(separator: ":", omittingEmptySubsequences: false) }

    /// The AWS service of the ARN (`sns`, `automate`, `autoscaling`, …).
    public var service: String? { parts.count > 2 && parts[0] == "arn" ? String(parts[2]) : nil }

    /// The region of the ARN.
    public var region: String? { MetricAlarm.region(ofARN: arn) }

    /// The topic name of an SNS action.
    public var topicName: String? {
        service == "sns" && parts.count > 5 ? String(parts[5]) : nil
    }

    /// The Korean phrase of a non-SNS action, as a verb stem and its two endings ("EC2 인스턴스를 중지하").
    var koreanClause: (connective: String, final: String) {
        if service == "automate", parts.count > 5, parts[4] == "ec2" {
            let verb: String
            switch parts[5] {
            case "stop": verb = "중지"
            case "terminate": verb = "종료"
            case "reboot": verb = "재부팅"
            case "recover": verb = "복구"
            default: verb = "처리"
            }
            return ("EC2 인스턴스를 \(verb)하고", "EC2 인스턴스를 \(verb)한다")
        }
        return ("작업을 실행하고", "작업을 실행한다")
    }
}
