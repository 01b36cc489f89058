import LabSite

/// The least privilege one identity needed in the lab: the actions behind the calls the trail
/// recorded for it, and the requests `matrix.yml` says it makes that a management-events trail
/// cannot record, as a policy document that `labsite policy check` finds nothing serious in.
struct LeastPrivilege: Sendable {
    /// Why an action is in the policy.
    enum Evidence: Sendable, Equatable {
        /// A recorded call, with its event page.
        case call(eventSource: String, eventName: String, page: String?, failed: Bool)
        /// A request of `matrix.yml`, which the trail does not show.
        case declared(step: Int?, note: String?)
    }

    /// One action of the policy, the resources it needs and why.
    struct Need: Sendable {
        var action: String
        var resources: [String]
        var evidence: [Evidence]
    }

    /// A recorded call that is not `service:EventName`: what it needs instead, and where AWS says so.
    struct Mapping: Sendable, Equatable {
        var eventSource: String
        var eventName: String
        var actions: [String]
        var note: String
        var source: String
    }

    /// The identity the policy is for.
    var identity: IAMIdentity
    /// The actions, sorted by name.
    var needs: [Need]
    /// Calls mapped through ``EventActionExceptions``, each once.
    var mappings: [Mapping]
    /// Calls whose `service:EventName` is not in the catalogue and no exception covers, each once.
    var unmapped: [String]
    /// The suggested policy, as JSON text.
    var policyText: String
    /// What the checker finds in it.
    var findings: [PolicyFinding]

    /// The IAM actions a call needs: an exception's, else `prefix:EventName` when the catalogue has it;
    /// `nil` when neither knows the call.
    static func actions(
        for call: ObservedCall, catalogue: ActionCatalogue
    ) -> (actions: [String], exception: EventActionException?)? {
        if let exception = EventActionExceptions.exception(eventSource: call.eventSource, eventName: call.eventName) {
            return (exception.actions, exception)
        }
        let prefix = EventActionExceptions.servicePrefix(eventSource: call.eventSource)
        return catalogue.action(named: "\(prefix):\(call.eventName)").map { ([$0.name], nil) }
    }

    /// Whether `call` was made by `identity`: its ARN, or for a role its sessions, or for a user
    /// its name where the record has no ARN (an Event history CSV row).
    static func made(_ call: ObservedCall, by identity: IAMIdentity) -> Bool {
        switch identity.kind {
        case .user:
            if !call.identityARN.isEmpty {
                return call.identityARN == identity.arn
                    || (identity.arn.isEmpty && call.identityARN.hasSuffix("/" + identity.name)
                        && call.identityARN.contains(":user/"))
            }
            return call.userName == identity.name
        case .role:
            return call.identityARN.contains(":assumed-role/\(identity.name)/")
        case .group:
            return false
        }
    }

    /// The least privilege of `identity` from `calls` and the `requests` of `matrix.yml` it makes;
    /// `nil` when it made no call and no request.
    static func derive(
        for identity: IAMIdentity, calls: [ObservedCall], requests: [MatrixSettings.Request],
        catalogue: ActionCatalogue
    ) -> LeastPrivilege? {
        var needs: [String: Need] = [:]
        var mappings: [Mapping] = []
        var unmapped: [String] = []
        for call in calls where made(call, by: identity) {
            guard let (actions, exception) = Self.actions(for: call, catalogue: catalogue) else {
                let name = "\(call.eventSource) \(call.eventName)"
                if !unmapped.contains(name) { unmapped.append(name) }
                continue
            }
            if let exception {
                let mapping = Mapping(
                    eventSource: call.eventSource, eventName: call.eventName, actions: exception.actions,
                    note: exception.noteKorean, source: exception.source)
                if !mappings.contains(mapping) { mappings.append(mapping) }
            }
            for action in actions {
                var need = needs[action.lowercased()] ?? Need(action: action, resources: [], evidence: [])
                let evidence = Evidence.call(
                    eventSource: call.eventSource, eventName: call.eventName, page: call.page, failed: call.failed)
                if !need.evidence.contains(evidence) { need.evidence.append(evidence) }
                for resource in call.resources where !need.resources.contains(resource) {
                    need.resources.append(resource)
                }
                needs[action.lowercased()] = need
            }
        }
        for request in requests where request.by == identity.name || request.by == identity.key {
            let action = catalogue.action(named: request.action)?.name ?? request.action
            var need = needs[action.lowercased()] ?? Need(action: action, resources: [], evidence: [])
            need.evidence.append(.declared(step: request.step, note: request.note))
            if let resource = request.resource, !need.resources.contains(resource) { need.resources.append(resource) }
            needs[action.lowercased()] = need
        }
        guard !needs.isEmpty || !mappings.isEmpty || !unmapped.isEmpty else { return nil }
        let sorted = needs.values.sorted { $0.action.lowercased() < $1.action.lowercased() }
        let resolved = resolveResources(sorted, catalogue: catalogue)
        let text = policyText(resolved)
        let bytes = Array(text.utf8)
        let findings = (try? JSONValue.parse(bytes)).map { PolicyChecker(catalogue: catalogue).check($0, in: bytes) }
        return LeastPrivilege(
            identity: identity, needs: resolved, mappings: mappings, unmapped: unmapped, policyText: text,
            findings: findings ?? [])
    }

