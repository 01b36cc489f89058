/// Finds the tokens of SQL as Athena (Trino and Hive DDL) and most databases write it:
/// keywords without case, `NULL`/`TRUE`/`FALSE`, strings in single quotes, quoted identifiers
/// (`"…"`, `` `…` ``) as variables, numbers, comparison operators, `--` and `/* */` comments.
enum SQLTokenizer {
    private static let keywords = KeywordSet(
        [
            "add", "all", "alter", "and", "any", "array", "as", "asc", "between", "bigint", "binary", "boolean", "by",
            "cascade", "case", "cast", "char", "column", "columns", "comment", "create", "cross", "cube", "current",
            "database", "date", "decimal", "default", "delete", "desc", "describe", "distinct", "double", "drop",
            "else", "end", "escape", "except", "exists", "explain", "external", "fetch", "filter", "first", "float",
            "following", "for", "format", "from", "full", "function", "grant", "group", "grouping", "having", "if",
            "ilike", "in", "inner", "inputformat", "insert", "int", "integer", "intersect", "interval", "into", "is",
            "join", "key", "last", "lateral", "left", "like", "limit", "location", "map", "merge", "msck", "natural",
            "not", "nulls", "offset", "on", "only", "or", "order", "outer", "outputformat", "over", "partition",
            "partitioned", "partitions", "preceding", "primary", "range", "real", "repair", "replace", "revoke",
            "right", "row", "rows", "schema", "select", "serde", "serdeproperties", "set", "show", "smallint",
            "stored", "string", "struct", "table", "tables", "tblproperties", "then", "timestamp", "tinyint", "to",
            "top", "unbounded", "union", "unnest", "update", "using", "values", "varchar", "view", "when", "where",
            "window", "with",
        ], ignoringCase: true)
    private static let literals = KeywordSet(["null", "true", "false"], ignoringCase: true)

    /// Adds the tokens of the SQL in `start..<end` of the list's code.
    static func tokenize(_ list: inout TokenList, from start: Int, to end: Int) {
        let code = list.code
        var position = start
        while position < end {
            let current = code[position]
            let next = list.byte(position + 1, before: end)
            switch current {
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                let lineEnd = list.lineEnd(from: position, before: end)
                list.add(.comment, position, lineEnd)
                position = lineEnd
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                var commentEnd = position + 2
                while commentEnd < end,
                    !(code[commentEnd] == UInt8(ascii: "*")
                        && list.byte(commentEnd + 1, before: end) == UInt8(ascii: "/"))
                {
                    commentEnd += 1
                }
                commentEnd = Swift.min(commentEnd + 2, end)
                list.add(.comment, position, commentEnd)
                position = commentEnd
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                // A quote is escaped by doubling it; strings and quoted names may span lines.
                var offset = position + 1
                while offset < end {
                    if code[offset] == current {
                        if list.byte(offset + 1, before: end) == current {
                            offset += 2
                            continue
                        }
                        offset += 1
                        break
                    }
                    offset += 1
                }
                let tokenEnd = Swift.min(offset, end)
                list.add(current == UInt8(ascii: "'") ? .string : .variable, position, tokenEnd)
                position = tokenEnd
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                position = number(&list, from: position, before: end)
            case UInt8(ascii: ".") where next.isDigit:
                position = number(&list, from: position, before: end)
            case UInt8(ascii: "="):
                list.add(.operator, position, position + 1)
                position += 1
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"):
                let length =
                    next == UInt8(ascii: "=") || (current == UInt8(ascii: "<") && next == UInt8(ascii: ">")) ? 2 : 1
                if current == UInt8(ascii: "!"), length == 1 {
                    position += 1
                } else {
                    list.add(.operator, position, position + length)
                    position += length
                }
            case UInt8(ascii: "|") where next == UInt8(ascii: "|"):
                list.add(.operator, position, position + 2)
                position += 2
            case UInt8(ascii: "?"):
                list.add(.variable, position, position + 1)
                position += 1
            default:
                guard current.isNameHead else {
                    position = list.afterCharacter(position, before: end)
                    continue
                }
                var nameEnd = position + 1
                while nameEnd < end, code[nameEnd].isNameBody { nameEnd += 1 }
                if literals.contains(code, position, nameEnd) {
                    list.add(.literal, position, nameEnd)
                } else if keywords.contains(code, position, nameEnd) {
                    list.add(.keyword, position, nameEnd)
                }
                position = nameEnd
            }
        }
    }

    /// Adds the number at `start` (`42`, `3.5`, `.5`, `1e6`, `2.5E-3`) and returns the offset after it.
    private static func number(_ list: inout TokenList, from start: Int, before end: Int) -> Int {
        let code = list.code
        var offset = start
        while offset < end, code[offset].isDigit || code[offset] == UInt8(ascii: ".") { offset += 1 }
        if offset < end, code[offset] | 0x20 == UInt8(ascii: "e") {
            var exponent = offset + 1
            let sign = list.byte(exponent, before: end)
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent += 1 }
            if list.byte(exponent, before: end).isDigit {
                offset = exponent
                while offset < end, code[offset].isDigit { offset += 1 }
            }
        }
        // Digits that run into letters are a name such as `2fa_events`, not a number.
        if offset < end, code[offset].isNameHead {
            while offset < end, code[offset].isNameBody { offset += 1 }
            return offset
        }
        list.add(.number, start, offset)
        return offset
    }
}
