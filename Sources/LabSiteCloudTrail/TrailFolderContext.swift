import LabSite

/// The variables of `partials/trail-folder.mustache`, a folder of the trail's S3 layout: its
/// subfolders and log files with their numbers of events.
struct TrailFolderContext: TemplateContext {
    /// The folder's path below the bucket, as names; empty for the bucket itself.
    var folders: [String]
    var subfolders: [(name: String, eventCount: Int)]
    var files: [(name: String, eventCount: Int)]

    func write<Sink: TemplateValueSink>(to sink: inout Sink) {
        sink.set("isRoot", flag: folders.isEmpty)
        sink.set("folder", nonEmpty: folders.isEmpty ? "" : folders.joined(separator: "/") + "/")
        let (subfolders, files) = (self.subfolders, self.files)
        sink.set("subfolders", objects: subfolders.count) { position, entry in
            entry.set("url", text: subfolders[position].name + "/index.html")
            entry.set("name", text: subfolders[position].name)
            entry.set("eventCount", text: String(subfolders[position].eventCount))
        }
        sink.set("files", objects: files.count) { position, entry in
            entry.set("url", text: files[position].name + ".html")
            entry.set("name", text: files[position].name)
            entry.set("eventCount", text: String(files[position].eventCount))
        }
    }
}
