import LabSite

/// `aws cloudtrail lookup-events` output: `{"Events":[{"EventId":…,"CloudTrailEvent":"{…}"}]}`, one
/// page or several appended to one file, each event's record held as a JSON string.
///
/// The fields of the `Event` type are documented in the CloudTrail API reference
/// (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html); the record is the
/// decoded `CloudTrailEvent`, and an outer field stands in for a record field that is missing.
extension TrailReader {
    /// The outer fields of a looked-up event and the record fields they stand in for.
    static let lookupFields: [(outer: String, record: String)] = [
        ("EventId", "eventID"), ("EventName", "eventName"), ("EventTime", "eventTime"),
        ("EventSource", "eventSource"), ("ReadOnly", "readOnly"),
    ]

    /// Whether `bytes` are `lookup-events` output: their first JSON value is an object in which an
    /// `"Events"` member comes before any `"Records"`.
    ///
    /// The AWS CLI prints `"Events"` first and CloudTrail's log files start with `"Records"`, so
    /// the first key settles almost every file at once; only an object that starts otherwise has
    /// its keys looked at further, their values skipped rather than built.
    static func isLookupOutput(_ bytes: [UInt8]) -> Bool {
        let keys = bytes.withUnsafeBufferPointer { buffer in
            try? JSONScanner.scan(firstKeysOf: buffer) { $0 == "Events" || $0 == "Records" }
        }
        return keys?.last == "Events"
    }

    /// The records of `lookup-events` pages, each event decoded on its own as the scanner reaches
    /// it: a file of 100,000 events read as one value held about a gigabyte at once.
    static func lookupRecords(in text: [UInt8], path: String) throws(CloudTrailError) -> [CloudTrailRecord] {
        var records: [CloudTrailRecord] = []
        var failure: CloudTrailError?
        var documents = 0
        do throws(JSONSyntaxError) {
            try text.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
                try JSONScanner.scanSequence(buffer) { scanner throws(JSONSyntaxError) in
                    documents += 1
                    let start = scanner.index
                    guard scanner.nextByte() == UInt8(ascii: "{") else {
                        var builder = JSONValueBuilder()
                        let value = try scanner.read(into: &builder)
                        failure = notAPage(value, number: documents, text: text, path: path)
                        return
                    }
                    var sawEvents = false
                    try scanner.readMembers { key, scanner throws(JSONSyntaxError) in
                        guard key == "Events", failure == nil else { return try scanner.skipValue() }
                        sawEvents = true
                        guard scanner.nextByte() == UInt8(ascii: "[") else {
                            var builder = JSONValueBuilder()
                            let events = try scanner.read(into: &builder)
                            failure = CloudTrailError(
                                path: path, line: line(of: events, in: text),
                                reason: "\"Events\" is \(describe(events)), not an array of events.")
                            return
                        }
                        try scanner.readElements { scanner throws(JSONSyntaxError) in
                            var builder = JSONValueBuilder()
                            let element = try scanner.read(into: &builder)
                            guard failure == nil else { return }
                            let decoded = Result { () throws(CloudTrailError) in
                                try record(looked: element, number: records.count + 1, text: text, path: path)
                            }
                            switch decoded {
                            case .success(let record): records.append(record)
                            case .failure(let error): failure = error
                            }
                        }
                    }
                    if !sawEvents, failure == nil {
                        failure = notAPage(
                            JSONValue(.object(JSONObject()), offset: start), number: documents, text: text, path: path)
                    }
                }
            }
        } catch {
            throw CloudTrailError(path: path, json: error)
        }
        if let failure { throw failure }
        return records
    }

    static func notAPage(_ value: JSONValue, number: Int, text: [UInt8], path: String) -> CloudTrailError {
        CloudTrailError(
            path: path, line: line(of: value, in: text),
            reason: "The file holds JSON values one after another, and value \(number) is not a page of "
                + "`aws cloudtrail lookup-events` output ({\"Events\":[…]}); only such pages may follow each other.")
    }

    /// The record of one looked-up event, the `number`th of the file.
    private static func record(
        looked element: JSONValue, number: Int, text: [UInt8], path: String
    ) throws(CloudTrailError) -> CloudTrailRecord {
        guard let outer = element.objectValue else {
            throw CloudTrailError(
                path: path, line: line(of: element, in: text),
                reason: "Event \(number) is \(describe(element)), not a JSON object.")
        }
        var fields = JSONObject()
        if let inner = outer["CloudTrailEvent"] {
            guard let json = inner.stringValue else {
                throw CloudTrailError(
                    path: path, line: line(of: inner, in: text),
                    reason: "Event \(number)'s \"CloudTrailEvent\" is \(describe(inner)), not a string "
                        + "holding the event's JSON.")
            }
            let decoded: JSONValue
            do {
                decoded = try JSONValue.parse(json)
            } catch {
                throw CloudTrailError(
                    path: path, line: line(of: inner, in: text),
                    reason: "Event \(number)'s \"CloudTrailEvent\" is not valid JSON: \(error.message) "
                        + "(column \(error.column) of the string's text).")
            }
            guard let record = decoded.objectValue else {
                throw CloudTrailError(
                    path: path, line: line(of: inner, in: text),
                    reason: "Event \(number)'s \"CloudTrailEvent\" holds \(describe(decoded)), not a JSON object.")
            }
            fields = record
        }
        for (outerKey, recordKey) in lookupFields where fields[recordKey] == nil {
            guard let value = outer[outerKey] else { continue }
            // `ReadOnly` is the text "true" or "false"; a record's `readOnly` is a boolean.
            if recordKey == "readOnly", let text = value.stringValue, text == "true" || text == "false" {
                fields.members.append(.init(key: recordKey, value: JSONValue(.bool(text == "true"))))
            } else {
                fields.members.append(.init(key: recordKey, value: value))
            }
        }
        if fields["userIdentity"] == nil {
            var identity = JSONObject()
            if let name = outer["Username"] { identity.members.append(.init(key: "userName", value: name)) }
            if let key = outer["AccessKeyId"] { identity.members.append(.init(key: "accessKeyId", value: key)) }
            if !identity.isEmpty {
                fields.members.append(.init(key: "userIdentity", value: JSONValue(.object(identity))))
            }
        }
        return CloudTrailRecord(fields: fields)
    }

    /// The line of `value` in `text`.
    static func line(of value: JSONValue, in text: [UInt8]) -> Int {
        JSONPosition(offset: value.offset, in: text).line
    }
}
