/// HTML pieces shared by the trail pages and directives; every value from a log is escaped here.
enum TrailHTML {
    /// The column headings of an events table.
    static let columns = ["시간 (UTC)", "사용자", "서비스", "이벤트", "리전", "소스 IP", "읽기/쓰기", "오류"]

    /// `<thead>` of an events table.
    static let tableHead =
        "<thead><tr>" + columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n"

    /// One table row; `linkPrefix` leads from the page to the `events/` folder.
    static func row(_ event: TrailEvent, linkPrefix: String) -> String {
        let record = event.record
        let href = (linkPrefix + event.id + ".html").escapedForHTML
        var html = "<tr>"
        if let iso = record.timestamp?.iso8601 {
            html += "<td><time datetime=\"\(iso)\">\(event.displayTime.escapedForHTML)</time></td>"
        } else {
            html += "<td>\(event.displayTime.escapedForHTML)</td>"
        }
        html += "<td>\(text(record.userDisplayName))</td>"
        html += "<td>\(text(record.eventSource))</td>"
        html += "<td><a href=\"\(href)\">\(text(record.eventName))</a></td>"
        html += "<td>\(text(record.awsRegion))</td>"
        html += "<td>\(text(record.sourceIPAddress))</td>"
        html += "<td>\(event.readWrite)</td>"
        html += event.error.isEmpty ? "<td></td>" : "<td class=\"trail-error\">\(event.error.escapedForHTML)</td>"
        return html + "</tr>\n"
    }

    /// A whole table of `events`.
    static func table(_ events: [TrailEvent], linkPrefix: String, attributes: String = "") -> String {
        var html =
            "<div class=\"trail-table-wrap\"><table class=\"trail-events\"\(attributes)>\n" + tableHead + "<tbody>\n"
        for event in events { html += row(event, linkPrefix: linkPrefix) }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A value as escaped text, `—` when missing or empty.
    static func text(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "—" }
        return value.escapedForHTML
    }

