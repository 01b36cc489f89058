import Testing

@testable import LabSite

@Suite("Site paths")
struct SitePathTests {
    @Test(
        "a link resolves against its page's folder, with . and .. parts and empty ones dropped",
        arguments: [
            ("b.html", "a.html", "b.html"), ("b.html", "p/a.html", "p/b.html"),
            ("guide/b.html", "p/a.html", "p/guide/b.html"), ("../b.html", "p/a.html", "b.html"),
            ("./b.html", "p/a.html", "p/b.html"), ("x/./y/../b.html", "a.html", "x/b.html"),
            ("x//b.html", "p/a.html", "p/x/b.html"), ("x/", "p/a.html", "p/x"), ("/b.html", "p/a.html", "p/b.html"),
            ("b.html", "/p/a.html", "p/b.html"), ("b.html", "p//q/a.html", "p/q/b.html"), ("b.html", "p/", "b.html"),
            ("a./b.", "p/a.html", "p/a./b."), ("x/.hidden", "p/a.html", "p/x/.hidden"), ("", "p/a.html", "p"),
            ("실습/가.html", "p/a.html", "p/실습/가.html"),
        ])
    func resolve(target: String, base: String, expected: String) {
        #expect(SitePath.resolve(target, against: base) == expected)
    }

    @Test("a link that climbs above the root resolves to nothing")
    func outside() {
        #expect(SitePath.resolve("../b.html", against: "a.html") == nil)
        #expect(SitePath.resolve("../../b.html", against: "p/a.html") == nil)
    }

    @Test(
        "schemes and protocol-relative links leave the site; paths, anchors and odd colons do not",
        arguments: [
            ("https://a.b", true), ("mailto:x@y", true), ("//host/x", true), ("a+b-c.d:x", true),
            ("b.html", false), ("#step-1", false), ("p/b.html?x=1", false), ("1a:b", false), ("a b:c", false),
            ("가:b", false), (":b", false),
        ])
    func external(destination: String, expected: Bool) {
        #expect(SitePath.isExternal(destination) == expected)
    }

    @Test(
        "a destination splits into its path and fragment; a query is dropped",
        arguments: [
            ("b.html", "b.html", nil), ("b.html#step-2", "b.html", "step-2"), ("#top", "", "top"),
            ("b.html?x=1#a", "b.html", "a"), ("b.html?x=1", "b.html", nil), ("b.html#", "b.html", ""),
        ] as [(String, String, String?)])
    func split(destination: String, path: String, fragment: String?) {
        let split = SitePath.split(destination)
        #expect(split.path == path)
        #expect(split.fragment == fragment)
    }
}
