extension SiteSettings {
    /// Feeds every setting to `digest`, for ``BuildCache``.
    func addFields(to digest: inout ContentDigest) {
        for text in [title, language, description, baseURL] { digest.add(text) }
        digest.add(allowsRawHTML ? 1 : 0)
    }
}
