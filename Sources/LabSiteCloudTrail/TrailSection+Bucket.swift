import LabSite

/// Browsing the trail by its S3 layout, as steps 30–32 do in the console:
/// `AWSLogs/` → account → `CloudTrail/` → region → year → month → day → file, through
/// `partials/trail-folder.mustache` and `partials/trail-file.mustache`.
extension TrailSection {
    func bucketPages() throws -> [GeneratedPage] {
        var folders: Set<[String]> = [[]]
        for file in logFiles {
            for length in 0...file.folders.count { folders.insert(Array(file.folders.prefix(length))) }
        }
        let sorted = folders.sorted { $0.lexicographicallyPrecedes($1) }
        // A file page lists every record of its file; a large trail has a thousand of them. They
        // are rendered a run of neighbouring files at a time, which share what their rows' shapes
        // compiled to (see `RecentSkeletons`).
        let section = self
        let filePages = WorkerThreads.map(WorkerThreads.runs(of: logFiles.count, length: Self.filePageRun)) { run in
            var recent = RecentSkeletons()
            return try run.map { try section.filePage($0, recent: &recent) }
        }
        return try sorted.map(folderPage) + filePages.flatMap { try $0.get() }
    }

    /// How many file pages one worker renders in a row.
    private static let filePageRun = 8

    private func breadcrumbs(to folders: [String]) -> [Breadcrumb] {
        var trail = [Breadcrumb(title: Self.indexTitle, path: Self.indexPath)]
        for length in 0..<folders.count {
            let prefix = Array(folders.prefix(length))
            trail.append(
                Breadcrumb(
                    title: length == 0 ? Self.bucketTitle : prefix.last ?? "",
                    path: TrailLogFile.folderPath(prefix) + "index.html"))
        }
        return trail
    }

    private func folderPage(_ folders: [String]) throws -> GeneratedPage {
        let path = TrailLogFile.folderPath(folders) + "index.html"
        var subfolders: [String: Int] = [:]
        var here: [Int] = []
        for (index, file) in logFiles.enumerated() where file.folders.starts(with: folders) {
            if file.folders.count == folders.count {
                here.append(index)
            } else {
                subfolders[file.folders[folders.count], default: 0] += file.eventIndices.count
            }
        }
        let context = TrailFolderContext(
            folders: folders, subfolders: subfolders.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) },
            files: here.map { (logFiles[$0].fileName, logFiles[$0].eventIndices.count) })
        let html = try templates.render("partials/trail-folder", with: context)
        let title = folders.isEmpty ? Self.bucketTitle : (folders.joined(separator: "/") + "/")
        return GeneratedPage(
            path: path, title: title, summary: folders.isEmpty ? "로그 파일을 S3 폴더 구조로 찾아본다" : "",
            html: html, breadcrumbs: breadcrumbs(to: folders))
    }

    private func filePage(_ index: Int, recent: inout RecentSkeletons) throws -> GeneratedPage {
        let file = logFiles[index]
        let path = file.pagePath
        let prefix = SitePath.rootPrefix(from: path) + "events/"
        let context = TrailFileContext(
            file: file, downloadURL: file.downloadPath.map { SitePath.relative(from: path, to: $0) },
            isWithheld: file.downloadPath == nil && isRedacted,
            rows: try eventRows(file.eventIndices.lazy.map { events[$0] }, linkPrefix: prefix, recent: &recent))
        // Compiled once for all file pages, which a large trail has a thousand of.
        var html = HTMLBuffer(capacity: 4096 + 400 * file.eventIndices.count)
        try templates.render("partials/trail-file", with: context, into: &html, recent: &recent)
        var page = GeneratedPage(
            path: path, title: file.fileName, summary: "CloudTrail 로그 파일 하나에 든 레코드", html: "",
            headings: [Heading(level: 2, id: "events", title: "레코드", line: 0)],
            breadcrumbs: breadcrumbs(to: file.folders + [""]), indexesText: false)
        // Kept as bytes to the file (see `TemplateText`), as event pages are.
        page.content = .utf8(html.data())
        return page
    }
}
