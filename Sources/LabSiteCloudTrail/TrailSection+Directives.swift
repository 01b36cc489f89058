import LabSite

/// The lab-page directives: ```` ```cloudtrail-event ```` shows one event as a card
/// (`partials/event-card.mustache`), and ```` ```cloudtrail-events ```` a table of the events that
/// match (`partials/event-list.mustache`).
///
/// Both take `key: value` lines: `eventName`, `eventID`, `eventSource` (`ec2` means
/// `ec2.amazonaws.com`), `user`, `region` (several values separated by commas are alternatives),
/// `errors: yes` and `since`/`until`. Every key given must hold.
extension TrailSection {
    private static let keys = ["eventName", "eventID", "eventSource", "user", "region", "errors", "since", "until"]

    /// The events a directive's body selects; throws at the block when the body is malformed.
    func selectEvents(_ invocation: DirectiveInvocation) throws -> [TrailEvent] {
        func fail(_ reason: String) -> MarkdownError {
            MarkdownError(path: invocation.path, line: invocation.line, reason: reason)
        }
        var filter = EventFilter()
        var eventIDs: [String] = []
        var given = 0
        for rawLine in invocation.body.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw fail(
                    "The `\(invocation.name)` block's line `\(line)` is not `key: value`, such as `eventName: CreateBucket`."
                )
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let values = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            guard !values.isEmpty else { throw fail("The `\(invocation.name)` block's `\(key)` has no value.") }
            given += 1
            switch key {
            case "eventName": filter.eventNames += values
            case "eventID": eventIDs += values
            case "eventSource": filter.sources += values
            case "user": filter.users += values
            case "region": filter.regions += values
            case "errors":
                guard ["yes", "true"].contains(value.lowercased()) else {
                    throw fail(
                        "The `\(invocation.name)` block's `errors` is `\(value)`; write `errors: yes` or leave it out.")
                }
                filter.errorsOnly = true
            case "since", "until":
                guard let time = EventFilter.time(value, endOfDay: key == "until") else {
                    throw fail(
                        "The `\(invocation.name)` block's `\(key)` `\(value)` is not a time such as 2022-06-04T12:30:00Z."
                    )
                }
                if key == "since" { filter.since = time } else { filter.until = time }
            default:
                throw fail(
                    "The `\(invocation.name)` block has the unknown key `\(key)`; it takes "
                        + Self.keys.joined(separator: ", ") + ".")
            }
        }
        guard given > 0 else {
            throw fail("The `\(invocation.name)` block selects nothing; give a key such as `eventName: CreateBucket`.")
        }
        let selected = events.filter { event in
            (eventIDs.isEmpty || eventIDs.contains(event.eventID ?? "")) && filter.matches(event: event)
        }
        guard !selected.isEmpty else {
            throw fail(
                "No event under content/trail/ matches the `\(invocation.name)` block "
                    + "(\(events.count) events were read); check the names and values.")
        }
        return selected
    }

    func renderEventCard(_ invocation: DirectiveInvocation) throws -> String {
        let selected = try selectEvents(invocation)
        guard selected.count == 1, let event = selected.first else {
            let ids = selected.prefix(5).map { "`\($0.eventID ?? $0.id)`" }.joined(separator: ", ")
            throw MarkdownError(
                path: invocation.path, line: invocation.line,
                reason:
                    "The `cloudtrail-event` block matches \(selected.count) events; add `eventID:` to pick one "
                    + "(\(ids)\(selected.count > 5 ? ", …" : "")).")
        }
        return try templates.render(
            "partials/event-card", with: EventCardContext(event: event, url: invocation.rootPrefix + event.pagePath))
    }

    func renderEventTable(_ invocation: DirectiveInvocation) throws -> String {
        let selected = try selectEvents(invocation)
        let context = EventListContext(
            eventCount: selected.count, indexURL: invocation.rootPrefix + Self.indexPath,
            rows: try eventRows(selected, linkPrefix: invocation.rootPrefix + "events/"))
        return try templates.render("partials/event-list", with: context)
    }
}
