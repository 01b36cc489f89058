import LabSite

extension TrailSection {
    /// Every event with a source and a name, as a call for the other sections (the IAM section's
    /// least-privilege policies).
    public var observedCalls: [ObservedCall] {
        events.compactMap { event in
            guard let source = event.eventSource, let name = event.eventName else { return nil }
            return ObservedCall(
                eventSource: source, eventName: name, identityType: event.sheet.identityType ?? "",
                identityARN: event.sheet.arn ?? "", userName: event.userNames.first ?? "",
                resources: event.sheet.resourceARNs, failed: event.errorCode != nil, page: event.pagePath)
        }
    }
}
