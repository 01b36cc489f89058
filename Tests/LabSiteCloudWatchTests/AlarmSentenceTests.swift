import Foundation
import Testing
@testable import LabSite
@testable import LabSiteCloudWatch

@Suite("Alarm sentence")
struct AlarmSentenceTests {
    static let cpu = MetricAlarm(
        name: "myalarm", alarmActions: ["arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm"],
        metricName: "CPUUtilization", namespace: "AWS/EC2", statistic: "Average",
        dimensions: [AlarmDimension(name: "InstanceId", value: "i-0c986c72")], period: 300, evaluationPeriods: 2,
        threshold: 70, comparison: .greaterThan)

    static func changed(_ alarm: MetricAlarm, _ change: (inout MetricAlarm) -> Void) -> MetricAlarm {
        var copy = alarm
        change(&copy)
        return copy
    }

    @Test(
        "the sentence is generated from the fields",
        arguments: [
            (
                CloudWatchFixtures.billing(),
                "해당 월 예상 요금 합계가 6시간 최대값 기준 200 USD를 초과하면 경보(ALARM) 상태가 되어 "
                    + "`lab-billing-alarm-topic` SNS 주제로 알림을 보낸다."
            ),
            (
                cpu,
                "`AWS/EC2` 네임스페이스의 `CPUUtilization` 지표(`InstanceId=i-0c986c72`)가 5분 평균 기준으로 최근 2개 기간 중 "
                    + "2개 이상에서 70%를 초과하면 경보(ALARM) 상태가 되어 `myHighCpuAlarm` SNS 주제로 알림을 보낸다."
            ),
            (
                changed(cpu) {
                    $0.comparison = .lessThanOrEqual
                    $0.evaluationPeriods = 3
                    $0.datapointsToAlarm = 2
                    $0.statistic = nil
                    $0.extendedStatistic = "p99"
                    $0.period = 90
                    $0.alarmActions = ["arn:aws:automate:us-east-1:ec2:stop", "arn:aws:sns:us-east-1:1:a"]
                    $0.okActions = ["arn:aws:sns:us-east-1:1:b"]
                },
                "`AWS/EC2` 네임스페이스의 `CPUUtilization` 지표(`InstanceId=i-0c986c72`)가 90초 p99 백분위수 기준으로 최근 3개 "
                    + "기간 중 2개 이상에서 70% 이하이면 경보(ALARM) 상태가 되어 `a` SNS 주제로 알림을 보내고 EC2 인스턴스를 "
                    + "중지한다. 정상(OK)으로 돌아오면 `b` SNS 주제로 알림을 보낸다."
            ),
            (
                CloudWatchFixtures.billing(actionsEnabled: false),
                "해당 월 예상 요금 합계가 6시간 최대값 기준 200 USD를 초과하면 경보(ALARM) 상태가 되지만 작업이 꺼져 있어"
                    + "(`ActionsEnabled: false`) 알림을 보내지 않는다."
            ),
            (
                changed(CloudWatchFixtures.billing(alarmActions: [])) {
                    $0.dimensions.append(AlarmDimension(name: "ServiceName", value: "AmazonEC2"))
                    $0.comparison = .greaterThanOrEqual
                    $0.threshold = 12.5
                },
                "`AmazonEC2` 서비스의 해당 월 예상 요금이 6시간 최대값 기준 12.5 USD 이상이면 경보(ALARM) 상태가 되지만 "
                    + "경보 작업이 없어 아무에게도 알리지 않는다."
            ),
            (
                changed(cpu) {
                    $0.dimensions = []
                    $0.metricName = "Errors"
                    $0.statistic = "Sum"
                    $0.evaluationPeriods = 1
                    $0.threshold = 3
                    $0.unit = "Count"
                    $0.comparison = .lessThan
                    $0.alarmActions = ["arn:aws:lambda:us-east-1:1:function:f"]
                },
                "`AWS/EC2` 네임스페이스의 `Errors` 지표가 5분 합계 기준 3개 미만이면 경보(ALARM) 상태가 되어 "
                    + "`arn:aws:lambda:us-east-1:1:function:f` 작업을 실행한다."
            ),
        ])
    func sentence(alarm: MetricAlarm, expected: String) {
        #expect(AlarmSentence(alarm: alarm).text == expected)
    }

    @Test("the HTML form escapes values and puts identifiers in <code>")
    func html() {
        var alarm = CloudWatchFixtures.billing()
        alarm.alarmActions = ["arn:aws:sns:us-east-1:1:<b>&t"]
        #expect(
            AlarmSentence(alarm: alarm).html
                == "해당 월 예상 요금 합계가 6시간 최대값 기준 200 USD를 초과하면 경보(ALARM) 상태가 되어 "
                + "<code>&lt;b&gt;&amp;t</code> SNS 주제로 알림을 보낸다.")
    }

    @Test(
        "particles follow the last sound",
        arguments: [
            ("200", "을"), ("70", "을"), ("5", "를"), ("12.5", "를"), ("2", "를"), ("3", "을"), ("0", "을"),
            ("200 USD", "를"), ("70%", "를"), ("요금", "을"), ("합계", "를"), ("지표(`x`)", "를"),
        ])
    func particles(word: String, particle: String) {
        #expect(KoreanParticle.object(after: word) == particle)
    }

    @Test(
        "durations and statistics read as in the console",
        arguments: [(21_600, "6시간"), (300, "5분"), (86_400, "1일"), (90, "90초")])
    func durations(seconds: Int, text: String) {
        #expect(AlarmVocabulary.duration(seconds: seconds) == text)
    }
}
