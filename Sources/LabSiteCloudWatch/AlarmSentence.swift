import LabSite

/// The one-paragraph Korean description of what an alarm does, generated from its fields.
///
/// `lab-myalarm` reads: "해당 월 예상 요금 합계(USD)가 6시간 최대값 기준 200 USD를 초과하면 경보(ALARM) 상태가 되어
/// `lab-billing-alarm-topic` SNS 주제로 알림을 보낸다."
public struct AlarmSentence: Sendable, Equatable {
    /// A run of plain text or of an identifier shown as code.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case code(String)
    }

    /// The sentence, in order.
    public var segments: [Segment]

    /// Describes `alarm`; `unit` is the unit of its values when the alarm itself names none.
    public init(alarm: MetricAlarm, unit: String? = nil) {
        var parts: [Segment] = []
        let subject = Self.subject(of: alarm)
        parts += subject
        parts.append(.text(KoreanParticle.subject(after: Self.plain(subject.last)) + " "))
        let statistic = alarm.statisticName
        parts.append(
            .text("\(AlarmVocabulary.duration(seconds: alarm.period)) \(AlarmVocabulary.statistic(statistic)) 기준"))
        let needed = alarm.effectiveDatapointsToAlarm
        if alarm.evaluationPeriods > 1 || needed != alarm.evaluationPeriods {
            parts.append(.text("으로 최근 \(alarm.evaluationPeriods)개 기간 중 \(needed)개 이상에서"))
        }
        let value = Self.value(alarm.threshold, alarm: alarm, unit: unit)
        switch alarm.comparison {
        case .greaterThan: parts.append(.text(" \(value)\(KoreanParticle.object(after: value)) 초과하면"))
        case .greaterThanOrEqual: parts.append(.text(" \(value) 이상이면"))
        case .lessThan: parts.append(.text(" \(value) 미만이면"))
        case .lessThanOrEqual: parts.append(.text(" \(value) 이하이면"))
        }
        parts.append(.text(" 경보(ALARM) 상태가 "))
        if alarm.alarmActions.isEmpty {
            parts.append(.text("되지만 경보 작업이 없어 아무에게도 알리지 않는다."))
        } else if !alarm.actionsEnabled {
            parts.append(.text("되지만 작업이 꺼져 있어("))
            parts.append(.code("ActionsEnabled: false"))
            parts.append(.text(") 알림을 보내지 않는다."))
        } else {
            parts.append(.text("되어 "))
            parts += Self.actions(alarm.alarmActions)
        }
        if alarm.actionsEnabled {
            for (actions, condition) in [
                (alarm.okActions, "정상(OK)으로 돌아오면"), (alarm.insufficientDataActions, "데이터 부족(INSUFFICIENT_DATA)이 되면"),
            ] where !actions.isEmpty {
                parts.append(.text(" \(condition) "))
                parts += Self.actions(actions)
            }
        }
        segments = Self.merged(parts)
    }

    /// The sentence as HTML: text escaped, identifiers in `<code>`.
    public var html: String {
        segments.map { segment in
            switch segment {
            case .text(let text): text.escapedForHTML
            case .code(let code): "<code>\(code.escapedForHTML)</code>"
            }
        }.joined()
    }

    /// The sentence as plain text, identifiers in backquotes.
    public var text: String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .code(let code): "`\(code)`"
            }
        }.joined()
    }

    /// The threshold (or any value) with the alarm's unit: `200 USD`, `70%`.
    static func value(_ number: Double, alarm: MetricAlarm, unit: String?) -> String {
        let digits = AlarmVocabulary.number(number)
        if let currency = alarm.currency { return "\(digits) \(currency)" }
        let unit = alarm.unit ?? unit ?? AlarmVocabulary.knownUnits[alarm.metricName]
        return digits + AlarmVocabulary.unitSuffix(unit)
    }

    /// What is measured, ending in a Korean noun so the particle after it can be chosen.
    private static func subject(of alarm: MetricAlarm) -> [Segment] {
        if alarm.isBilling, alarm.metricName == "EstimatedCharges" {
            let service = alarm.dimensions.first { $0.name == "ServiceName" }?.value
            let account = alarm.dimensions.first { $0.name == "LinkedAccount" }?.value
            var parts: [Segment] = []
            if let account { parts += [.text("연결 계정 "), .code(account), .text("의 ")] }
            if let service { parts += [.code(service), .text(" 서비스의 해당 월 예상 요금")] }
            if service == nil { parts.append(.text("해당 월 예상 요금 합계")) }
            return parts
        }
        var parts: [Segment] = [.code(alarm.namespace), .text(" 네임스페이스의 "), .code(alarm.metricName), .text(" 지표")]
        if !alarm.dimensions.isEmpty {
            parts.append(.text("("))
            parts.append(.code(alarm.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))
            parts.append(.text(")"))
            parts.append(.text(""))  // The particle follows 지표, not the parenthesis.
        }
        return parts
    }

    /// Plain text of the word a particle follows.
    private static func plain(_ segment: Segment?) -> String {
        switch segment {
        case .text(let text)?: text.isEmpty ? "지표" : text
        case .code(let code)?: code
        case nil: ""
        }
    }

    /// "`a`, `b` SNS 주제로 알림을 보내고 EC2 인스턴스를 중지한다." for a list of action ARNs.
    private static func actions(_ arns: [String]) -> [Segment] {
        let actions = arns.map(AlarmAction.init(arn:))
        let topics = actions.compactMap(\.topicName)
        var clauses: [(head: [Segment], connective: String, final: String)] = []
        if !topics.isEmpty {
            var head: [Segment] = []
            for (index, topic) in topics.enumerated() {
                if index > 0 { head.append(.text(", ")) }
                head.append(.code(topic))
            }
            clauses.append((head, " SNS 주제로 알림을 보내고", " SNS 주제로 알림을 보낸다"))
        }
        for action in actions where action.topicName == nil {
            let clause = action.koreanClause
            let head: [Segment] = clause.final.hasPrefix("작업") ? [.code(action.arn), .text(" ")] : []
            clauses.append((head, clause.connective, clause.final))
        }
        var parts: [Segment] = []
        for (index, clause) in clauses.enumerated() {
            if index > 0 { parts.append(.text(" ")) }
            parts += clause.head
            parts.append(.text(index == clauses.count - 1 ? clause.final + "." : clause.connective))
        }
        return parts
    }

    /// Adjacent text runs joined, empty ones dropped, so the segments compare simply in tests.
    private static func merged(_ parts: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for part in parts {
            if case .text(let text) = part {
                if text.isEmpty { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                    continue
                }
            }
            result.append(part)
        }
        return result
    }
}
