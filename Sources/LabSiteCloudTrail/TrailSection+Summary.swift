import LabSite

/// The summary page through `partials/trail-summary.mustache`: highlights worth a look, counts by
/// event, user, region and source, and a timeline as inline SVG.
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

    /// How many events each of ``highlights`` has.
    func highlightCounts() -> [Int] {
        var counts = Array(repeating: 0, count: Self.highlights.count)
        for event in events {
            for position in counts.indices where event.isHighlighted(position) { counts[position] += 1 }
        }
        return counts
    }

    func summaryPage() throws -> GeneratedPage {
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
        // The rows and links go through their partials' compiled shapes: a large trail's
        // summary has tens of thousands of them.
        var tables: [TrailSummaryContext.CountTable] = []
        var recent = RecentSkeletons()
        for (count, tally) in zip(counts, tallies) {
            headings.append(Heading(level: 2, id: count.id, title: count.title, line: 0))
            let sorted = tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var rows = HTMLBuffer(capacity: 128 * sorted.count + 16)
            for (value, number) in sorted {
                try templates.render(
                    "partials/trail-count-row", with: TrailCountRow(value: value, count: number, filter: count.filter),
                    into: &rows, recent: &recent)
            }
            tables.append(TrailSummaryContext.CountTable(id: count.id, title: count.title, rows: .utf8(rows.data())))
        }
        var highlights: [TrailSummaryContext.HighlightItem] = []
        for position in Self.highlights.indices {
            var links = HTMLBuffer(capacity: 256)
            var matching = 0
            for event in events where event.isHighlighted(position) {
                try templates.render(
                    "partials/trail-highlight-event", with: TrailHighlightEvent(event: event), into: &links,
                    recent: &recent)
                matching += 1
            }
            highlights.append(
                TrailSummaryContext.HighlightItem(
                    highlight: Self.highlights[position], count: matching, events: .utf8(links.data())))
        }
        let context = TrailSummaryContext(
            eventCount: events.count, highlights: highlights,
            timeline: TrailTimeline(times: events.compactMap { $0.timestamp?.secondsSince1970 }), counts: tables)
        return GeneratedPage(
            path: Self.summaryPath, title: Self.summaryTitle, summary: "누가, 무엇을, 언제 많이 했는지 한눈에 본다",
            html: try templates.render("partials/trail-summary", with: context), headings: headings,
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
}
