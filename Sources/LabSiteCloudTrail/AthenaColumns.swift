import LabSite

/// The columns of AWS's CloudTrail table for Amazon Athena, as a query's results name them, and
/// how each becomes a record field.
///
/// The table is the one AWS documents
/// (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html): every top-level
/// field of a record as a lower-case column; `useridentity`, `resources`, `tlsdetails` and other
/// nested fields as structs and arrays, which results show as text (``AthenaStructText``);
/// `requestparameters`, `responseelements`, `additionaleventdata` and `serviceeventdetails` as
/// strings holding JSON. A query may select any of them, in any order.
enum AthenaColumns {
    /// Columns holding JSON text.
    static let jsonColumns: Set<String> = [
        "requestparameters", "responseelements", "additionaleventdata", "serviceeventdetails",
    ]
    /// Columns holding `true` or `false` as text, which a record writes as a boolean.
    static let booleanColumns: Set<String> = ["readonly", "managementevent", "sessioncredentialfromconsole"]

    /// Whether `header` names the columns of CloudTrail table results: one of the columns that
    /// identify an event, in Athena's lower case.
    static func names(_ header: [String]) -> Bool {
        header.contains { ["eventid", "eventtime", "eventname", "eventsource"].contains($0) }
    }

    /// The record field a column or struct member name stands for, in CloudTrail's spelling where
    /// it has one (`principalid` → `principalId`, `arn` → `ARN` inside `resources` is left to
    /// readers, which accept both); any other name as it is.
    static func recordName(_ name: String) -> String {
        spellings[name.lowercased()] ?? name
    }

    private static let spellings: [String: String] = {
        let names =
            CloudTrailRecord.documentedFieldOrder + [
                "type", "principalId", "arn", "accountId", "invokedBy", "accessKeyId", "userName", "onBehalfOf",
                "userId", "identityStoreArn", "sessionContext", "attributes", "mfaAuthenticated", "creationDate",
                "sessionIssuer", "ec2RoleDelivery", "webIdFederationData", "federatedProvider", "sourceIdentity",
                "tlsVersion", "cipherSuite", "clientProvidedHostHeader", "reason", "updatedFields",
                "originalRequestID", "originalEventID", "credentialId", "identityProvider",
            ]
        return Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The record of one result row: each non-empty cell under its column's field.
    static func record(header: [String], cells: [String?]) -> CloudTrailRecord {
        var fields = JSONObject()
        for (column, cell) in zip(header, cells) {
            guard let cell, !cell.isEmpty, cell != "null" else { continue }
            let name = column.lowercased()
            let value: JSONValue
            if jsonColumns.contains(name), let decoded = try? JSONValue.parse(cell) {
                value = decoded
            } else if booleanColumns.contains(name), cell == "true" || cell == "false" {
                value = JSONValue(.bool(cell == "true"))
            } else if cell.hasPrefix("{") || cell.hasPrefix("[") {
                // Struct text that does not parse stays as Athena wrote it.
                value = AthenaStructText.parse(cell).map(resourcesSpelled(name)) ?? JSONValue(.string(cell))
            } else {
                value = JSONValue(.string(cell))
            }
            fields.members.append(.init(key: recordName(name), value: value))
        }
        return CloudTrailRecord(fields: fields)
    }

    /// `resources` items name their ARN `ARN`, as log files do.
    private static func resourcesSpelled(_ column: String) -> (JSONValue) -> JSONValue {
        { value in
            guard column == "resources", let items = value.arrayValue else { return value }
            return JSONValue(
                .array(
                    items.map { item in
                        guard var object = item.objectValue else { return item }
                        for index in object.members.indices where object.members[index].key == "arn" {
                            object.members[index].key = "ARN"
                        }
                        return JSONValue(.object(object))
                    }))
        }
    }
}
