extension SiteSettings {
    /// Feeds every setting to `digest`, for ``BuildCache``.
    func addFields(to digest: inout ContentDigest) {
        for text in [title, language, description, baseURL, editURL] { digest.add(text) }
        digest.add(allowsRawHTML ? 1 : 0)
        PersonalValue.addFields(of: values, to: &digest)
    }
}

extension PersonalValue {
    /// Feeds every field of `values`, and how many there are, to `digest`.
    static func addFields(of values: [PersonalValue], to digest: inout ContentDigest) {
        digest.add(values.count)
        for value in values {
            for text in [value.name, value.label, value.defaultValue] { digest.add(text) }
        }
    }
}
