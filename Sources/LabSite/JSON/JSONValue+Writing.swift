extension JSONValue {
    /// Tells `sink` this value as a scanner reading its JSON would, offsets included: written
    /// compact (``JSONCompactWriter``) or as HTML (``JSONHTMLWriter``), a value comes out as the
    /// text it was read from does.
    @discardableResult
    package func write<Sink: JSONSink & ~Copyable>(to sink: inout Sink) -> Sink.Value {
        switch content {
        case .null:
            return sink.null(at: offset)
        case .bool(let value):
            return sink.bool(value, at: offset)
        case .number(var text):
            return text.withUTF8 { sink.number($0, at: offset) }
        case .string(var text):
            return text.withUTF8 { sink.string(JSONStringBytes(bytes: $0, isValidUTF8: true), at: offset) }
        case .array(let elements):
            var array = sink.beginArray(at: offset)
            for element in elements {
                sink.beginElement(in: &array)
                let value = element.write(to: &sink)
                sink.element(value, in: &array)
            }
            return sink.endArray(array)
        case .object(let object):
            var container = sink.beginObject(at: offset)
            for member in object.members {
                var key = member.key
                let kept = key.withUTF8 { sink.key(JSONStringBytes(bytes: $0, isValidUTF8: true), in: &container) }
                guard let kept else { continue }
                let value = member.value.write(to: &sink)
                sink.member(kept, value, in: &container)
            }
            return sink.endObject(container)
        }
    }
}
