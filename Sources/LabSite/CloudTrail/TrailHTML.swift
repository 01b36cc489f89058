/// HTML pieces shared by the trail pages and directives; every value from a log is escaped here.
enum TrailHTML {
    /// The column headings of an events table.
    static let columns = ["시간 (UTC)", "사용자", "서비스", "이벤트", "리전", "소스 IP", "읽기/쓰기", "오류"]

    /// `<thead>` of an events table.
    static let tableHead =
        "<thead><tr>" + columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n"

    /// One table row; `linkPrefix` leads from the page to the `events/` folder.
    static func row(_ event: TrailEvent, linkPrefix: String) -> String {
        let href = (linkPrefix + event.id + ".html").escapedForHTML
        var html = "<tr>"
        if let iso = event.timestamp?.iso8601 {
            html += "<td><time datetime=\"\(iso)\">\(event.displayTime.escapedForHTML)</time></td>"
        } else {
            html += "<td>\(event.displayTime.escapedForHTML)</td>"
        }
        html += "<td>\(text(event.userDisplayName))</td>"
        html += "<td>\(text(event.eventSource))</td>"
        html += "<td><a href=\"\(href)\">\(text(event.eventName))</a></td>"
        html += "<td>\(text(event.awsRegion))</td>"
        html += "<td>\(text(event.sourceIPAddress))</td>"
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
        CloudTrailTimestamp(secondsSince1970: timestamp.secondsSince1970 + 9 * 3600).displayText
    }

    /// The key facts of an event in Korean: who, what, when, where from, with what credentials, result.
    static func facts(_ event: TrailEvent, record: CloudTrailRecord) -> String {
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
        // Written as bytes: an event page is mostly this block, and a trail may have 100,000 pages.
        var html: [UInt8] = []
        html.reserveCapacity(8192)
        html.append(contentsOf: "<pre class=\"trail-json\"><code>".utf8)
        writeJSON(value, level: 0, to: &html)
        html.append(contentsOf: "</code></pre>\n".utf8)
        return String(decoding: html, as: UTF8.self)
    }

    private static func writeJSON(_ value: TrailJSON, level: Int, to html: inout [UInt8]) {
        switch value {
        case .null: html.append(contentsOf: "<span class=\"trail-json-literal\">null</span>".utf8)
        case .bool(let flag):
            html.append(contentsOf: "<span class=\"trail-json-literal\">\(flag)</span>".utf8)
        case .number(let number):
            html.append(contentsOf: "<span class=\"trail-json-number\">".utf8)
            appendEscaped(number.utf8, to: &html)
            html.append(contentsOf: "</span>".utf8)
        case .string(let string):
            html.append(contentsOf: "<span class=\"trail-json-string\">".utf8)
            appendQuoted(string, to: &html)
            html.append(contentsOf: "</span>".utf8)
        case .array(let elements):
            guard !elements.isEmpty else { return html.append(contentsOf: "[]".utf8) }
            html.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { html.append(UInt8(ascii: ",")) }
                newline(level: level + 1, to: &html)
                writeJSON(element, level: level + 1, to: &html)
            }
            newline(level: level, to: &html)
            html.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { return html.append(contentsOf: "{}".utf8) }
            html.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { html.append(UInt8(ascii: ",")) }
                newline(level: level + 1, to: &html)
                html.append(contentsOf: "<span class=\"trail-json-key\">".utf8)
                appendQuoted(member.key, to: &html)
                html.append(contentsOf: "</span>: ".utf8)
                writeJSON(member.value, level: level + 1, to: &html)
            }
            newline(level: level, to: &html)
            html.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(level: Int, to html: inout [UInt8]) {
        html.append(0x0A)
        html.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// `text` as a JSON string literal, escaped for HTML, in one pass over its bytes.
    private static func appendQuoted(_ text: String, to html: inout [UInt8]) {
        html.append(contentsOf: "&quot;".utf8)
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                // JSON escapes, as TrailJSONWriter writes them; `\"` then becomes `\&quot;` in HTML.
                case 0x22: html.append(contentsOf: #"\&quot;"#.utf8)
                case 0x5C: html.append(contentsOf: #"\\"#.utf8)
                case 0x0A: html.append(contentsOf: #"\n"#.utf8)
                case 0x0D: html.append(contentsOf: #"\r"#.utf8)
                case 0x09: html.append(contentsOf: #"\t"#.utf8)
                case 0x08: html.append(contentsOf: #"\b"#.utf8)
                case 0x0C: html.append(contentsOf: #"\f"#.utf8)
                case 0..<0x20, 0x7F:
                    html.append(contentsOf: #"\u00"#.utf8)
                    html.append(hexDigits[Int(byte >> 4)])
                    html.append(hexDigits[Int(byte & 0x0F)])
                // HTML escapes.
                case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "'"): html.append(contentsOf: "&#39;".utf8)
                default: html.append(byte)
                }
            }
        }
        html.append(contentsOf: "&quot;".utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscaped(_ bytes: some Sequence<UInt8>, to html: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): html.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): html.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): html.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): html.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): html.append(contentsOf: "&#39;".utf8)
            default: html.append(byte)
            }
        }
    }
}
