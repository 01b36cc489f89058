import Foundation
import LabSite

/// The record JSON blocks of event pages, every string escaped for HTML; the pages themselves
/// come from the theme's partials.
///
/// The theme's script colours the block in the browser (keys, strings, numbers, literals), as
/// mdBook colours code: the block is most of an event page, and a large trail has one per event,
/// so highlighting spans written here would be a large share of every page's bytes. Without
/// scripts the JSON reads the same, in one colour.
enum TrailHTML {
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
