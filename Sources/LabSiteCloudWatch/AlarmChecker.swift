import LabSite

/// AWS's rules that an alarm can break without the API refusing it; each broken rule is a finding.
public enum AlarmChecker {
    /// The only region where CloudWatch receives `AWS/Billing` metrics.
    public static let billingRegion = "us-east-1"

    /// The shortest useful period for billing metrics: estimated charges are published several times a
    /// day, about every 6 hours, which is why the AWS guide uses a 6-hour period.
    public static let billingPublishingInterval = 21_600

    /// Every finding for `alarm`, in a fixed order.
    public static func findings(for alarm: MetricAlarm) -> [AlarmFinding] {
        var findings: [AlarmFinding] = []
        let name = alarm.name
        let region = alarm.region
        if alarm.isBilling, let region, region != billingRegion {
            findings.append(
                AlarmFinding(
                    kind: .billingRegion,
                    message:
                        "The alarm `\(name)` is in \(region), but AWS/Billing metrics exist only in \(billingRegion), "
                        + "so it can never receive data; create billing alarms in \(billingRegion).",
                    html: "이 경보는 <code>\(region.escapedForHTML)</code> 리전에 있다. 결제 지표(<code>AWS/Billing</code>)는 "
                        + "미국 동부(버지니아 북부, <code>us-east-1</code>) 리전에만 게시되므로 이 경보에는 데이터가 들어오지 않고, "
                        + "요금이 임계값을 넘어도 알림이 오지 않는다. 결제 경보는 <code>us-east-1</code>에서 만든다."))
        }
        if let region {
            for arn in alarm.alarmActions + alarm.okActions + alarm.insufficientDataActions {
                let action = AlarmAction(arn: arn)
                guard action.service == "sns", let topicRegion = action.region, topicRegion != region else { continue }
                findings.append(
                    AlarmFinding(
                        kind: .topicRegion,
                        message: "The alarm `\(name)` in \(region) notifies the SNS topic \(arn) in \(topicRegion); "
                            + "an alarm can only notify topics in its own region.",
                        html:
                            "알림 대상 SNS 주제 <code>\(arn.escapedForHTML)</code>는 <code>\(topicRegion.escapedForHTML)</code> "
                            + "리전에 있지만 경보는 <code>\(region.escapedForHTML)</code> 리전에 있다. 경보는 같은 리전의 SNS 주제로만 "
                            + "알릴 수 있으므로 주제를 경보와 같은 리전에 만든다."))
            }
        }
        let hasActions = !(alarm.alarmActions + alarm.okActions + alarm.insufficientDataActions).isEmpty
        if !alarm.actionsEnabled && hasActions {
            findings.append(
                AlarmFinding(
                    kind: .actionsDisabled,
                    message: "The alarm `\(name)` has actions disabled (ActionsEnabled is false), "
                        + "so a state change notifies nobody.",
                    html: "작업이 꺼져 있다(<code>ActionsEnabled</code>: <code>false</code>). 상태가 바뀌어도 알림을 보내지 않는다. "
                        + "콘솔에서 <strong>[작업]</strong> &gt; <strong>[경보 작업 활성화]</strong>를 선택하거나 "
                        + "<code>aws cloudwatch enable-alarm-actions</code>로 켠다."))
        }
        if alarm.alarmActions.isEmpty {
            findings.append(
                AlarmFinding(
                    kind: .noActions,
                    message: "The alarm `\(name)` has no AlarmActions, so entering ALARM notifies nobody.",
                    html: "경보(ALARM) 상태에서 실행할 작업(<code>AlarmActions</code>)이 없다. 경보 상태가 되어도 아무에게도 "
                        + "알리지 않으므로 SNS 주제를 알림 대상으로 지정한다."))
        }
        if alarm.isBilling && alarm.period < billingPublishingInterval {
            let period = AlarmVocabulary.duration(seconds: alarm.period)
            findings.append(
                AlarmFinding(
                    kind: .billingPeriod,
                    message: "The alarm `\(name)` evaluates AWS/Billing over \(alarm.period) s, shorter than the "
                        + "\(billingPublishingInterval) s between billing datapoints, so most periods have no data; "
                        + "use a period of at least \(billingPublishingInterval) s.",
                    html: "기간이 \(period)(<code>\(alarm.period)</code>초)이다. 예상 요금은 하루에 몇 번, 약 6시간마다 게시되므로 "
                        + "이보다 짧은 기간은 대부분 데이터가 비어 경보가 <em>데이터 부족</em>으로 남기 쉽다. "
                        + "기간을 6시간(<code>21600</code>초) 이상으로 설정한다."))
        }
        return findings
    }
}
