import Testing

@testable import LabSite

@Suite("Scanning published files for ids that reveal an account")
struct IdentifierScanTests {
    static let foreignKey = AWSIdentifier.make(prefix: "ASIA", account: 111_122_223_333, filler: 7)?.text ?? ""
    static let sampleUser =
        AWSIdentifier.make(prefix: "AIDA", account: 123_456_789_012, filler: 9, length: 21)?.text ?? ""

    @Test("ids are found at their first line in each file; 12-digit numbers are the named accounts")
    func sightings() {
        let text = """
            {"accountId":"123456789012",
             "principalId":"\(Self.sampleUser)",
             "accessKeyId":"\(Self.foreignKey)", "again":"\(Self.foreignKey)",
             "example":"AKIAIOSFODNN7EXAMPLE", "longer":"x\(Self.foreignKey)", "number":"1234567890123"}
            """
        let scan = IdentifierScan(bytes: Array(text.utf8), path: "content/a.json")
        #expect(scan.sightings.map(\.identifier.text) == [Self.sampleUser, Self.foreignKey])
        #expect(scan.sightings.map(\.line) == [2, 3])
        #expect(scan.namedAccounts == ["123456789012"])
        #expect(scan.revealing.map(\.identifier.text) == [Self.foreignKey])
    }

    @Test("ids and accounts count only at the start of a word, however long the word before them")
    func wordStarts() {
        let text = """
            lowercase_words_and_MixedCase\(Self.foreignKey) word_123456789012 Zz\(Self.sampleUser)
            9123456789012 abc123456789012 A1B2C3\(Self.foreignKey)
            ok:\(Self.sampleUser) (111122223333) done
            """
        let scan = IdentifierScan(bytes: Array(text.utf8), path: "content/a.md")
        #expect(scan.sightings.map(\.identifier.text) == [Self.sampleUser])
        #expect(scan.sightings.map(\.line) == [3])
        #expect(scan.namedAccounts == ["111122223333"])
    }

    @Test("an id whose account another published file names is not revealing, wherever it is named")
    func namedElsewhere() {
        var scan = IdentifierScan(bytes: Array("key \(Self.foreignKey)\n".utf8), path: "content/lab.md")
        #expect(scan.revealing.count == 1)
        scan.merge(IdentifierScan(bytes: Array("AWSLogs/111122223333/CloudTrail/".utf8), path: "content/trail/x"))
        #expect(scan.revealing.isEmpty)
    }

    @Test("the warning names the file, the line, the kind of id and the account it reveals")
    func warning() {
        let scan = IdentifierScan(bytes: Array("# 제목\n\n키 `\(Self.foreignKey)`\n".utf8), path: "content/lab.md")
        #expect(
            scan.warnings.map(\.description) == [
                "content/lab.md:3: warning: The access key id `\(Self.foreignKey)` encodes the AWS account 111122223333, "
                    + "which no published file names, so publishing it reveals that account; replace it with an id of "
                    + "the sample account, or build with --redact."
            ])
    }

    @Test("one warning per account and file, counting the other ids that reveal it there")
    func grouped() throws {
        let second = try #require(AWSIdentifier.make(prefix: "ASIA", account: 111_122_223_333, filler: 8)).text
        let other = try #require(AWSIdentifier.make(prefix: "AROA", account: 555_566_667_777, filler: 2, length: 21))
            .text
        let text = "\(Self.foreignKey)\n\(second)\n\(other)\n\(Self.foreignKey)\n"
        let warnings = IdentifierScan(bytes: Array(text.utf8), path: "content/t.json").warnings
        #expect(warnings.map(\.line) == [1, 3])
        #expect(warnings[0].message.contains("account 111122223333 (and 1 more id in this file encodes it too)"))
        #expect(warnings[1].message.contains("The unique id `\(other)` encodes the AWS account 555566667777, which"))
    }

    @Test("ten digits after the prefix are a made-up id, not one that carries an account")
    func digits() throws {
        let id = try #require(AWSIdentifier("AKIA3725532324154086"))
        #expect(id.decodedAccount != nil)
        #expect(!id.encodesAccount)
    }

    @Test("documentation examples and ids without the account flag are never reported")
    func exempt() {
        let example = AWSIdentifier.make(prefix: "AKIA", account: 111_122_223_333)?.text.prefix(13) ?? ""
        let text = "\(example)EXAMPLE AKIAIOSFODNN7EXAMPLE AIDACKCEVSQ6C2EXAMPLE AKIAI44QH8DHBEXAMPLE"
        #expect(IdentifierScan(bytes: Array(text.utf8), path: "content/lab.md").revealing.isEmpty)
    }
}
