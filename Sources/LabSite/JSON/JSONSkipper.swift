/// The sink that keeps nothing: the scanner still checks every byte, with the errors it gives
/// when it builds a value.
package struct JSONSkipper: JSONSink {
    /// Creates a skipper.
    package init() {}

    package func null(at offset: Int) {}
    package func bool(_ value: Bool, at offset: Int) {}
    package func number(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) {}
    package func string(_ text: JSONStringBytes, at offset: Int) {}
    package func beginObject(at offset: Int) {}
    package func key(_ text: JSONStringBytes, in object: inout Void) -> Void? { () }
    package func endObject(_ object: Void) {}
    package func beginArray(at offset: Int) {}
    package func beginElement(in array: inout Void) {}
    package func endArray(_ array: Void) {}
}
