import LabSite

/// Checks of `Action` and `NotAction`: unknown services and actions, with a "혹시 …?" guess, and
/// actions a wildcard beside them already covers.
extension PolicyChecker {
    /// `INVALID_SERVICE_IN_ACTION` and `INVALID_ACTION`.
    func checkActions(of statement: Statement, into findings: inout [PolicyFinding]) {
        // An entry's expansion is what the catalogue matches, so only an empty one can be at fault.
        for entry in statement.actions + statement.notActions where entry.text != "*" && entry.expansion.isEmpty {
            let parts = entry.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                findings.append(
                    PolicyFinding(
                        .invalidAction,
                        message: "\"서비스:작업\" 꼴이 아닌 작업 이름입니다: \(entry.text) (예: s3:GetObject).",
                        path: entry.path, span: entry.span))
                continue
            }
            let prefix = String(parts[0])
            let name = String(parts[1])
            if WildcardPattern.hasWildcards(prefix) { continue }
            guard let service = catalogue.service(prefix), let actions = catalogue.actionsByService[service.prefix]
            else {
                let guess = Self.closest(prefix.lowercased(), among: catalogue.sortedPrefixes)
                findings.append(
                    PolicyFinding(
                        .invalidServiceInAction,
                        message: "IAM에 없는 서비스 접두사입니다: \(prefix) (작업 \(entry.text))."
                            + (guess.map { " 혹시 \($0):\(name)인가요?" } ?? ""),
                        path: entry.path, span: entry.span))
                continue
            }
            if WildcardPattern.hasWildcards(name) {
                findings.append(
                    PolicyFinding(
                        .invalidAction,
                        message: "패턴에 맞는 \(service.name) 작업이 하나도 없습니다: \(entry.text).",
                        path: entry.path, span: entry.span))
            } else {
                let names = catalogue.lowercasedActionNames(of: service.prefix)
                // The guess comes lower-cased; the action at the same place gives its spelling.
                let guess = Self.closest(name.lowercased(), among: names)
                    .flatMap { names.firstIndex(of: $0) }
                    .map { String(actions[$0].name.drop { $0 != ":" }.dropFirst()) }
                findings.append(
                    PolicyFinding(
                        .invalidAction,
                        message: "\(service.name)에 없는 작업입니다: \(entry.text)."
                            + (guess.map { " 혹시 \(service.prefix):\($0)인가요?" } ?? ""),
                        path: entry.path, span: entry.span))
            }
        }
    }

    /// `REDUNDANT_ACTION`: an action or pattern that another pattern of the same statement, or of
    /// a statement with the same effect and resources and no condition, already covers.
    func checkRedundantActions(_ statements: [Statement], into findings: inout [PolicyFinding]) {
        var groups: [String: [Entry]] = [:]
        var order: [String] = []
        for statement in statements where !statement.actions.isEmpty {
            var key = "statement \(statement.index)"
            if !statement.hasCondition && statement.notResources.isEmpty {
                let resources = Set(statement.resources.map(\.text)).sorted().joined(separator: "\n")
                key = "\(statement.isAllow)|\(resources)"
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []] += statement.actions
        }
        for key in order {
            let entries = groups[key] ?? []
            // Only a pattern of the same service (or of every service) can cover an entry, so each
            // entry is compared with those alone: ReadOnlyAccess has thousands of patterns.
            var byService: [String: [Int]] = [:]
            var everyService: [Int] = []
            let lowered = entries.map { $0.text.lowercased() }
            let patterns = entries.map {
                WildcardPattern.hasWildcards($0.text) ? WildcardPattern($0.text, ignoringCase: true) : nil
            }
            for (index, text) in lowered.enumerated() {
                let service = String(text.prefix { $0 != ":" })
                if WildcardPattern.hasWildcards(service) {
                    everyService.append(index)
                } else {
                    byService[service, default: []].append(index)
                }
            }
            var names: [Int: Set<Int>] = [:]
            func actionNames(_ index: Int) -> Set<Int> {
                if let known = names[index] { return known }
                let made = Set(entries[index].expansion)
                names[index] = made
                return made
            }
            for (index, entry) in entries.enumerated() where !entry.expansion.isEmpty {
                let service = String(lowered[index].prefix { $0 != ":" })
                let candidates = (byService[service] ?? []) + everyService
                let cover = candidates.sorted().first { other in
                    guard other != index else { return false }
                    if lowered[other] == lowered[index] { return other < index }
                    guard let pattern = patterns[other] else { return false }
                    if patterns[index] == nil { return pattern.matches(entry.text) }
                    let own = actionNames(index)
                    let theirs = actionNames(other)
                    guard own.isSubset(of: theirs) else { return false }
                    // Two patterns covering the same actions: only the later one is redundant.
                    return own != theirs || other < index
                }
                guard let cover else { continue }
                findings.append(
                    PolicyFinding(
                        .redundantAction,
                        message: "같은 효과의 \(entries[cover].text)에 이미 포함되어 필요 없는 작업입니다: \(entry.text). "
                            + "지워도 권한은 같습니다.",
                        path: entry.path, span: entry.span))
            }
        }
    }

    /// The candidate nearest to `text` (both compared lower-cased) by edit distance, when it is
    /// near enough to be a typo.
    static func closest(_ text: String, among candidates: [String]) -> String? {
        let limit = max(2, text.utf8.count / 4)
        var best: (String, Int)?
        let source = Array(text.lowercased().utf8)
        for candidate in candidates {
            let target = Array(candidate.lowercased().utf8)
            guard abs(target.count - source.count) <= limit else { continue }
            let bound = min(limit, (best?.1 ?? Int.max) - 1)
            if let distance = editDistance(source, target, atMost: bound) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The Levenshtein distance of two byte strings when it is at most `bound`, else `nil`; a row
    /// whose every entry exceeds the bound ends the search early.
    private static func editDistance(_ a: [UInt8], _ b: [UInt8], atMost bound: Int) -> Int? {
        guard bound >= 0 else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= bound ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
