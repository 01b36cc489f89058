extension ContentDigest {
    /// Feeds a page's headings (which hold its steps) to the digest, field by field.
    mutating func add(_ headings: [Heading]) {
        add(headings.count)
        for heading in headings {
            add(heading.level)
            add(heading.id)
            add(heading.title)
            add(heading.stepNumber ?? -1)
            add(heading.line)
        }
    }
}
