import LabSite

/// Reviews an IAM policy document offline, as IAM Access Analyzer's policy validation and
/// Parliament do, with Korean explanations and the place of each finding in the source text.
///
/// The checker reads the JSON value rather than a ``PolicyDocument`` so that it can report what
/// the parser refuses (a statement without `Effect`) and point at the exact element. The checks
/// live in extensions by what they look at: actions (`+Actions`), resources and ARNs
/// (`+Resources`), conditions (`+Conditions`) and what the whole policy grants (`+Access`).
public struct PolicyChecker: Sendable {
    /// The catalogue actions, services and condition keys are looked up in.
    public let catalogue: ActionCatalogue
    /// The ids of the actions that return credentials, and of those on escalation paths.
    let credentialIDs: Set<Int>
    let escalationIDs: Set<Int>
    /// Each action pattern met so far, with the ids it expands to: documents repeat patterns
    /// (`s3:Get*`), within one and from one to the next, and a checker that goes on to the next
    /// document (``checkRemembering(_:in:)``) expands each once.
    private var expansions: [String: [Int]] = [:]

    /// Creates a checker over `catalogue`.
    public init(catalogue: ActionCatalogue = .builtin) {
        self.catalogue = catalogue
        credentialIDs = Set(CredentialActions.all.compactMap { catalogue.action(named: $0)?.id })
        escalationIDs = Set(
            PrivilegeEscalationPaths.all.flatMap(\.actions).compactMap { catalogue.action(named: $0)?.id })
    }

    /// One string of an `Action`, `NotAction`, `Resource` or `NotResource` element, with its place.
    struct Entry {
        var text: String
        var path: [PolicyFinding.PathElement]
        var span: Range<Int>
        /// For an `Action` or `NotAction` entry, the ids of the catalogue's actions it matches.
        var expansion: [Int] = []
    }

    /// A statement as the checks see it: its elements with their places.
    struct Statement {
        var index: Int
        var path: [PolicyFinding.PathElement]
        var span: Range<Int>
        var fields: JSONObject
        var sid: String?
        var isAllow: Bool
        var actions: [Entry] = []
        var notActions: [Entry] = []
        var resources: [Entry] = []
        var notResources: [Entry] = []
        /// The `Action` or `NotAction` element itself, for findings about the whole list.
        var actionElement: Entry?
        var resourceElement: Entry?
        var hasCondition: Bool { fields["Condition"] != nil }
        /// Whether the statement names a `Principal` (a trust or resource policy), where `Action`
        /// says what the principal may call on this resource rather than what an identity holds.
        var hasPrincipal: Bool { fields["Principal"] != nil || fields["NotPrincipal"] != nil }
    }

    /// The findings on `document`, whose offsets index `bytes` (the text it was parsed from),
    /// ordered by place, then by type.
    public func check(_ document: JSONValue, in bytes: [UInt8]) -> [PolicyFinding] {
        var checker = self
        return checker.checkRemembering(document, in: bytes)
    }

    /// ``check(_:in:)``, keeping the patterns' expansions for the next document this checker checks.
    public mutating func checkRemembering(_ document: JSONValue, in bytes: [UInt8]) -> [PolicyFinding] {
        var findings: [PolicyFinding] = []
        let span = { (value: JSONValue) in value.offset..<JSONTextSpan.end(ofValueAt: value.offset, in: bytes) }
        guard let fields = document.objectValue else { return [] }
        checkVersion(fields, document: document, bytes: bytes, span: span, into: &findings)
        var statementValues: [(JSONValue, [PolicyFinding.PathElement])] = []
        switch fields["Statement"]?.content {
        case .array(let values):
            statementValues = values.enumerated().map { ($1, [.value("Statement"), .index($0)]) }
        case .object:
            if let value = fields["Statement"] { statementValues = [(value, [.value("Statement")])] }
        default:
            break
        }
        var statements: [Statement] = []
        var expansions = self.expansions
        defer { self.expansions = expansions }
        func expanded(_ entries: [Entry]) -> [Entry] {
            entries.map { entry in
                var expandedEntry = entry
                if let known = expansions[entry.text] {
                    expandedEntry.expansion = known
                } else {
                    expandedEntry.expansion = catalogue.expandIDs(entry.text)
                    expansions[entry.text] = expandedEntry.expansion
                }
                return expandedEntry
            }
        }
        for (index, (value, path)) in statementValues.enumerated() {
            guard var statement = readStatement(value, index: index, path: path, bytes: bytes, into: &findings)
            else { continue }
            statement.actions = expanded(statement.actions)
            statement.notActions = expanded(statement.notActions)
            statements.append(statement)
        }
        checkSids(statements, bytes: bytes, into: &findings)
        for statement in statements {
            checkActions(of: statement, into: &findings)
            checkResources(of: statement, into: &findings)
            checkConditions(of: statement, bytes: bytes, into: &findings)
            checkStatementAccess(statement, into: &findings)
        }
        checkRedundantActions(statements, into: &findings)
        checkPrivilegeEscalation(statements, into: &findings)
        return findings.enumerated().sorted { left, right in
            (left.element.span.lowerBound, left.element.type, left.offset)
                < (right.element.span.lowerBound, right.element.type, right.offset)
        }.map(\.element)
    }

