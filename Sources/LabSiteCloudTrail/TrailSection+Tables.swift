import LabSite

/// The rows of the events tables (`partials/event-table.mustache` takes them as `rows`).
extension TrailSection {
    /// `events` as rows through `partials/event-row.mustache`; `linkPrefix` leads from the
    /// table's page to the `events/` folder.
    func eventRows(_ events: some Sequence<TrailEvent>, linkPrefix: String) throws -> TemplateText {
        var recent = RecentSkeletons()
        return try eventRows(events, linkPrefix: linkPrefix, recent: &recent)
    }

    /// ``eventRows(_:linkPrefix:)``, keeping the skeletons of the rows' shapes in `recent` for the
    /// next table of a run.
    func eventRows(
        _ events: some Sequence<TrailEvent>, linkPrefix: String, recent: inout RecentSkeletons
    ) throws -> TemplateText {
        var html = HTMLBuffer(capacity: 400 * events.underestimatedCount + 64)
        for event in events {
            try templates.render(
                "partials/event-row", with: EventRow(event: event, linkPrefix: linkPrefix), into: &html,
                recent: &recent)
        }
        return .utf8(html.data())
    }
}
