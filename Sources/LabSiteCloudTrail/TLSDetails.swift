import LabSite

/// `tlsDetails`: the TLS connection of the request.
public struct TLSDetails: Sendable, Hashable {
    /// The `tlsDetails` object as decoded.
    public let fields: JSONObject

    /// Wraps a `tlsDetails` object.
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// `tlsVersion`, such as `TLSv1.2`.
    public var tlsVersion: String? { fields.string("tlsVersion") }
    /// `cipherSuite`.
    public var cipherSuite: String? { fields.string("cipherSuite") }
    /// `clientProvidedHostHeader`, such as `iam.amazonaws.com`.
    public var clientProvidedHostHeader: String? { fields.string("clientProvidedHostHeader") }
}