    /// `MISSING_VERSION` and `OLD_VERSION`.
    private func checkVersion(
        _ fields: JSONObject, document: JSONValue, bytes: [UInt8], span: (JSONValue) -> Range<Int>,
        into findings: inout [PolicyFinding]
    ) {
        guard let version = fields["Version"] else {
            findings.append(
                PolicyFinding(
                    .missingVersion,
                    message: "정책에 Version이 없습니다. \"Version\": \"2012-10-17\"을 맨 앞에 적으세요. "
                        + "Version이 없으면 정책 변수(${aws:username} 등)가 글자 그대로 비교됩니다.",
                    path: [], span: document.offset..<(document.offset + 1)))
            return
        }
        if version.stringValue == "2008-10-17" {
            findings.append(
                PolicyFinding(
                    .oldVersion,
                    message: "Version 2008-10-17은 옛 버전이라 정책 변수(${aws:username} 등)를 쓸 수 없습니다. "
                        + "2012-10-17로 바꾸세요.",
                    path: [.value("Version")], span: span(version)))
        }
    }

    /// Reads one statement, reporting `MISSING_EFFECT`, `INVALID_EFFECT` and empty element lists;
    /// `nil` when it is not an object.
    private func readStatement(
        _ value: JSONValue, index: Int, path: [PolicyFinding.PathElement], bytes: [UInt8],
        into findings: inout [PolicyFinding]
    ) -> Statement? {
        guard let fields = value.objectValue else { return nil }
        let span = value.offset..<JSONTextSpan.end(ofValueAt: value.offset, in: bytes)
        let effect = fields["Effect"]
        if effect == nil {
            findings.append(
                PolicyFinding(
                    .missingEffect,
                    message: "문 \(index + 1)에 Effect가 없습니다. \"Effect\": \"Allow\" 또는 \"Deny\"를 적으세요.",
                    path: path, span: span.lowerBound..<(span.lowerBound + 1)))
        } else if let effect, effect.stringValue != "Allow" && effect.stringValue != "Deny" {
            let shown = effect.stringValue.map { "\"\($0)\"" } ?? "문자열이 아닌 값"
            findings.append(
                PolicyFinding(
                    .invalidEffect,
                    message: "문 \(index + 1)에 쓸 수 없는 Effect 값입니다: \(shown). "
                        + "대소문자까지 정확히 \"Allow\" 또는 \"Deny\"로 적으세요.",
                    path: path + [.value("Effect")],
                    span: effect.offset..<JSONTextSpan.end(ofValueAt: effect.offset, in: bytes)))
        }
        var statement = Statement(
            index: index, path: path, span: span, fields: fields, sid: fields["Sid"]?.stringValue,
            isAllow: effect?.stringValue == "Allow")
        func entries(_ name: String) -> (element: Entry?, entries: [Entry]) {
            guard let element = fields[name] else { return (nil, []) }
            let elementPath = path + [.value(name)]
            let elementEntry = Entry(
                text: name, path: elementPath,
                span: element.offset..<JSONTextSpan.end(ofValueAt: element.offset, in: bytes))
            switch element.content {
            case .string(let text):
                return (elementEntry, [Entry(text: text, path: elementPath, span: elementEntry.span)])
            case .array(let items):
                let list = items.enumerated().compactMap { position, item -> Entry? in
                    guard let text = item.stringValue else { return nil }
                    return Entry(
                        text: text, path: elementPath + [.index(position)],
                        span: item.offset..<JSONTextSpan.end(ofValueAt: item.offset, in: bytes))
                }
                return (elementEntry, list)
            default: return (elementEntry, [])
            }
        }
        let actions = entries("Action")
        let notActions = entries("NotAction")
        let resources = entries("Resource")
        let notResources = entries("NotResource")
        statement.actions = actions.entries
        statement.notActions = notActions.entries
        statement.resources = resources.entries
        statement.notResources = notResources.entries
        statement.actionElement = actions.element ?? notActions.element
        statement.resourceElement = resources.element ?? notResources.element
        for (element, issue, what, object) in [
            (actions.element ?? notActions.element, PolicyIssue.emptyArrayAction, "작업", "작업을"),
            (resources.element ?? notResources.element, PolicyIssue.emptyArrayResource, "리소스", "리소스를"),
        ] {
            guard let element, let value = fields[element.text], value.arrayValue?.isEmpty == true else { continue }
            findings.append(
                PolicyFinding(
                    issue,
                    message: "문 \(index + 1)의 \(element.text) 목록이 비어 있어 이 문은 아무 \(what)에도 적용되지 않습니다. "
                        + "\(object) 적거나 문을 지우세요.",
                    path: element.path, span: element.span))
        }
        return statement
    }

    /// `UNIQUE_SIDS_RECOMMENDED`: a `Sid` used by an earlier statement.
    private func checkSids(_ statements: [Statement], bytes: [UInt8], into findings: inout [PolicyFinding]) {
        var first: [String: Int] = [:]
        for statement in statements {
            guard let sid = statement.sid, !sid.isEmpty, let value = statement.fields["Sid"] else { continue }
            if let earlier = first[sid] {
                findings.append(
                    PolicyFinding(
                        .uniqueSidsRecommended,
                        message: "문 \(statement.index + 1)의 Sid가 문 \(earlier + 1)과 같습니다: \"\(sid)\". "
                            + "Sid는 정책 안에서 서로 달라야 어느 문인지 가리킬 수 있습니다.",
                        path: statement.path + [.value("Sid")],
                        span: value.offset..<JSONTextSpan.end(ofValueAt: value.offset, in: bytes)))
            } else {
                first[sid] = statement.index
            }
        }
    }

    /// `a`, `b`, `c` 외 N개: a short list of names for a message.
    static func list(_ names: [String], limit: Int = 3) -> String {
        let shown = names.prefix(limit).joined(separator: ", ")
        return names.count > limit ? "\(shown) 외 \(names.count - limit)개" : shown
    }
}
