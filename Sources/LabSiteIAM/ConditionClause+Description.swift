import LabSite

extension ConditionClause {
    /// The clause in Korean words, as the IAM console's policy summary puts it: plain text, not yet escaped.
    ///
    /// `StringEquals iam:PassedToService cloudtrail.amazonaws.com` → `iam:PassedToService 값이
    /// cloudtrail.amazonaws.com일 때`.
    public var sentence: String {
        var base = Substring(operation)
        var prefix = ""
        if base.hasPrefix("ForAnyValue:") {
            base = base.dropFirst("ForAnyValue:".count)
            prefix = "요청에 담긴 값 중 하나라도"
        } else if base.hasPrefix("ForAllValues:") {
            base = base.dropFirst("ForAllValues:".count)
            prefix = "요청에 담긴 값이 모두"
        }
        var suffix = ""
        if base.hasSuffix("IfExists") {
            base = base.dropLast("IfExists".count)
            suffix = " (키가 요청에 없으면 충족)"
        }
        let any = values.joined(separator: " 또는 ")
        let subject = prefix.isEmpty ? "\(key) 값이" : "\(key): \(prefix)"
        let body: String
        switch base {
        case "StringEquals", "StringEqualsIgnoreCase", "ArnEquals", "Bool", "NumericEquals", "DateEquals",
            "BinaryEquals":
            body = "\(subject) \(any)일 때"
        case "StringNotEquals", "StringNotEqualsIgnoreCase", "ArnNotEquals", "NumericNotEquals", "DateNotEquals":
            body = "\(subject) \(any)이(가) 아닐 때"
        case "StringLike", "ArnLike": body = "\(subject) 패턴 \(any)에 맞을 때"
        case "StringNotLike", "ArnNotLike": body = "\(subject) 패턴 \(any)에 맞지 않을 때"
        case "NumericLessThan": body = "\(subject) \(any)보다 작을 때"
        case "NumericLessThanEquals": body = "\(subject) \(any) 이하일 때"
        case "NumericGreaterThan": body = "\(subject) \(any)보다 클 때"
        case "NumericGreaterThanEquals": body = "\(subject) \(any) 이상일 때"
        case "DateLessThan", "DateLessThanEquals": body = "\(subject) \(any) 이전일 때"
        case "DateGreaterThan", "DateGreaterThanEquals": body = "\(subject) \(any) 이후일 때"
        case "IpAddress": body = "\(subject) IP 범위 \(any) 안일 때"
        case "NotIpAddress": body = "\(subject) IP 범위 \(any) 밖일 때"
        case "Null": body = values == ["true"] ? "\(key) 키가 요청에 없을 때" : "\(key) 키가 요청에 있을 때"
        default: body = "조건 \(operation): \(key) = \(any)"
        }
        return body + suffix
    }
}
