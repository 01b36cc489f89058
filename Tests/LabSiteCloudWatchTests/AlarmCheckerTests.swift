import Testing
@testable import LabSite
@testable import LabSiteCloudWatch

@Suite("Alarm checks")
struct AlarmCheckerTests {
    @Test("the lab's alarm in us-east-1 passes every check")
    func correct() {
        #expect(AlarmChecker.findings(for: CloudWatchFixtures.billing()).isEmpty)
    }

    @Test(
        "each broken rule is one finding with its warning",
        arguments: [
            (
                CloudWatchFixtures.billing(region: "ap-northeast-2"), AlarmFinding.Kind.billingRegion,
                "The alarm `lab-myalarm` is in ap-northeast-2, but AWS/Billing metrics exist only in us-east-1, so it "
                    + "can never receive data; create billing alarms in us-east-1."
            ),
            (
                CloudWatchFixtures.billing(topicRegion: "ap-northeast-2"), .topicRegion,
                "The alarm `lab-myalarm` in us-east-1 notifies the SNS topic "
                    + "arn:aws:sns:ap-northeast-2:123456789012:lab-billing-alarm-topic in ap-northeast-2; an alarm can "
                    + "only notify topics in its own region."
            ),
            (
                CloudWatchFixtures.billing(actionsEnabled: false), .actionsDisabled,
                "The alarm `lab-myalarm` has actions disabled (ActionsEnabled is false), so a state change notifies nobody."
            ),
            (
                CloudWatchFixtures.billing(alarmActions: []), .noActions,
                "The alarm `lab-myalarm` has no AlarmActions, so entering ALARM notifies nobody."
            ),
            (
                CloudWatchFixtures.billing(period: 300), .billingPeriod,
                "The alarm `lab-myalarm` evaluates AWS/Billing over 300 s, shorter than the 21600 s between billing "
                    + "datapoints, so most periods have no data; use a period of at least 21600 s."
            ),
        ])
    func finding(alarm: MetricAlarm, kind: AlarmFinding.Kind, message: String) {
        let findings = AlarmChecker.findings(for: alarm)
        #expect(findings.map(\.kind) == [kind])
        #expect(findings.first?.message == message)
    }

    @Test("a short period is fine outside billing, and a Seoul SNS topic is fine for a Seoul EC2 alarm")
    func notBilling() {
        var alarm = CloudWatchFixtures.billing(region: "ap-northeast-2", period: 300)
        alarm.namespace = "AWS/EC2"
        alarm.metricName = "CPUUtilization"
        #expect(AlarmChecker.findings(for: alarm).isEmpty)
    }

    @Test("the Korean explanation names the region, escaped")
    func html() {
        var alarm = CloudWatchFixtures.billing(region: "ap-northeast-2")
        alarm.arn = "arn:aws:cloudwatch:<x>:1:alarm:a"
        #expect(AlarmChecker.findings(for: alarm).first?.html.hasPrefix("이 경보는 <code>&lt;x&gt;</code> 리전에 있다.") == true)
    }
}
