import LabSite

/// IAM actions and their access levels for the services the labs touch, to expand wildcards and
/// summarise policies the way the IAM console does.
public struct ActionCatalogue: Sendable {
    /// One catalogued action.
    public struct Action: Sendable, Equatable {
        /// `s3:GetObject`, as the Service Authorization Reference spells it.
        public var name: String
        /// `List`, `Read`, `Write`, `Permissions management` or `Tagging`.
        public var accessLevel: String
        /// The prefix before the colon (`s3`).
        public var service: String { String(name.prefix { $0 != ":" }) }
    }

    /// The actions, by service prefix (lower case), sorted by name.
    public let actionsByService: [String: [Action]]
    /// Service prefix → the service's name.
    public let serviceNames: [String: String]
    private let byLowercasedName: [String: Action]

    /// The access levels in the IAM console's order.
    public static let accessLevels = ["List", "Read", "Write", "Permissions management", "Tagging"]

    /// Creates a catalogue from `service:Action<TAB>level` lines.
    init(data: String, serviceNames: [String: String]) {
        var byService: [String: [Action]] = [:]
        var byName: [String: Action] = [:]
        for line in data.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let action = Action(name: String(parts[0]), accessLevel: String(parts[1]))
            byService[action.service.lowercased(), default: []].append(action)
            byName[action.name.lowercased()] = action
        }
        self.actionsByService = byService
        self.byLowercasedName = byName
        self.serviceNames = serviceNames
    }

    /// The catalogue compiled into labsite (see `scripts/make-action-catalogue`).
    public static let builtin = ActionCatalogue(data: builtinData, serviceNames: builtinServiceNames)

    /// Whether the catalogue lists the service (`s3`).
    public func covers(service: String) -> Bool { actionsByService[service.lowercased()] != nil }

    /// The catalogued action named `name`, whatever its case.
    public func action(named name: String) -> Action? { byLowercasedName[name.lowercased()] }

    /// The catalogued actions a pattern such as `s3:Get*` or `*` covers, sorted by service and name.
    public func expand(_ pattern: String) -> [Action] {
        let wildcard = WildcardPattern(pattern, ignoringCase: true)
        let servicePart = pattern.split(separator: ":", maxSplits: 1).first.map(String.init) ?? pattern
        let services: [String]
        if pattern.contains(":") && !WildcardPattern(servicePart).hasWildcards {
            services = [servicePart.lowercased()]
        } else {
            services = actionsByService.keys.sorted()
        }
        return services.flatMap { (actionsByService[$0] ?? []).filter { wildcard.matches($0.name) } }
    }
}
