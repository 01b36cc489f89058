import LabSite

/// Checks of `Condition`: operators IAM knows, condition keys that exist, operators of the key's
/// type, and keys compared with nothing.
extension PolicyChecker {
    /// The operator families, by the operator without `ForAllValues:`/`ForAnyValue:` and `IfExists`.
    enum OperatorFamily: String {
        case string = "String", numeric = "Numeric", date = "Date", bool = "Bool", binary = "Binary"
        case ipAddress = "IpAddress", arn = "Arn", null = "Null"
    }

    static let operators: [String: OperatorFamily] = [
        "StringEquals": .string, "StringNotEquals": .string, "StringEqualsIgnoreCase": .string,
        "StringNotEqualsIgnoreCase": .string, "StringLike": .string, "StringNotLike": .string,
        "NumericEquals": .numeric, "NumericNotEquals": .numeric, "NumericLessThan": .numeric,
        "NumericLessThanEquals": .numeric, "NumericGreaterThan": .numeric, "NumericGreaterThanEquals": .numeric,
        "DateEquals": .date, "DateNotEquals": .date, "DateLessThan": .date, "DateLessThanEquals": .date,
        "DateGreaterThan": .date, "DateGreaterThanEquals": .date, "Bool": .bool, "BinaryEquals": .binary,
        "IpAddress": .ipAddress, "NotIpAddress": .ipAddress, "ArnEquals": .arn, "ArnLike": .arn,
        "ArnNotEquals": .arn, "ArnNotLike": .arn, "Null": .null,
    ]

    /// `INVALID_CONDITION_OPERATOR`, `INVALID_GLOBAL_CONDITION_KEY`, `INVALID_SERVICE_CONDITION_KEY`,
    /// `TYPE_MISMATCH` and `EMPTY_ARRAY_CONDITION`.
    func checkConditions(of statement: Statement, bytes: [UInt8], into findings: inout [PolicyFinding]) {
        guard let block = statement.fields["Condition"]?.objectValue else { return }
        let base = statement.path + [.value("Condition")]
        for member in block.members {
            let operation = member.key
            let operatorSpan =
                JSONTextSpan.key(beforeValueAt: member.value.offset, in: bytes)
                ?? member.value.offset..<(member.value.offset + 1)
            guard let family = Self.family(of: operation) else {
                findings.append(
                    PolicyFinding(
                        .invalidConditionOperator,
                        message: "IAM에 없는 조건 연산자입니다: \(operation). StringEquals, ArnLike, DateGreaterThan처럼 "
                            + "IAM이 아는 연산자를 쓰세요.",
                        path: base + [.key(operation)], span: operatorSpan))
                continue
            }
            guard let keys = member.value.objectValue else { continue }
            for keyMember in keys.members {
                let key = keyMember.key
                let path = base + [.key(operation), .key(key)]
                let keySpan =
                    JSONTextSpan.key(beforeValueAt: keyMember.value.offset, in: bytes)
                    ?? keyMember.value.offset..<(keyMember.value.offset + 1)
                if keyMember.value.arrayValue?.isEmpty == true {
                    findings.append(
                        PolicyFinding(
                            .emptyArrayCondition,
                            message: "조건 키 \(key)에 비교할 값이 없어 이 조건은 아무 영향이 없습니다. 값을 적거나 조건을 지우세요.",
                            path: path,
                            span: keyMember.value
                                .offset..<JSONTextSpan.end(ofValueAt: keyMember.value.offset, in: bytes)))
                }
                guard let type = keyType(key, path: path, span: keySpan, into: &findings) else { continue }
                if !Self.fits(family, type: type, key: key) {
                    findings.append(
                        PolicyFinding(
                            .typeMismatch,
                            message: "조건 키 \(key)의 형식은 \(type.rawValue)인데 연산자 \(operation)의 형식은 "
                                + "\(family.rawValue)입니다. \(Self.suggestedOperator(for: type)) 같은 \(type.rawValue) 연산자를 "
                                + "써야 뜻대로 비교됩니다.",
                            path: path, span: keySpan))
                }
            }
        }
    }

    /// The type of a condition key, reporting a key that does not exist; `nil` when unknown or
    /// not checkable (a service the catalogue lacks).
    private func keyType(
        _ key: String, path: [PolicyFinding.PathElement], span: Range<Int>, into findings: inout [PolicyFinding]
    ) -> ConditionKeyType? {
        let prefix = String(key.prefix { $0 != ":" }).lowercased()
        if prefix == "aws" {
            if let global = GlobalConditionKeys.key(named: key) { return global.type }
            let guess = Self.closest(key.lowercased(), among: GlobalConditionKeys.all.map(\.name))
            findings.append(
                PolicyFinding(
                    .invalidGlobalConditionKey,
                    message: "없는 전역 조건 키입니다: \(key)." + (guess.map { " 혹시 \($0)인가요?" } ?? ""),
                    path: path, span: span))
            return nil
        }
        guard key.contains(":"), let service = catalogue.service(prefix) else { return nil }
        if let type = service.conditionKeyType(key) { return type }
        // Some global-looking keys are listed under the services that define them (`ec2:SourceInstanceArn`).
        if let global = GlobalConditionKeys.key(named: key) { return global.type }
        findings.append(
            PolicyFinding(
                .invalidServiceConditionKey,
                message: "\(service.name)에 없는 조건 키입니다: \(key). 서비스 권한 참조의 조건 키 표에서 이름을 확인하세요.",
                path: path, span: span))
        return nil
    }

    /// The family of `operation`, without its set prefix and `IfExists`; `nil` when IAM has no such operator.
    static func family(of operation: String) -> OperatorFamily? {
        var name = Substring(operation)
        for prefix in ["ForAllValues:", "ForAnyValue:"] where name.hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        if name.hasSuffix("IfExists") && name != "IfExists" { name = name.dropLast("IfExists".count) }
        return operators[String(name)]
    }

    /// Whether operators of `family` compare keys of `type` as meant.
    static func fits(_ family: OperatorFamily, type: ConditionKeyType, key: String) -> Bool {
        switch (family, type) {
        case (.null, _): true
        case (.string, .string), (.string, .arrayOfString): true
        // String operators on ARN keys work (Parliament calls it "mismatched type, but usable").
        case (.string, .arn), (.string, .arrayOfARN): true
        case (.arn, .arn), (.arn, .arrayOfARN): true
        case (.numeric, .numeric): true
        // aws:EpochTime takes date and numeric operators alike.
        case (.numeric, .date): key.lowercased() == "aws:epochtime"
        case (.date, .date): true
        case (.bool, .bool), (.bool, .arrayOfBool): true
        case (.binary, .binary): true
        case (.ipAddress, .ipAddress): true
        default: false
        }
    }

    /// An operator of the right type, for the message.
    private static func suggestedOperator(for type: ConditionKeyType) -> String {
        switch type {
        case .string, .arrayOfString: "StringEquals"
        case .arn, .arrayOfARN: "ArnEquals"
        case .numeric: "NumericLessThan"
        case .date: "DateGreaterThan"
        case .bool, .arrayOfBool: "Bool"
        case .binary: "BinaryEquals"
        case .ipAddress: "IpAddress"
        }
    }
}
