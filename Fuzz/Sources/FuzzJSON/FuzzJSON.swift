import FuzzSupport
import LabSite

/// The JSON scanner through `JSONValue.parse`, which every trail, alarm and policy file goes through;
/// the parsed value is walked so every accessor sees what the scanner produced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    do {
        let value = try JSONValue.parse(bytes)
        walk(value, size: bytes.count)
    } catch {
        precondition(error.offset >= 0 && error.offset <= bytes.count, "error offset \(error.offset) outside input")
        precondition(error.line >= 1 && error.column >= 1, "error at line \(error.line), column \(error.column)")
        _ = error.sentence
    }
    return 0
}

/// Reads every value once, checking the offsets point into the input.
private func walk(_ value: JSONValue, size: Int) {
    precondition(value.offset >= 0 && value.offset <= size, "offset \(value.offset) outside \(size) bytes")
    _ = value.stringValue
    _ = value.numberValue
    _ = value.boolValue
    _ = value.scalarText
    _ = value.isNull
    if let elements = value.arrayValue {
        for element in elements { walk(element, size: size) }
    }
    if let object = value.objectValue {
        for member in object.members { walk(member.value, size: size) }
    }
}
