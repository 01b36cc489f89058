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
        // Appended piece by piece into one buffer: every event page starts with this list.
        let identity = record.userIdentity
        var html = "<dl class=\"trail-facts\">\n"
        html.reserveCapacity(2048)
        func code(_ value: String?) {
            if let value, !value.isEmpty {
                html += "<code>"
                html += value.escapedForHTML
                html += "</code>"
            } else {
                html += "—"
            }
        }
        func term(_ name: String) {
            html += "<dt>"
            html += name
            html += "</dt><dd>"
        }
        term("누가")
        html += "<strong>"
        html += text(identity?.displayName)
        html += "</strong> — "
        html += kindLabel(identity)
        if let arn = identity?.arn {
            html += "<br>"
            code(arn)
        }
        if let account = identity?.accountId {
            html += "<br>계정 "
            code(account)
        }
        if let invokedBy = identity?.invokedBy {
            html += "<br>"
            code(invokedBy)
            html += " 서비스가 대신 요청"
        }
        html += "</dd>\n"
        term("무엇을")
        code(record.eventSource)
        html += "의 <strong>"
        html += text(record.eventName)
        html += "</strong>"
        switch record.readOnly {
        case true?: html += " (읽기 작업)"
        case false?: html += " (쓰기 작업: 무언가를 바꾸는 요청)"
        case nil: break
        }
        html += "<br>유형 "
        code(record.eventType)
        html += ", 분류 "
        code(record.category.rawValue)
        let resources = record.resources.compactMap { $0.fields.string("ARN") ?? $0.fields.string("arn") }
        for (position, resource) in resources.enumerated() {
            html += position == 0 ? "<br>대상 " : ", "
            code(resource)
        }
        html += "</dd>\n"
        term("언제")
        if let timestamp = record.timestamp {
            html += "<time datetime=\""
            html += timestamp.iso8601
            html += "\">"
            html += event.displayTime.escapedForHTML
            html += " UTC</time> (한국 시간 "
            html += koreanTime(timestamp)
            html += ")"
        } else {
            html += text(record.eventTime)
        }
        html += "</dd>\n"
        term("어디에서")
        html += "IP "
        code(record.sourceIPAddress)
        html += ", 리전 "
        code(record.awsRegion)
        if let agent = record.userAgent {
            html += "<br>프로그램 "
            code(agent)
        }
        if let endpoint = record.vpcEndpointId {
            html += "<br>VPC 엔드포인트 "
            code(endpoint)
        }
        html += "</dd>\n"
        term("어떤 자격 증명으로")
        var credentials = 0
        func credential() {
            html += credentials == 0 ? "" : "<br>"
            credentials += 1
        }
        if let key = identity?.accessKeyId, !key.isEmpty {
            credential()
            html += key.hasPrefix("ASIA") ? "임시 자격 증명 " : key.hasPrefix("AKIA") ? "장기 액세스 키 " : "액세스 키 "
            code(key)
        }
        if let issuer = identity?.sessionContext?.sessionIssuer {
            credential()
            html += "세션 발급자 "
            code(issuer.fields.string("arn") ?? issuer.fields.string("userName") ?? "")
        }
        if record.sessionCredentialFromConsole == true {
            credential()
            html += "콘솔 세션"
        }
        switch record.mfaUsed {
        case true?:
            credential()
            html += "MFA 사용"
        case false?:
            credential()
            html += "<strong class=\"trail-warning\">MFA 사용 안 함</strong>"
        case nil: break
        }
        if credentials == 0 { html += "기록 없음" }
        html += "</dd>\n"
        term("결과")
        if record.isError {
            html += "<strong class=\"trail-error\">실패</strong> "
            code(record.errorCode)
            if let message = record.errorMessage {
                html += "<br>"
                html += message.escapedForHTML
            }
        } else if let login = record.consoleLoginResult {
            html += login == "Success" ? "로그인 성공" : "로그인 " + login.escapedForHTML
        } else {
            html += "성공 (오류 없음)"
        }
        html += "</dd>\n</dl>\n"
        return html
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
        case .bool(true): html.append(contentsOf: "<span class=\"trail-json-literal\">true</span>".utf8)
        case .bool(false): html.append(contentsOf: "<span class=\"trail-json-literal\">false</span>".utf8)
        case .number(let number):
            html.append(contentsOf: "<span class=\"trail-json-number\">".utf8)
            String.appendEscapedForHTML(number.utf8, to: &html)
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
            // Runs of bytes that need no escaping (most of every string) are copied at once.
            var runStart = 0
            for position in 0..<bytes.count {
                let byte = bytes[position]
                let escape: StaticString
                var withHexDigits = false
                switch byte {
                // JSON escapes, as TrailJSONWriter writes them; `\"` then becomes `\&quot;` in HTML.
                case 0x22: escape = #"\&quot;"#
                case 0x5C: escape = #"\\"#
                case 0x0A: escape = #"\n"#
                case 0x0D: escape = #"\r"#
                case 0x09: escape = #"\t"#
                case 0x08: escape = #"\b"#
                case 0x0C: escape = #"\f"#
                case 0..<0x20, 0x7F:
                    escape = #"\u00"#
                    withHexDigits = true
                // HTML escapes.
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "'"): escape = "&#39;"
                default: continue
                }
                html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                runStart = position + 1
                escape.withUTF8Buffer { html.append(contentsOf: $0) }
                if withHexDigits {
                    html.append(hexDigits[Int(byte >> 4)])
                    html.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            html.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        html.append(contentsOf: "&quot;".utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
