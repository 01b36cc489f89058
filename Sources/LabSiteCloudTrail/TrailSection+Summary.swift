import LabSite

/// The summary page: highlights worth a look, counts by event, user, region and source, and a
/// timeline as inline SVG.
extension TrailSection {
    /// A kind of event a reviewer should look at.
    struct Highlight: Sendable {
        var id: String
        var title: String
        var explanation: String
        /// The one event the highlight is about when it reads fields of that event's record that
        /// ``TrailEvent/unreadFields`` leaves out of a trail's first pass; such records are read
        /// whole (``eventsReadingWholeRecord``).
        var wholeRecordEvent: String? = nil
        var test: @Sendable (CloudTrailRecord) -> Bool

        /// Whether `record` is one of the highlight's events.
        func matches(_ record: CloudTrailRecord) -> Bool {
            (wholeRecordEvent.map { record.eventName == $0 } ?? true) && test(record)
        }
    }

    static let highlights: [Highlight] = [
        Highlight(
            id: "console-login-without-mfa", title: "MFA 없는 콘솔 로그인",
            explanation: "MFA 없이 콘솔에 로그인했다. 암호만 알면 누구나 같은 권한을 얻는다.",
            wholeRecordEvent: "ConsoleLogin"
        ) { $0.mfaUsed == false },
        Highlight(
            id: "root-activity", title: "루트 사용자 활동",
            explanation: "루트 사용자는 모든 권한을 가진다. 일상 작업은 IAM 사용자나 역할로 한다."
        ) { $0.userIdentity?.kind == .root },
        Highlight(
            id: "errors", title: "AccessDenied와 그 밖의 오류",
            explanation: "실패한 요청이다. 권한 부족(AccessDenied)이 반복되면 권한을 찾는 시도일 수 있다."
        ) { $0.isError },
        Highlight(
            id: "open-security-groups", title: "0.0.0.0/0에 열린 보안 그룹",
            explanation: "인터넷 전체에서 접속할 수 있게 보안 그룹 규칙을 추가했다.",
            wholeRecordEvent: "AuthorizeSecurityGroupIngress"
        ) { Self.mentionsAnywhere($0.requestParameters) },
        Highlight(
            id: "trail-stopped", title: "추적 중지·삭제",
            explanation: "추적을 멈추거나 지우면 그 뒤의 활동이 기록되지 않는다. 공격자가 흔적을 지울 때 쓴다."
        ) { ["StopLogging", "DeleteTrail"].contains($0.eventName ?? "") },
    ]

    /// The events whose records the first pass reads whole, because their highlight or fact sheet
    /// reads a field of ``TrailEvent/unreadFields`` (`requestParameters` of a security group rule,
    /// `responseElements.ConsoleLogin` of a sign-in).
    static let eventsReadingWholeRecord = Set(highlights.compactMap(\.wholeRecordEvent))

    /// Whether a value holds `0.0.0.0/0` or `::/0` anywhere.
    static func mentionsAnywhere(_ value: JSONValue?) -> Bool {
        switch value?.content {
        case .string(let text)?: return text == "0.0.0.0/0" || text == "::/0"
        case .array(let elements)?: return elements.contains { mentionsAnywhere($0) }
        case .object(let object)?: return object.members.contains { mentionsAnywhere($0.value) }
        default: return false
        }
    }

