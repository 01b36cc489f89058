import Testing

@testable import LabSite

@Suite("AWS ids and the accounts they encode")
struct AWSIdentifierTests {
    @Test("the AWS documentation's example key decodes to its known account and carries no account flag")
    func documentationExample() throws {
        let id = try #require(AWSIdentifier("AKIAIOSFODNN7EXAMPLE"))
        #expect(id.decodedAccount == "581039954779")
        #expect(!id.encodesAccount)
        #expect(id.isDocumentationExample)
        #expect(id.isAccessKey)
    }

    @Test("the course's ids, made by scripts/make-sample-story, decode to the sample account")
    func sampleIDs() throws {
        for text in ["AIDARZPUZDIKACRYC356Q", "AIDARZPUZDIKBRUXNZNVB", "AGPARZPUZDIKNGCB4TYSA"] {
            let id = try #require(AWSIdentifier(text))
            #expect(id.encodesAccount, "\(text)")
            #expect(id.decodedAccount == "123456789012", "\(text)")
            #expect(!id.isAccessKey)
        }
    }

    @Test("an id the test encodes decodes to the same account", arguments: [0, 1, 111_122_223_333, 999_999_999_999])
    func roundTrip(account: UInt64) throws {
        for (prefix, length) in [("AKIA", 20), ("ASIA", 20), ("AROA", 21), ("AIDA", 21)] {
            let id = try #require(AWSIdentifier.make(prefix: prefix, account: account, filler: 0x1F3, length: length))
            #expect(id.text.count == length)
            #expect(id.text.utf8.allSatisfy { AWSIdentifier.isIDCharacter($0) && $0 != 48 && $0 != 49 })
            #expect(id.encodesAccount)
            let digits = String(account)
            #expect(id.decodedAccount == String(repeating: "0", count: 12 - digits.count) + digits)
        }
    }

    @Test("text that is not an id, or an id whose first characters are not base32, gives no account")
    func notIDs() {
        #expect(AWSIdentifier("AKIA1234") == nil)
        #expect(AWSIdentifier("AXYZRZPUZDIKACRYC356Q") == nil)
        #expect(AWSIdentifier("AKIAabcdefghijklmnop") == nil)
        #expect(AWSIdentifier("AIDA0123456789ABCDEFG")?.decodedAccount == nil)
        #expect(AWSIdentifier("AIDA0123456789ABCDEFG")?.encodesAccount == false)
    }
}
