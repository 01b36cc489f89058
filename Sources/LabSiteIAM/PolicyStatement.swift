import LabSite

/// One statement of a policy document.
public struct PolicyStatement: Sendable, Equatable {
    /// Whether a statement grants or refuses.
    public enum Effect: String, Sendable, Equatable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// The statement id, or empty.
    public var sid: String
    /// Allow or Deny.
    public var effect: Effect
    /// `Action` patterns; empty when the statement uses `NotAction`.
    public var actions: [String]
    /// `NotAction` patterns: the statement covers every action except these.
    public var notActions: [String]
    /// `Resource` patterns; empty when the statement uses `NotResource` or names none (trust policies).
    public var resources: [String]
    /// `NotResource` patterns.
    public var notResources: [String]
    /// Whether the statement has `NotAction` rather than `Action`.
    public var usesNotAction: Bool
    /// Whether the statement has `NotResource` rather than `Resource`.
    public var usesNotResource: Bool
    /// The `Condition` block, one clause per operator and key, sorted.
    public var conditions: [ConditionClause]
    /// `Principal` of a trust policy, as `type: value` lines; empty in identity policies.
    public var principals: [String]

    /// Creates a statement.
    public init(
        sid: String = "", effect: Effect, actions: [String] = [], notActions: [String] = [],
        resources: [String] = [], notResources: [String] = [], conditions: [ConditionClause] = [],
        principals: [String] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.usesNotAction = actions.isEmpty && !notActions.isEmpty
        self.usesNotResource = resources.isEmpty && !notResources.isEmpty
        self.conditions = conditions
        self.principals = principals
    }

    /// Builds a statement from JSON; `place` names it in errors (`Statement 2 of the policy X`).
    static func parse(json: JSONValue, path: String, place: String) throws -> PolicyStatement {
        guard let fields = json.objectValue else {
            throw IAMError(path: path, reason: "\(place) is \(json.kindDescription), not an object.")
        }
        guard let effectValue = fields["Effect"] else {
            throw IAMError(path: path, reason: "\(place) has no Effect; write \"Effect\": \"Allow\" or \"Deny\".")
        }
        guard let effectText = effectValue.stringValue, let effect = Effect(rawValue: effectText) else {
            var shown = "an Effect that is \(effectValue.kindDescription)"
            if let text = effectValue.stringValue { shown = "the Effect \"\(text)\"" }
            throw IAMError(path: path, reason: "\(place) has \(shown); it must be \"Allow\" or \"Deny\".")
        }
        var sid = ""
        if let value = fields["Sid"] {
            guard let text = value.stringValue else {
                throw IAMError(path: path, reason: "\(place) has a Sid that is \(value.kindDescription), not a string.")
            }
            sid = text
        }
        let actions = try strings(fields["Action"], field: "Action", path: path, place: place)
        let notActions = try strings(fields["NotAction"], field: "NotAction", path: path, place: place)
        if fields["Action"] != nil && fields["NotAction"] != nil {
            throw IAMError(path: path, reason: "\(place) has both Action and NotAction; a statement may have one.")
        }
        let resources = try strings(fields["Resource"], field: "Resource", path: path, place: place)
        let notResources = try strings(fields["NotResource"], field: "NotResource", path: path, place: place)
        if fields["Resource"] != nil && fields["NotResource"] != nil {
            throw IAMError(
                path: path, reason: "\(place) has both Resource and NotResource; a statement may have one.")
        }
        var principals: [String] = []
        for key in ["Principal", "NotPrincipal"] {
            guard let value = fields[key] else { continue }
            principals += try principalLines(value, key: key, path: path, place: place)
        }
        if actions.isEmpty && notActions.isEmpty {
            throw IAMError(path: path, reason: "\(place) has neither Action nor NotAction; name the actions it covers.")
        }
        if resources.isEmpty && notResources.isEmpty && principals.isEmpty {
            throw IAMError(
                path: path, reason: "\(place) has neither Resource nor NotResource; name the resources it covers.")
        }
        var statement = PolicyStatement(
            sid: sid, effect: effect, actions: actions, notActions: notActions, resources: resources,
            notResources: notResources,
            conditions: try ConditionClause.parse(fields["Condition"], path: path, place: place),
            principals: principals)
        statement.usesNotAction = fields["NotAction"] != nil
        statement.usesNotResource = fields["NotResource"] != nil
        return statement
    }

    /// A string or a list of strings (`"Action": "s3:*"` or `["s3:Get*", "s3:List*"]`).
    private static func strings(_ value: JSONValue?, field: String, path: String, place: String) throws -> [String] {
        guard let value else { return [] }
        switch value.content {
        case .string(let text): return [text]
        case .array(let items):
            return try items.map { item in
                guard let text = item.stringValue else {
                    throw IAMError(
                        path: path,
                        reason:
                            "\(place) has \(item.kindDescription) in its \(field) list; every entry must be a string.")
                }
                return text
            }
        case .null, .bool, .number, .object:
            throw IAMError(
                path: path,
                reason: "\(place) has \(field.hasPrefix("A") ? "an" : "a") \(field) that is \(value.kindDescription); "
                    + "it must be a string or a list of strings.")
        }
    }

    private static func principalLines(_ value: JSONValue, key: String, path: String, place: String) throws -> [String]
    {
        switch value.content {
        case .string(let text): return ["\(key): \(text)"]
        case .object(let fields):
            return try Set(fields.keys).sorted().flatMap { type in
                try strings(fields[type], field: "\(key).\(type)", path: path, place: place).map { "\(type): \($0)" }
            }
        default:
            throw IAMError(path: path, reason: "\(place) has a \(key) that is \(value.kindDescription).")
        }
    }
}