    /// A value as escaped `<code>`, `—` when missing or empty.
    static func code(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "—" }
        return "<code>\(value.escapedForHTML)</code>"
    }

    /// The identity type in Korean, with the type as written.
    static func kindLabel(_ identity: UserIdentity?) -> String {
        guard let identity else { return "기록 없음" }
        let label: String
        switch identity.kind {
        case .root: label = "루트 사용자"
        case .iamUser: label = "IAM 사용자"
        case .assumedRole: label = "역할을 맡은 세션"
        case .role: label = "역할"
        case .federatedUser: label = "페더레이션 사용자"
        case .directory: label = "디렉터리 사용자"
        case .awsAccount: label = "다른 AWS 계정"
        case .awsService: label = "AWS 서비스"
        case .unknown: label = "알 수 없는 사용자"
        case .samlUser: label = "SAML 사용자"
        case .webIdentityUser: label = "웹 ID 사용자"
        case .identityCenterUser: label = "IAM Identity Center 사용자"
        case .other: label = "알 수 없는 유형"
        case .missing: return "유형 없음"
        }
        return label + (identity.type.map { " (<code>\($0.escapedForHTML)</code>)" } ?? "")
    }

    /// `2022-06-04 21:37:22` in Korea (UTC+9).
    static func koreanTime(_ timestamp: CloudTrailTimestamp) -> String {
        CloudTrailTimestamp(secondsSince1970: timestamp.secondsSince1970 + 9 * 3600).iso8601
            .replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }

    /// The key facts of an event in Korean: who, what, when, where from, with what credentials, result.
    static func facts(_ event: TrailEvent) -> String {
        let record = event.record
        let identity = record.userIdentity
        var html = "<dl class=\"trail-facts\">\n"
        func item(_ term: String, _ description: String) {
            html += "<dt>\(term)</dt><dd>\(description)</dd>\n"
        }
        var who = "<strong>\(text(record.userDisplayName))</strong> — \(kindLabel(identity))"
        if let arn = identity?.arn { who += "<br><code>\(arn.escapedForHTML)</code>" }
        if let account = identity?.accountId { who += "<br>계정 <code>\(account.escapedForHTML)</code>" }
        if let invokedBy = identity?.invokedBy {
            who += "<br><code>\(invokedBy.escapedForHTML)</code> 서비스가 대신 요청"
        }
        item("누가", who)
        var what = "\(code(record.eventSource))의 <strong>\(text(record.eventName))</strong>"
        switch record.readOnly {
        case true?: what += " (읽기 작업)"
        case false?: what += " (쓰기 작업: 무언가를 바꾸는 요청)"
        case nil: break
        }
        what += "<br>유형 \(code(record.eventType)), 분류 \(code(record.category.rawValue))"
        let resources = record.resources.compactMap { $0.fields.string("ARN") ?? $0.fields.string("arn") }
        if !resources.isEmpty {
            what += "<br>대상 " + resources.map { "<code>\($0.escapedForHTML)</code>" }.joined(separator: ", ")
        }
        item("무엇을", what)
        if let timestamp = record.timestamp {
            item(
                "언제",
                "<time datetime=\"\(timestamp.iso8601)\">\(event.displayTime.escapedForHTML) UTC</time>"
                    + " (한국 시간 \(koreanTime(timestamp)))")
        } else {
            item("언제", text(record.eventTime))
        }
        var whereFrom = "IP \(code(record.sourceIPAddress)), 리전 \(code(record.awsRegion))"
        if let agent = record.userAgent { whereFrom += "<br>프로그램 <code>\(agent.escapedForHTML)</code>" }
        if let endpoint = record.vpcEndpointId { whereFrom += "<br>VPC 엔드포인트 <code>\(endpoint.escapedForHTML)</code>" }
        item("어디에서", whereFrom)
        var credentials: [String] = []
        if let key = identity?.accessKeyId, !key.isEmpty {
            let kind = key.hasPrefix("ASIA") ? "임시 자격 증명" : key.hasPrefix("AKIA") ? "장기 액세스 키" : "액세스 키"
            credentials.append("\(kind) <code>\(key.escapedForHTML)</code>")
        }
        if let issuer = identity?.sessionContext?.sessionIssuer {
            let name = issuer.fields.string("arn") ?? issuer.fields.string("userName") ?? ""
            credentials.append("세션 발급자 \(code(name))")
        }
        if record.sessionCredentialFromConsole == true { credentials.append("콘솔 세션") }
        switch record.mfaUsed {
        case true?: credentials.append("MFA 사용")
        case false?: credentials.append("<strong class=\"trail-warning\">MFA 사용 안 함</strong>")
        case nil: break
        }
        item("어떤 자격 증명으로", credentials.isEmpty ? "기록 없음" : credentials.joined(separator: "<br>"))
        var result: String
        if record.isError {
            result = "<strong class=\"trail-error\">실패</strong> \(code(record.errorCode))"
            if let message = record.errorMessage { result += "<br>\(message.escapedForHTML)" }
        } else if let login = record.consoleLoginResult {
            result = login == "Success" ? "로그인 성공" : "로그인 \(login.escapedForHTML)"
        } else {
            result = "성공 (오류 없음)"
        }
        item("결과", result)
        return html + "</dl>\n"
    }

    /// `value` as indented JSON with highlighting spans; every string is escaped for HTML.
    static func highlightedJSON(_ value: TrailJSON) -> String {
        var html = ""
        writeJSON(value, level: 0, to: &html)
        return "<pre class=\"trail-json\"><code>" + html + "</code></pre>\n"
    }

    private static let stringWriter = TrailJSONWriter()

    private static func writeJSON(_ value: TrailJSON, level: Int, to html: inout String) {
        let indent = String(repeating: "  ", count: level + 1)
        let closing = String(repeating: "  ", count: level)
        switch value {
        case .null: html += "<span class=\"trail-json-literal\">null</span>"
        case .bool(let flag): html += "<span class=\"trail-json-literal\">\(flag)</span>"
        case .number(let number): html += "<span class=\"trail-json-number\">\(number.escapedForHTML)</span>"
        case .string(let string):
            html += "<span class=\"trail-json-string\">\(stringWriter.string(.string(string)).escapedForHTML)</span>"
        case .array(let elements):
            guard !elements.isEmpty else { return html += "[]" }
            html += "["
            for (position, element) in elements.enumerated() {
                html += (position > 0 ? "," : "") + "\n" + indent
                writeJSON(element, level: level + 1, to: &html)
            }
            html += "\n" + closing + "]"
        case .object(let object):
            guard !object.isEmpty else { return html += "{}" }
            html += "{"
            for (position, member) in object.members.enumerated() {
                html += (position > 0 ? "," : "") + "\n" + indent
                html +=
                    "<span class=\"trail-json-key\">\(stringWriter.string(.string(member.key)).escapedForHTML)</span>: "
                writeJSON(member.value, level: level + 1, to: &html)
            }
            html += "\n" + closing + "}"
        }
    }
}
