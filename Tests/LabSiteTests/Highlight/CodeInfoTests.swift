import Testing

@testable import LabSite

@Suite("Code block info strings")
struct CodeInfoTests {
    @Test("language, marked lines and line numbers")
    func full() {
        let info = CodeInfo(parsing: "bash {2,4-5} showLineNumbers")
        #expect(info.language == "bash")
        #expect(info.markedLines == [2, 4, 5])
        #expect(info.showsLineNumbers)
        #expect(info.problem == nil)
    }

    @Test("the parts in any order after the language, blanks inside the list, tabs between words")
    func order() {
        let info = CodeInfo(parsing: "console\tshowLineNumbers  { 1, 3 - 4 ,7 }")
        #expect(info.language == "console")
        #expect(info.markedLines == [1, 3, 4, 7])
        #expect(info.showsLineNumbers)
        #expect(info.problem == nil)
    }

    @Test("a language alone, nothing, other words, and a list without a language")
    func partial() {
        #expect(CodeInfo(parsing: "python") == CodeInfo(parsing: "python title=\"app.py\""))
        let python = CodeInfo(parsing: "python")
        #expect(python.language == "python" && python.markedLines.isEmpty && !python.showsLineNumbers)
        let empty = CodeInfo(parsing: "")
        #expect(empty.language == nil && empty.markedLines.isEmpty && !empty.showsLineNumbers && empty.problem == nil)
        let listOnly = CodeInfo(parsing: "{3}")
        #expect(listOnly.language == nil && listOnly.markedLines == [3])
        // Case counts: `showlinenumbers` is some other word.
        #expect(!CodeInfo(parsing: "yaml showlinenumbers").showsLineNumbers)
    }

    @Test(
        "a list that is not one marks nothing and says why in a sentence",
        arguments: [
            ("bash {2,x}", "The line list `{2,x}` is not a list of line numbers and ranges such as `{2,4-5}`."),
            ("bash {}", "The line list `{}` is not a list of line numbers and ranges such as `{2,4-5}`."),
            ("bash {2,,3}", "The line list `{2,,3}` is not a list of line numbers and ranges such as `{2,4-5}`."),
            ("bash {-2}", "The line list `{-2}` is not a list of line numbers and ranges such as `{2,4-5}`."),
            ("bash {1-2-3}", "The line list `{1-2-3}` is not a list of line numbers and ranges such as `{2,4-5}`."),
            ("bash {2,4", "The line list `{2,4` has no closing `}`; write the lines to mark as `{2,4-5}`."),
            ("bash {0,2}", "The line list `{0,2}` names line 0, but lines are counted from 1."),
            ("bash {5-2}", "The line list `{5-2}` has the range 5-2, which runs backwards; write 2-5."),
            (
                "bash {1-99999999999999999999}",
                "The line list `{1-99999999999999999999}` names a line after 10000, more than a code block is expected to have."
            ),
        ])
    func problems(_ info: String, _ problem: String) {
        let parsed = CodeInfo(parsing: info)
        #expect(parsed.problem == problem)
        #expect(parsed.markedLines.isEmpty)
        #expect(parsed.language == "bash")
    }

    @Test("the largest list allowed is read")
    func largest() {
        #expect(CodeInfo(parsing: "sql {1-10000}").markedLines.count == 10_000)
    }

    @Test("only the first list counts")
    func firstListOnly() {
        let info = CodeInfo(parsing: "bash {1} {2}")
        #expect(info.markedLines == [1])
        #expect(info.problem == nil)
    }
}
