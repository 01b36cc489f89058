/// The sink that builds a ``JSONValue``, each value with its offset, objects with every member in
/// document order; it may leave out the members it is told to (``Omission``).
package struct JSONValueBuilder: JSONSink {
    /// Members a build checks but leaves out of the value, which then cost no memory: those with
    /// one of `names` as their key in the objects `depth` levels in (1: the outer object's members;
    /// 3: the records' in `{"Records":[{…}]}`).
    package struct Omission: Sendable {
        /// How many objects and arrays are around the members, their own object included.
        package var depth: Int
        /// The keys of the members to leave out.
        package var names: [String]

        /// Creates an omission.
        package init(depth: Int, names: [String]) {
            self.depth = depth
            self.names = names
        }
    }

    /// Where an object's or array's items start on their stack, and the offset of its bracket.
    package struct Container {
        var start: Int
        var offset: Int
    }

    private let members = Stack<JSONObject.Member>()
    private let elements = Stack<JSONValue>()
    /// How many objects and arrays the scanner is inside.
    private var depth = 0
    private let omittedDepth: Int
    private let omittedNames: [[UInt8]]

    /// A builder that keeps every member, or leaves out those `omission` names.
    package init(omitting omission: Omission? = nil) {
        omittedDepth = omission?.depth ?? -1
        omittedNames = omission?.names.map { Array($0.utf8) } ?? []
    }

    package func null(at offset: Int) -> JSONValue {
        JSONValue(.null, offset: offset)
    }

    package func bool(_ value: Bool, at offset: Int) -> JSONValue {
        JSONValue(.bool(value), offset: offset)
    }

    package func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> JSONValue {
        JSONValue(.number(String(decoding: text, as: UTF8.self)), offset: offset)
    }

    package func string(_ text: JSONStringBytes, at offset: Int) -> JSONValue {
        JSONValue(.string(text.string), offset: offset)
    }

    package mutating func beginObject(at offset: Int) -> Container {
        depth += 1
        return Container(start: members.count, offset: offset)
    }

    package func key(_ text: JSONStringBytes, in object: inout Container) -> String? {
        if depth == omittedDepth && omittedNames.contains(where: text.equals) { return nil }
        return text.string
    }

    package func member(_ key: String, _ value: JSONValue, in object: inout Container) {
        members.push(JSONObject.Member(key: key, value: value))
    }

    package mutating func endObject(_ object: Container) -> JSONValue {
        depth -= 1
        return JSONValue(.object(JSONObject(members.pop(from: object.start))), offset: object.offset)
    }

    package mutating func beginArray(at offset: Int) -> Container {
        depth += 1
        return Container(start: elements.count, offset: offset)
    }

    package func beginElement(in array: inout Container) {}

    package func element(_ value: JSONValue, in array: inout Container) {
        elements.push(value)
    }

    package mutating func endArray(_ array: Container) -> JSONValue {
        depth -= 1
        return JSONValue(.array(elements.pop(from: array.start)), offset: array.offset)
    }
}