    /// One line per highlight with its count, linking to the summary's list.
    func highlightSummary() -> String {
        var html = "<h2 id=\"highlights\">주의할 이벤트</h2>\n<ul class=\"trail-highlight-counts\">\n"
        let counts = highlightCounts()
        for (position, highlight) in Self.highlights.enumerated() {
            let count = counts[position]
            html += "<li\(count > 0 ? " class=\"trail-flagged\"" : "")><a href=\"summary.html#\(highlight.id)\">"
            html += "\(highlight.title)</a> <span class=\"trail-count\">\(count)건</span></li>\n"
        }
        return html + "</ul>\n"
    }

    /// How many events each of ``highlights`` has.
    func highlightCounts() -> [Int] {
        var counts = Array(repeating: 0, count: Self.highlights.count)
        for event in events {
            for position in counts.indices where event.isHighlighted(position) { counts[position] += 1 }
        }
        return counts
    }

    /// The highlights with links to their events; `limit` caps the links per highlight.
    func highlightList(linkPrefix: String, limit: Int? = nil) -> String {
        var html = "<h2 id=\"highlights\">주의할 이벤트</h2>\n<ul class=\"trail-highlights\">\n"
        for (position, highlight) in Self.highlights.enumerated() {
            let matching = events.indices.filter { events[$0].isHighlighted(position) }
            html += "<li class=\"trail-highlight\" id=\"\(highlight.id)\"><strong>\(highlight.title)</strong> "
            html += "<span class=\"trail-count\">\(matching.count)건</span>"
            guard !matching.isEmpty else {
                html += "</li>\n"
                continue
            }
            html += " — \(highlight.explanation)\n<ul>\n"
            for index in matching.prefix(limit ?? matching.count) {
                html += "<li>" + Self.eventLink(events[index], linkPrefix: linkPrefix) + "</li>\n"
            }
            if let limit, matching.count > limit {
                html +=
                    "<li><a href=\"\(linkPrefix)summary.html#\(highlight.id)\">나머지 \(matching.count - limit)건</a></li>\n"
            }
            html += "</ul></li>\n"
        }
        return html + "</ul>\n"
    }

    /// `CreateBucket` (lab-user, 2022-06-04 12:37:22, AccessDenied) as a link to the event page.
    static func eventLink(_ event: TrailEvent, linkPrefix: String) -> String {
        let href = (linkPrefix + event.pageName).escapedForHTML
        var html = "<a href=\"\(href)\"><code>\(TrailHTML.text(event.eventName))</code></a> "
        html += "(\(TrailHTML.text(event.userDisplayName)), \(event.displayTime.escapedForHTML)"
        if !event.error.isEmpty { html += ", <span class=\"trail-error\">\(event.error.escapedForHTML)</span>" }
        return html + ")"
    }

    func summaryPage() -> GeneratedPage {
        var html = "<p>이벤트 \(events.count)개를 이름, 사용자, 리전, 서비스별로 세고 시간대별로 그렸다. "
        html += "숫자를 누르면 그 조건으로 거른 <a href=\"index.html\">이벤트 목록</a>이 열린다.</p>\n"
        html += highlightList(linkPrefix: "")
        html += "<h2 id=\"timeline\">시간대별 이벤트</h2>\n" + timelineSVG()
        let counts: [(id: String, title: String, filter: String)] = [
            ("by-event", "이벤트 이름별", "event"),
            ("by-user", "사용자별", "user"),
            ("by-region", "리전별", "region"),
            ("by-source", "서비스별", "source"),
        ]
        // One pass over the events for all four counts.
        var tallies = [[String: Int]](repeating: [:], count: counts.count)
        for event in events {
            tallies[0][event.eventName ?? "", default: 0] += 1
            tallies[1][event.userDisplayName ?? "", default: 0] += 1
            tallies[2][event.awsRegion ?? "", default: 0] += 1
            tallies[3][event.eventSource ?? "", default: 0] += 1
        }
        var headings = [
            Heading(level: 2, id: "highlights", title: "주의할 이벤트", line: 0),
            Heading(level: 2, id: "timeline", title: "시간대별 이벤트", line: 0),
        ]
        for (count, tally) in zip(counts, tallies) {
            headings.append(Heading(level: 2, id: count.id, title: count.title, line: 0))
            let sorted = tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            html += "<h2 id=\"\(count.id)\">\(count.title)</h2>\n<table class=\"trail-counts\">\n"
            html += "<thead><tr><th scope=\"col\">값</th><th scope=\"col\">이벤트 수</th></tr></thead>\n<tbody>\n"
            for (value, number) in sorted {
                let query = "index.html?\(count.filter)=" + Self.queryEscaped(value) + "#events"
                html += "<tr><td>\(TrailHTML.code(value))</td>"
                html += "<td><a href=\"\(query.escapedForHTML)\">\(number)</a></td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return GeneratedPage(
            path: Self.summaryPath, title: Self.summaryTitle, summary: "누가, 무엇을, 언제 많이 했는지 한눈에 본다",
            html: html, headings: headings,
            anchors: Set(Self.highlights.map(\.id)),
            breadcrumbs: [Breadcrumb(title: Self.indexTitle, path: Self.indexPath)])
    }

    /// Percent-encodes everything but unreserved characters, for a query value.
    static func queryEscaped(_ text: String) -> String {
        // Byte ranges rather than Unicode properties: a count table of a large trail has a row,
        // and so a query, for each of thousands of users and addresses.
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.append(byte)
            default:
                result += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Bars of events per time bin, with the bin width chosen so there are at most 48 bars.
    func timelineSVG() -> String {
        let times = events.compactMap { $0.timestamp?.secondsSince1970 }
        guard let first = times.min(), let last = times.max() else {
            return "<p>시각을 읽을 수 있는 이벤트가 없다.</p>\n"
        }
        let widths: [(seconds: Double, label: String)] = [
            (60, "1분"), (300, "5분"), (600, "10분"), (1800, "30분"), (3600, "1시간"), (3 * 3600, "3시간"),
            (6 * 3600, "6시간"), (86_400, "1일"), (7 * 86_400, "7일"), (30 * 86_400, "30일"), (365 * 86_400, "365일"),
        ]
        let width =
            widths.first { ((last / $0.seconds).rounded(.down) - (first / $0.seconds).rounded(.down)) < 48 }
            ?? (seconds: 365 * 86_400 * 100, label: "100년")
        let start = (first / width.seconds).rounded(.down) * width.seconds
        let binCount = Int(((last - start) / width.seconds).rounded(.down)) + 1
        var bins = Array(repeating: 0, count: binCount)
        for time in times { bins[Swift.min(binCount - 1, Int((time - start) / width.seconds))] += 1 }
        let peak = bins.max() ?? 1
        let chartWidth = 640.0
        let chartHeight = 160.0
        let left = 40.0
        let barWidth = (chartWidth - left) / Double(binCount)
        func format(_ seconds: Double) -> String {
            CloudTrailTimestamp(secondsSince1970: seconds).iso8601.replacingOccurrences(of: "T", with: " ")
                .replacingOccurrences(of: ":00Z", with: "").replacingOccurrences(of: "Z", with: "")
        }
        func number(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let label =
            "\(format(start)) UTC부터 \(width.label) 간격의 이벤트 수 막대그래프. 가장 많은 구간은 \(peak)개, 전체 \(times.count)개."
        var svg =
            "<figure class=\"trail-timeline\">\n<svg viewBox=\"0 0 \(number(chartWidth)) \(number(chartHeight + 30))\" "
        svg += "role=\"img\" aria-labelledby=\"trail-timeline-title\" class=\"trail-timeline-chart\">\n"
        svg += "<title id=\"trail-timeline-title\">\(label.escapedForHTML)</title>\n"
        svg += "<line class=\"trail-timeline-axis\" x1=\"\(number(left))\" y1=\"\(number(chartHeight))\" "
        svg += "x2=\"\(number(chartWidth))\" y2=\"\(number(chartHeight))\"/>\n"
        svg +=
            "<text class=\"trail-timeline-label\" x=\"\(number(left - 6))\" y=\"12\" text-anchor=\"end\">\(peak)</text>\n"
        svg += "<text class=\"trail-timeline-label\" x=\"\(number(left - 6))\" y=\"\(number(chartHeight))\" "
        svg += "text-anchor=\"end\">0</text>\n"
        for (index, count) in bins.enumerated() where count > 0 {
            let height = (chartHeight - 8) * Double(count) / Double(peak)
            let x = left + Double(index) * barWidth + barWidth * 0.1
            svg += "<rect class=\"trail-timeline-bar\" x=\"\(number(x))\" y=\"\(number(chartHeight - height))\" "
            svg += "width=\"\(number(barWidth * 0.8))\" height=\"\(number(height))\">"
            svg += "<title>\(format(start + Double(index) * width.seconds)) UTC: \(count)개</title></rect>\n"
        }
        svg += "<text class=\"trail-timeline-label\" x=\"\(number(left))\" y=\"\(number(chartHeight + 20))\">"
        svg += "\(format(start)) UTC</text>\n"
        svg += "<text class=\"trail-timeline-label\" x=\"\(number(chartWidth))\" y=\"\(number(chartHeight + 20))\" "
        svg += "text-anchor=\"end\">\(format(start + Double(binCount) * width.seconds)) UTC</text>\n"
        svg += "</svg>\n<figcaption>막대 하나가 \(width.label)이다.</figcaption>\n</figure>\n"
        return svg
    }
}
