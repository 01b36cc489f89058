import LabSite

/// The variables of `partials/event-facts.mustache`, the key facts of an event in Korean: who,
/// what, when, where from, with what credentials, and the result.
extension TrailEvent {
    /// Sets the fact sheet's variables in `sink`, from what the event keeps of its record.
    func writeFacts<Sink: TemplateValueSink>(to sink: inout Sink) {
        let sheet = self.sheet
        sink.set("user", text: Self.dashed(userDisplayName))
        sink.set("identityKind", text: Self.identityKind(type: sheet.identityType, hasIdentity: sheet.hasIdentity))
        if sheet.hasIdentity { sink.set("identityType", nonEmpty: sheet.identityType ?? "") }
        sink.set("arn", nonEmpty: sheet.arn ?? "")
        sink.set("accountId", nonEmpty: sheet.accountId ?? "")
        sink.set("invokedBy", nonEmpty: sheet.invokedBy ?? "")
        sink.set("eventSource", nonEmpty: eventSource ?? "")
        sink.set("eventName", text: Self.dashed(eventName))
        sink.set("isRead", flag: readOnly == true)
        sink.set("isWrite", flag: readOnly == false)
        sink.set("eventType", nonEmpty: sheet.eventType ?? "")
        sink.set("category", text: sheet.category)
        let resources = sheet.resourceARNs
        sink.set("resources", objects: resources.count) { position, resource in
            resource.set("first", flag: position == 0)
            resource.set("resourceARN", nonEmpty: resources[position])
        }
        if let timestamp {
            sink.set("time") {
                $0.set("iso", text: timestamp.iso8601)
                $0.set("utc", text: displayTime)
                $0.set("korea", text: Self.koreanTime(timestamp))
            }
        } else {
            sink.set("eventTime", text: Self.dashed(eventTime))
        }
        sink.set("sourceIP", nonEmpty: sourceIPAddress ?? "")
        sink.set("region", nonEmpty: awsRegion ?? "")
        sink.set("userAgent", nonEmpty: sheet.userAgent ?? "")
        sink.set("vpcEndpoint", nonEmpty: sheet.vpcEndpointId ?? "")
        writeCredentials(of: sheet, to: &sink)
        if isError {
            sink.set("failure") {
                $0.set("errorCode", nonEmpty: errorCode ?? "")
                $0.set("errorMessage", nonEmpty: errorMessage ?? "")
            }
        } else if let login = sheet.consoleLoginResult {
            sink.set("login") {
                $0.set("loginSucceeded", flag: login == "Success")
                $0.set("loginResult", text: login)
            }
        } else {
            sink.set("success", flag: true)
        }
    }

    /// `credentials`: one object per thing the record says about them, each with one variable
    /// naming which (`first` on the first, to separate them).
    private func writeCredentials<Sink: TemplateValueSink>(of sheet: Sheet, to sink: inout Sink) {
        // A bit per kind, in the order they are shown: an array per event would cost more.
        let key = sheet.accessKeyId.flatMap { $0.isEmpty ? nil : $0 }
        var kinds: UInt8 = 0
        if key != nil { kinds |= 1 }
        if sheet.sessionIssuer != nil { kinds |= 2 }
        if sheet.fromConsole { kinds |= 4 }
        switch sheet.mfaUsed {
        case true?: kinds |= 8
        case false?: kinds |= 16
        case nil: break
        }
        var remaining = kinds
        sink.set("credentials", objects: kinds.nonzeroBitCount) { position, credential in
            let kind = remaining & (~remaining &+ 1)
            remaining &= remaining &- 1
            credential.set("first", flag: position == 0)
            switch kind {
            case 1:
                let name: TemplateKey =
                    key?.hasPrefix("ASIA") == true
                    ? "temporaryKey" : key?.hasPrefix("AKIA") == true ? "longTermKey" : "otherKey"
                credential.set(name, text: key ?? "")
            case 2:
                credential.set("sessionIssuer", flag: true)
                credential.set("issuer", nonEmpty: sheet.sessionIssuer ?? "")
            case 4: credential.set("console", flag: true)
            case 8: credential.set("mfa", flag: true)
            default: credential.set("noMFA", flag: true)
            }
        }
    }

    /// `value`, or `—` when it is missing or empty.
    static func dashed(_ value: String?) -> String {
        if let value, !value.isEmpty { return value }
        return "—"
    }

    /// The identity type in Korean: `type` is `userIdentity.type`, and `hasIdentity` whether the
    /// record has a `userIdentity` at all.
    static func identityKind(type: String?, hasIdentity: Bool) -> String {
        guard hasIdentity else { return "기록 없음" }
        switch UserIdentity.Kind(type) {
        case .root: return "루트 사용자"
        case .iamUser: return "IAM 사용자"
        case .assumedRole: return "역할을 맡은 세션"
        case .role: return "역할"
        case .federatedUser: return "페더레이션 사용자"
        case .directory: return "디렉터리 사용자"
        case .awsAccount: return "다른 AWS 계정"
        case .awsService: return "AWS 서비스"
        case .unknown: return "알 수 없는 사용자"
        case .samlUser: return "SAML 사용자"
        case .webIdentityUser: return "웹 ID 사용자"
        case .identityCenterUser: return "IAM Identity Center 사용자"
        case .other: return "알 수 없는 유형"
        case .missing: return "유형 없음"
        }
    }

    /// `2022-06-04 21:37:22` in Korea (UTC+9).
    static func koreanTime(_ timestamp: CloudTrailTimestamp) -> String {
        CloudTrailTimestamp(secondsSince1970: timestamp.secondsSince1970 + 9 * 3600).displayText
    }
}