    /// Each need's `Resource`: `*` for an action that takes no resource ARN; for one that does,
    /// the ARNs seen, else those another need of the same service names that fit the action's
    /// resource types (`cloudtrail:GetTrailStatus` takes the trail `CreateTrail` names), else `*`.
    private static func resolveResources(_ needs: [Need], catalogue: ActionCatalogue) -> [Need] {
        let known = needs.flatMap(\.resources).filter { $0 != "*" }
        return needs.map { need in
            var resolved = need
            guard let action = catalogue.action(named: need.action), action.supportsResourceLevelPermissions,
                let service = catalogue.service(action.service)
            else {
                resolved.resources = ["*"]
                return resolved
            }
            if need.resources.isEmpty {
                let formats = action.resourceTypes.compactMap { service.resourceTypes[$0.name] }
                resolved.resources = known.filter { arn in formats.contains { arnFits(arn, format: $0) } }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            }
            if resolved.resources.isEmpty { resolved.resources = ["*"] }
            return resolved
        }
    }

    /// Whether `arn` has the shape of `format` (`arn:${Partition}:cloudtrail:${Region}:${Account}:trail/${TrailName}`):
    /// a placeholder stands for text without `:` or `/`, except a last one after a `/`, which may hold `/`
    /// (an object key under its bucket).
    static func arnFits(_ arn: String, format: String) -> Bool {
        var parts: [(literal: Substring, placeholder: Bool)] = []
        var rest = Substring(format)
        while let open = rest.range(of: "${") {
            parts.append((rest[..<open.lowerBound], false))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { return false }
            parts.append(("", true))
            rest = rest[rest.index(after: close)...]
        }
        parts.append((rest, false))
        var text = Substring(arn)
        for (index, part) in parts.enumerated() {
            if !part.placeholder {
                guard text.hasPrefix(part.literal) else { return false }
                text = text.dropFirst(part.literal.count)
                continue
            }
            let isLast = parts[(index + 1)...].allSatisfy { !$0.placeholder && $0.literal.isEmpty }
            if isLast {
                let pathTail = index > 0 && parts[index - 1].literal.hasSuffix("/")
                return !text.isEmpty && !text.contains(":") && (pathTail || !text.contains("/"))
            }
            // The placeholder runs to the next literal's first character (a `:` or `/` in AWS formats).
            guard let next = parts[index + 1].literal.first, let end = text.firstIndex(of: next) else { return false }
            let value = text[..<end]
            guard !value.contains(":") && !value.contains("/") else { return false }
            text = text[end...]
        }
        return text.isEmpty
    }

    /// The needs as a policy: one statement per set of resources, in the order they first appear.
    private static func policyText(_ needs: [Need]) -> String {
        var groups: [(resources: [String], actions: [String])] = []
        for need in needs {
            let resources = need.resources.sorted()
            if let index = groups.firstIndex(where: { $0.resources == resources }) {
                groups[index].actions.append(need.action)
            } else {
                groups.append((resources, [need.action]))
            }
        }
        func quoted(_ text: String) -> String { JSONCompactWriter.string(.string(text)) }
        func list(_ items: [String], indent: String) -> String {
            items.count == 1
                ? quoted(items[0])
                : "[\n" + items.map { indent + "  " + quoted($0) }.joined(separator: ",\n") + "\n" + indent + "]"
        }
        let statements = groups.enumerated().map { index, group in
            """
                {
                  "Sid": "LabNeeds\(index + 1)",
                  "Effect": "Allow",
                  "Action": \(list(group.actions, indent: "      ")),
                  "Resource": \(list(group.resources, indent: "      "))
                }
            """
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + statements.joined(separator: ",\n")
            + "\n  ]\n}\n"
    }
}
