import Foundation
import LabSite

/// HTML pieces shared by the trail pages and directives; every value from a log is escaped here.
enum TrailHTML {
    /// The column headings of an events table.
    static let columns = ["시간 (UTC)", "사용자", "서비스", "이벤트", "리전", "소스 IP", "읽기/쓰기", "오류"]

    /// `<thead>` of an events table.
    static let tableHead =
        "<thead><tr>" + columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n"

    /// Appends one table row; `linkPrefix` leads from the page to the `events/` folder.
    static func appendRow(_ event: TrailEvent, linkPrefix: String, to html: inout HTMLBuffer) {
        func cell(_ value: String?) {
            html.append("<td>")
            appendText(value, to: &html)
            html.append("</td>")
        }
        html.append("<tr><td>")
        if let iso = event.timestamp?.iso8601 {
            html.append("<time datetime=\"")
            html.append(markup: iso)
            html.append("\">")
            html.append(text: event.displayTime)
            html.append("</time>")
        } else {
            html.append(text: event.displayTime)
        }
        html.append("</td>")
        cell(event.userDisplayName)
        cell(event.eventSource)
        html.append("<td><a href=\"")
        html.append(text: linkPrefix + event.pageName)
        html.append("\">")
        appendText(event.eventName, to: &html)
        html.append("</a></td>")
        cell(event.awsRegion)
        cell(event.sourceIPAddress)
        html.append("<td>")
        html.append(markup: event.readWrite)
        html.append("</td>")
        if event.error.isEmpty {
            html.append("<td></td>")
        } else {
            html.append("<td class=\"trail-error\">")
            html.append(text: event.error)
            html.append("</td>")
        }
        html.append("</tr>\n")
    }

    /// A whole table of `events`.
    static func table(_ events: [TrailEvent], linkPrefix: String, attributes: String = "") -> String {
        table(rows: events.indices, of: events, linkPrefix: linkPrefix, attributes: attributes)
    }

    /// A whole table of the events at `rows` of `events`.
    static func table(
        rows: some Collection<Int>, of events: [TrailEvent], linkPrefix: String, attributes: String = ""
    ) -> String {
        var html = HTMLBuffer(capacity: 512 + 400 * rows.count)
        html.append("<div class=\"trail-table-wrap\"><table class=\"trail-events\"")
        html.append(markup: attributes)
        html.append(">\n")
        html.append(markup: tableHead)
        html.append("<tbody>\n")
        for row in rows { appendRow(events[row], linkPrefix: linkPrefix, to: &html) }
        html.append("</tbody>\n</table></div>\n")
        return html.string
    }

    /// A value as escaped text, `—` when missing or empty.
    static func text(_ value: String?) -> String {
        var html = HTMLBuffer(capacity: 64)
        appendText(value, to: &html)
        return html.string
    }

    /// A value as escaped `<code>`, `—` when missing or empty.
    static func code(_ value: String?) -> String {
        var html = HTMLBuffer(capacity: 64)
        appendCode(value, to: &html)
        return html.string
    }

    /// Appends ``text(_:)``.
    static func appendText(_ value: String?, to html: inout HTMLBuffer) {
        if let value, !value.isEmpty { html.append(text: value) } else { html.append("—") }
    }

    /// Appends ``code(_:)``.
    static func appendCode(_ value: String?, to html: inout HTMLBuffer) {
        guard let value, !value.isEmpty else { return html.append("—") }
        html.append("<code>")
        html.append(text: value)
        html.append("</code>")
    }

