import LabSite

/// Browsing the trail by its S3 layout, as steps 30–32 do in the console:
/// `AWSLogs/` → account → `CloudTrail/` → region → year → month → day → file.
extension TrailSection {
    func bucketPages() throws -> [GeneratedPage] {
        var folders: Set<[String]> = [[]]
        for file in logFiles {
            for length in 0...file.folders.count { folders.insert(Array(file.folders.prefix(length))) }
        }
        let sorted = folders.sorted { $0.lexicographicallyPrecedes($1) }
        // A file page lists every record of its file; a large trail has a thousand of them.
        let section = self
        let filePages = WorkerThreads.map(Array(logFiles.indices)) { section.filePage($0) }
        return try sorted.map(folderPage) + filePages.map { try $0.get() }
    }

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

    private func folderPage(_ folders: [String]) -> GeneratedPage {
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
        var html = ""
        if folders.isEmpty {
            html += "<p>CloudTrail이 S3 버킷에 쓴 그대로의 폴더 구조이다. "
            html += "<code>AWSLogs/계정 ID/CloudTrail/리전/연/월/일/</code> 순서로 들어가면 로그 파일이 나온다.</p>\n"
        } else {
            html += "<p>폴더 <code>\((folders.joined(separator: "/") + "/").escapedForHTML)</code></p>\n"
        }
        html += "<table class=\"trail-bucket\">\n<thead><tr><th scope=\"col\">이름</th><th scope=\"col\">종류</th>"
        html += "<th scope=\"col\">이벤트</th></tr></thead>\n<tbody>\n"
        for (name, count) in subfolders.sorted(by: { $0.key < $1.key }) {
            let href = (name + "/index.html").escapedForHTML
            html += "<tr><td><a href=\"\(href)\">\(name.escapedForHTML)/</a></td><td>폴더</td><td>\(count)</td></tr>\n"
        }
        for index in here {
            let file = logFiles[index]
            let href = (file.fileName + ".html").escapedForHTML
            html += "<tr><td><a href=\"\(href)\">\(file.fileName.escapedForHTML)</a></td><td>로그 파일</td>"
            html += "<td>\(file.eventIndices.count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let title = folders.isEmpty ? Self.bucketTitle : (folders.joined(separator: "/") + "/")
        return GeneratedPage(
            path: path, title: title, summary: folders.isEmpty ? "로그 파일을 S3 폴더 구조로 찾아본다" : "",
            html: html, breadcrumbs: breadcrumbs(to: folders))
    }

    private func filePage(_ index: Int) -> GeneratedPage {
        let file = logFiles[index]
        let path = file.pagePath
        var html = "<dl class=\"trail-file-facts\">\n"
        html += "<dt>경로</dt><dd><code>\(file.displayPath.escapedForHTML)</code></dd>\n"
        if let key = TrailObjectKey(path: file.displayPath) {
            html += "<dt>계정</dt><dd><code>\(key.accountID.escapedForHTML)</code></dd>\n"
            html += "<dt>리전</dt><dd><code>\(key.region.escapedForHTML)</code></dd>\n"
            html += "<dt>날짜 (UTC)</dt><dd>\(key.year.escapedForHTML)-\(key.month.escapedForHTML)-"
            html += "\(key.day.escapedForHTML)</dd>\n"
            if let delivery = key.deliveryTime {
                html += "<dt>생성 시각</dt><dd><code>\(delivery.escapedForHTML)</code></dd>\n"
            }
        }
        html += "<dt>이벤트</dt><dd>\(file.eventIndices.count)개</dd>\n</dl>\n"
        if let download = file.downloadPath {
            let href = SitePath.relative(from: path, to: download).escapedForHTML
            html += "<p><a class=\"trail-download\" href=\"\(href)\" download>원본 파일 내려받기</a> "
            html += "(gzip으로 압축된 JSON, 단계 32처럼 풀어서 볼 수 있다)</p>\n"
        } else if isRedacted {
            html += "<p class=\"trail-redacted\">값을 가린 사이트이므로 원본 파일은 게시하지 않았다.</p>\n"
        }
        html += "<h2 id=\"events\">레코드</h2>\n"
        let prefix = SitePath.rootPrefix(from: path) + "events/"
        html += TrailHTML.table(rows: file.eventIndices, of: events, linkPrefix: prefix)
        return GeneratedPage(
            path: path, title: file.fileName, summary: "CloudTrail 로그 파일 하나에 든 레코드", html: html,
            headings: [Heading(level: 2, id: "events", title: "레코드", line: 0)],
            breadcrumbs: breadcrumbs(to: file.folders + [""]), indexesText: false)
    }
}
