import Testing
@testable import LabSite
@testable import LabSiteCloudWatch

@Suite("Alarm CLI and CloudFormation")
struct AlarmRendererTests {
    @Test("put-metric-alarm reproduces the lab's alarm")
    func command() {
        #expect(
            AlarmCommandRenderer.command(for: CloudWatchFixtures.billing()) == """
                aws cloudwatch put-metric-alarm \\
                    --region us-east-1 \\
                    --alarm-name lab-myalarm \\
                    --namespace AWS/Billing \\
                    --metric-name EstimatedCharges \\
                    --dimensions Name=Currency,Value=USD \\
                    --statistic Maximum \\
                    --period 21600 \\
                    --evaluation-periods 1 \\
                    --datapoints-to-alarm 1 \\
                    --threshold 200 \\
                    --comparison-operator GreaterThanThreshold \\
                    --treat-missing-data missing \\
                    --alarm-actions arn:aws:sns:us-east-1:123456789012:lab-billing-alarm-topic

                """)
    }

    @Test("shell words are quoted and disabled actions are kept")
    func quoting() {
        var alarm = CloudWatchFixtures.billing(actionsEnabled: false)
        alarm.description = "it's > 200 $"
        let command = AlarmCommandRenderer.command(for: alarm)
        #expect(command.contains(#"--alarm-description 'it'\''s > 200 $' \"#))
        #expect(command.contains("--no-actions-enabled \\\n"))
    }

    @Test("the CloudFormation resource has the same properties")
    func cloudFormation() {
        var alarm = CloudWatchFixtures.billing()
        alarm.description = "요금: \"200\" 초과"
        #expect(
            AlarmCloudFormationRenderer.template(for: alarm) == """
                Resources:
                  LabMyalarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      AlarmName: lab-myalarm
                      AlarmDescription: "요금: \\"200\\" 초과"
                      Namespace: AWS/Billing
                      MetricName: EstimatedCharges
                      Dimensions:
                        - Name: Currency
                          Value: USD
                      Statistic: Maximum
                      Period: 21600
                      EvaluationPeriods: 1
                      DatapointsToAlarm: 1
                      Threshold: 200
                      ComparisonOperator: GreaterThanThreshold
                      TreatMissingData: missing
                      ActionsEnabled: true
                      AlarmActions:
                        - arn:aws:sns:us-east-1:123456789012:lab-billing-alarm-topic

                """)
    }

    @Test(
        "logical ids and YAML scalars",
        arguments: [("lab-myalarm", "LabMyalarm"), ("9 lives", "Alarm9Lives"), ("경보", "Alarm")])
    func logicalIDs(name: String, id: String) {
        #expect(AlarmCloudFormationRenderer.logicalID(for: name) == id)
        #expect(AlarmCloudFormationRenderer.scalar("true") == "\"true\"")
    }
}
