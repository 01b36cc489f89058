import LabSite

/// Every IAM service and action of the Service Authorization Reference, with access levels,
/// resource types and condition keys: what policy pages expand wildcards with and what the policy
/// checker calls an unknown action.
public struct ActionCatalogue: Sendable {
    /// One catalogued action.
    public struct Action: Sendable, Equatable {
        /// `s3:GetObject`, as the Service Authorization Reference spells it.
        public var name: String
        /// The action's position in ``ActionCatalogue/allActions``: checks that gather thousands of
        /// actions (`"Action": "*"`) keep sets of these rather than of names.
        public var id: Int = 0
        /// `List`, `Read`, `Write`, `Permissions management` or `Tagging`.
        public var accessLevel: String
        /// The resource types the action takes, as the reference's table lists them; empty when it
        /// supports no resource-level permissions (only `"Resource": "*"`).
        public var resourceTypes: [ResourceTypeUse] = []
        /// The prefix before the colon (`s3`).
        public var service: String { String(name.prefix { $0 != ":" }) }
        /// Whether a policy can name this action's resources by ARN.
        public var supportsResourceLevelPermissions: Bool { !resourceTypes.isEmpty }
    }

    /// A resource type an action takes (`bucket`), and whether the request must name one.
    public struct ResourceTypeUse: Sendable, Equatable {
        /// The resource type's name in its service (`bucket`, `object`).
        public var name: String
        /// Whether the reference marks it required.
        public var required: Bool
    }

    /// One service: its name, reference page, resource types and condition keys.
    public struct Service: Sendable, Equatable {
        /// `s3`.
        public var prefix: String
        /// `Amazon S3`.
        public var name: String
        /// The service's page in the Service Authorization Reference.
        public var reference: String
        /// Resource type → ARN format (`arn:${Partition}:s3:::${BucketName}`).
        public var resourceTypes: [String: String] = [:]
        /// Condition key (as written, with `${TagKey}` placeholders) → its type.
        package var conditionKeys: [String: ConditionKeyType] = [:]
        /// Condition keys lower-cased → as written, since IAM compares key names without case.
        var conditionKeysByLowercasedName: [String: String] = [:]

        /// The type of the service's condition key `key`, matching the placeholders of keys such as
        /// `aws:RequestTag/${TagKey}` and `s3:ExistingObjectTag/<key>`; `nil` when the service has no such key.
        package func conditionKeyType(_ key: String) -> ConditionKeyType? {
            let lowered = key.lowercased()
            if let name = conditionKeysByLowercasedName[lowered] { return conditionKeys[name] }
            for (name, type) in conditionKeys {
                guard let open = name.range(of: "${") ?? name.range(of: "<") else { continue }
                let prefix = name[..<open.lowerBound].lowercased()
                if lowered.hasPrefix(prefix) && lowered.count > prefix.count { return type }
            }
            return nil
        }
    }

    /// The actions, by service prefix (lower case), sorted by name.
    public let actionsByService: [String: [Action]]
    /// Service prefix → the service's name.
    public let serviceNames: [String: String]
    /// Every service, by prefix (lower case).
    public let services: [String: Service]
    /// Every action, by service prefix then name; an action's ``Action/id`` is its index here.
    public let allActions: [Action]
    /// The service prefixes (lower case), sorted.
    package let sortedPrefixes: [String]
    /// Per service, its actions' names after the colon, lower-cased, in the order of
    /// ``actionsByService`` (which is sorted by them), so a pattern's literal start is found by
    /// binary search rather than by matching every action.
    private let lowercasedNames: [String: [String]]
    private let byLowercasedName: [String: Action]

    /// The access levels in the IAM console's order.
    public static let accessLevels = ["List", "Read", "Write", "Permissions management", "Tagging"]
    private static let levelCodes: [Substring: String] = [
        "L": "List", "R": "Read", "W": "Write", "P": "Permissions management", "T": "Tagging",
    ]