    /// The identity type in Korean, with the type as written: `type` is `userIdentity.type`, and
    /// `hasIdentity` whether the record has a `userIdentity` at all.
    static func kindLabel(type: String?, hasIdentity: Bool) -> String {
        guard hasIdentity else { return "기록 없음" }
        let label: String
        switch UserIdentity.Kind(type) {
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
        return label + (type.map { " (<code>\($0.escapedForHTML)</code>)" } ?? "")
    }

    /// `2022-06-04 21:37:22` in Korea (UTC+9).
    static func koreanTime(_ timestamp: CloudTrailTimestamp) -> String {
        CloudTrailTimestamp(secondsSince1970: timestamp.secondsSince1970 + 9 * 3600).displayText
    }

    /// The key facts of an event in Korean: who, what, when, where from, with what credentials, result.
    static func facts(_ event: TrailEvent) -> String {
        var html = HTMLBuffer(capacity: 2048)
        appendFacts(event, to: &html)
        return html.string
    }

    /// Appends ``facts(_:)`` to `html`, from what the event keeps of its record.
    static func appendFacts(_ event: TrailEvent, to html: inout HTMLBuffer) {
        let sheet = event.sheet
        func code(_ value: String?) { appendCode(value, to: &html) }
        func text(_ value: String?) { appendText(value, to: &html) }
        html.append("<dl class=\"trail-facts\">\n<dt>누가</dt><dd><strong>")
        text(event.userDisplayName)
        html.append("</strong> — ")
        html.append(markup: kindLabel(type: sheet.identityType, hasIdentity: sheet.hasIdentity))
        if let arn = sheet.arn {
            html.append("<br>")
            code(arn)
        }
        if let account = sheet.accountId {
            html.append("<br>계정 ")
            code(account)
        }
        if let invokedBy = sheet.invokedBy {
            html.append("<br>")
            code(invokedBy)
            html.append(" 서비스가 대신 요청")
        }
        html.append("</dd>\n<dt>무엇을</dt><dd>")
        code(event.eventSource)
        html.append("의 <strong>")
        text(event.eventName)
        html.append("</strong>")
        switch event.readOnly {
        case true?: html.append(" (읽기 작업)")
        case false?: html.append(" (쓰기 작업: 무언가를 바꾸는 요청)")
        case nil: break
        }
        html.append("<br>유형 ")
        code(sheet.eventType)
        html.append(", 분류 ")
        code(sheet.category)
        for (position, resource) in sheet.resourceARNs.enumerated() {
            html.append(position == 0 ? "<br>대상 " : ", ")
            code(resource)
        }
        html.append("</dd>\n<dt>언제</dt><dd>")
        if let timestamp = event.timestamp {
            html.append("<time datetime=\"")
            html.append(markup: timestamp.iso8601)
            html.append("\">")
            html.append(text: event.displayTime)
            html.append(" UTC</time> (한국 시간 ")
            html.append(markup: koreanTime(timestamp))
            html.append(")")
        } else {
            text(event.eventTime)
        }
        html.append("</dd>\n<dt>어디에서</dt><dd>IP ")
        code(event.sourceIPAddress)
        html.append(", 리전 ")
        code(event.awsRegion)
        if let agent = sheet.userAgent {
            html.append("<br>프로그램 ")
            code(agent)
        }
        if let endpoint = sheet.vpcEndpointId {
            html.append("<br>VPC 엔드포인트 ")
            code(endpoint)
        }
        html.append("</dd>\n<dt>어떤 자격 증명으로</dt><dd>")
        var credentials = 0
        func credential() {
            if credentials > 0 { html.append("<br>") }
            credentials += 1
        }
        if let key = sheet.accessKeyId, !key.isEmpty {
            credential()
            html.append(key.hasPrefix("ASIA") ? "임시 자격 증명 " : key.hasPrefix("AKIA") ? "장기 액세스 키 " : "액세스 키 ")
            code(key)
        }
        if let issuer = sheet.sessionIssuer {
            credential()
            html.append("세션 발급자 ")
            code(issuer)
        }
        if sheet.fromConsole {
            credential()
            html.append("콘솔 세션")
        }
        switch sheet.mfaUsed {
        case true?:
            credential()
            html.append("MFA 사용")
        case false?:
            credential()
            html.append("<strong class=\"trail-warning\">MFA 사용 안 함</strong>")
        case nil: break
        }
        if credentials == 0 { html.append("기록 없음") }
        html.append("</dd>\n<dt>결과</dt><dd>")
        if event.isError {
            html.append("<strong class=\"trail-error\">실패</strong> ")
            code(event.errorCode)
            if let message = event.errorMessage {
                html.append("<br>")
                html.append(text: message)
            }
        } else if let login = sheet.consoleLoginResult {
            if login == "Success" {
                html.append("로그인 성공")
            } else {
                html.append("로그인 ")
                html.append(text: login)
            }
        } else {
            html.append("성공 (오류 없음)")
        }
        html.append("</dd>\n</dl>\n")
    }

    /// `value` as indented JSON in a `pre.trail-json` block (``JSONHTMLWriter``), as an event page takes it.
    static func jsonBlock(_ value: JSONValue) -> Data {
        var writer = JSONHTMLWriter(capacity: 4096)
        writer.html.append(jsonBlockStart)
        writer.write(value)
        writer.html.append(jsonBlockEnd)
        return writer.data()
    }

    /// What stands around the JSON of a record block, here and in ``TrailReader/recordBlocks(in:)``.
    static let jsonBlockStart: StaticString = "<pre class=\"trail-json\"><code>"
    static let jsonBlockEnd: StaticString = "</code></pre>\n"
}
