/// What a ``JSONScanner`` (or ``JSONValue/write(to:)``) tells as it reads a value, in document
/// order: build a value (``JSONValueBuilder``), keep nothing (``JSONSkipper``), write compact JSON
/// (``JSONCompactWriter``), tell whether the text already is compact JSON (``JSONCompactCheck``)
/// or write indented JSON as HTML text (``JSONHTMLWriter``).
///
/// The scanner is generic over its sink, so each sink gets a walk of its own, compiled with the
/// sink's calls inlined: no call per byte goes through a protocol. The compiler makes those walks
/// only inside this module, so code in other modules goes through the sinks' own entry points
/// (``JSONCompactWriter/write(_:)-(JSONValue)``, ``JSONHTMLWriter/write(_:)-(inout JSONScanner)``, parsing
/// with ``JSONValue/parse(_:)-([UInt8])``); a generic call from there would reach the sink through
/// the protocol at every value.
package protocol JSONSink: ~Copyable {
    /// What one value becomes: a ``JSONValue`` for the builder, nothing for the writers.
    associatedtype Value
    /// What a member's key becomes until the member's value is read.
    associatedtype Key
    /// What the sink keeps about an object or array while its members or elements are read.
    associatedtype Container

    /// `null` at `offset`.
    mutating func null(at offset: Int) -> Value
    /// `true` or `false` at `offset`.
    mutating func bool(_ value: Bool, at offset: Int) -> Value
    /// A number, its text as written (checked, ASCII), at `offset`.
    mutating func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Value
    /// A string at `offset` (its opening quote).
    mutating func string(_ text: JSONStringBytes, at offset: Int) -> Value

    /// The `{` of an object at `offset`.
    mutating func beginObject(at offset: Int) -> Container
    /// A member's key, before its value; `nil` has the value checked and left out.
    mutating func key(_ text: JSONStringBytes, in object: inout Container) -> Key?
    /// A member whose key the sink kept, once its value is read.
    mutating func member(_ key: Key, _ value: Value, in object: inout Container)
    /// The `}` of an object.
    mutating func endObject(_ object: Container) -> Value

    /// The `[` of an array at `offset`.
    mutating func beginArray(at offset: Int) -> Container
    /// An element is next (the writers write what separates it from the one before).
    mutating func beginElement(in array: inout Container)
    /// An element, once read.
    mutating func element(_ value: Value, in array: inout Container)
    /// The `]` of an array.
    mutating func endArray(_ array: Container) -> Value
}

extension JSONSink where Self: ~Copyable, Value == Void, Key == Void {
    /// Writers keep nothing of a member once it is written.
    package mutating func member(_ key: Key, _ value: Value, in object: inout Container) {}

    /// Writers keep nothing of an element once it is written.
    package mutating func element(_ value: Value, in array: inout Container) {}
}