    /// Creates a catalogue from the records `scripts/make-action-catalogue` writes (see
    /// ``builtinData``); lines it does not understand are skipped.
    init(data: String) {
        var byService: [String: [Action]] = [:]
        var byName: [String: Action] = [:]
        var services: [String: Service] = [:]
        var current: Service?
        func finish() {
            if let current { services[current.prefix.lowercased()] = current }
        }
        for line in data.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (fields.first, fields.count) {
            case ("S", 4):
                finish()
                current = Service(prefix: String(fields[1]), name: String(fields[2]), reference: String(fields[3]))
            case ("R", 3):
                current?.resourceTypes[String(fields[1])] = String(fields[2])
            case ("K", 3):
                let key = String(fields[1])
                guard let type = ConditionKeyType(rawValue: String(fields[2])) else { continue }
                current?.conditionKeys[key] = type
                current?.conditionKeysByLowercasedName[key.lowercased()] = key
            case ("A", 4):
                guard let service = current, let level = Self.levelCodes[fields[2]] else { continue }
                let uses = fields[3].split(separator: ",").map { use in
                    ResourceTypeUse(
                        name: String(use.hasSuffix("*") ? use.dropLast() : use), required: use.hasSuffix("*"))
                }
                let action = Action(name: "\(service.prefix):\(fields[1])", accessLevel: level, resourceTypes: uses)
                byService[service.prefix.lowercased(), default: []].append(action)
            default:
                continue
            }
        }
        finish()
        self.services = services
        self.serviceNames = services.mapValues(\.name)
        self.sortedPrefixes = byService.keys.sorted()
        var all: [Action] = []
        for prefix in sortedPrefixes {
            for index in byService[prefix]?.indices ?? 0..<0 {
                byService[prefix]?[index].id = all.count
                if let action = byService[prefix]?[index] {
                    all.append(action)
                    byName[action.name.lowercased()] = action
                }
            }
        }
        self.allActions = all
        self.actionsByService = byService
        self.byLowercasedName = byName
        self.lowercasedNames = byService.mapValues { actions in
            actions.map { String($0.name.drop { $0 != ":" }.dropFirst()).lowercased() }
        }
    }

    /// The catalogue compiled into labsite (see `scripts/make-action-catalogue`).
    public static let builtin = ActionCatalogue(data: builtinData)

    /// Whether the catalogue lists the service (`s3`).
    public func covers(service: String) -> Bool { actionsByService[service.lowercased()] != nil }

    /// The catalogued action named `name`, whatever its case.
    public func action(named name: String) -> Action? { byLowercasedName[name.lowercased()] }

    /// The names after the colon of a service's actions, lower-cased and sorted (`getobject`).
    package func lowercasedActionNames(of prefix: String) -> [String] { lowercasedNames[prefix.lowercased()] ?? [] }

    /// The service with prefix `prefix`, whatever its case.
    public func service(_ prefix: String) -> Service? { services[prefix.lowercased()] }

    /// The catalogued actions a pattern such as `s3:Get*` or `*` covers, sorted by service and name.
    public func expand(_ pattern: String) -> [Action] {
        expandIDs(pattern).map { allActions[$0] }
    }

    /// The ids of the actions ``expand(_:)`` returns, in the same order: what the policy checker
    /// gathers, since copying thousands of actions (`"Action": "*"`) costs more than matching them.
    package func expandIDs(_ pattern: String) -> [Int] {
        if pattern == "*" { return Array(allActions.indices) }
        let wildcard = WildcardPattern(pattern, ignoringCase: true)
        guard let colon = pattern.utf8.firstIndex(of: UInt8(ascii: ":")),
            !WildcardPattern.hasWildcards(pattern[..<colon])
        else {
            return allActions.indices.filter { wildcard.matches(allActions[$0].name) }
        }
        let servicePart = pattern[..<colon]
        let service =
            servicePart.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? servicePart.lowercased() : String(servicePart)
        guard let actions = actionsByService[service], let names = lowercasedNames[service] else { return [] }
        // Only names starting with the pattern's literal part can match it.
        let literal = pattern[pattern.index(after: colon)...].prefix { $0 != "*" && $0 != "?" }.lowercased()
        var low = 0
        var high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] < literal { low = middle + 1 } else { high = middle }
        }
        var result: [Int] = []
        var index = low
        while index < names.count && names[index].hasPrefix(literal) {
            if wildcard.matches(actions[index].name) { result.append(actions[index].id) }
            index += 1
        }
        return result
    }
}
