import LabSite

/// `insightDetails` of an Insights event: unusual API call or error rates.
public struct InsightDetails: Sendable, Hashable {
    /// The `insightDetails` object as decoded.
    public let fields: JSONObject

    /// Wraps an `insightDetails` object.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// `state`: `Start` or `End`.
    public var state: String? { fields.string("state") }
    /// `eventSource` of the API that showed unusual activity.
    public var eventSource: String? { fields.string("eventSource") }
    /// `eventName` of that API.
    public var eventName: String? { fields.string("eventName") }
    /// `insightType`: `ApiCallRateInsight` or `ApiErrorRateInsight`.
    public var insightType: String? { fields.string("insightType") }
    /// `errorCode`, for error-rate Insights.
    public var errorCode: String? { fields.string("errorCode") }
    /// `insightContext` (`statistics`, `attributions`).
    public var insightContext: JSONObject? { fields.object("insightContext") }

    private var statistics: JSONObject? { insightContext?.object("statistics") }
    /// `statistics.baseline.average`: calls or errors per minute normally.
    public var baselineAverage: Double? { statistics?.object("baseline")?["average"]?.looseDoubleValue }
    /// `statistics.insight.average`: calls or errors per minute during the Insight.
    public var insightAverage: Double? { statistics?.object("insight")?["average"]?.looseDoubleValue }
    /// `statistics.baselineDuration` in minutes.
    public var baselineDuration: Double? { statistics?["baselineDuration"]?.looseDoubleValue }
    /// `statistics.insightDuration` in minutes.
    public var insightDuration: Double? { statistics?["insightDuration"]?.looseDoubleValue }
    /// `attributions`: which user ARNs, user agents or error codes drove the Insight.
    public var attributions: [JSONObject] {
        (insightContext?["attributions"]?.arrayValue ?? []).compactMap(\.objectValue)
    }
}
