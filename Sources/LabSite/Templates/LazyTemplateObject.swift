import Mustache

/// An object in a Mustache context whose variables are written only when a template looks one up,
/// apart from a few prepared ones.
///
/// `print.mustache` loops over every lab to put each one's prepared table-of-contents entry and
/// article in order. Making each lab's dictionary of twenty variables for that was, with the loop,
/// a tenth of a second of the 10,000-page benchmark on the build's last, single-threaded stretch.
/// A course's own template that reads other variables of a lab still gets every one of them.
struct LazyTemplateObject: MustacheParent {
    /// The variables, written on a lookup of anything but `prepared`.
    let context: any TemplateContext
    /// Variables answered without writing the context.
    let prepared: [(name: String, value: String)]

    func child(named name: String) -> Any? {
        for variable in prepared where variable.name == name { return variable.value }
        var values = TemplateDictionary()
        context.write(to: &values)
        return values.values[name]
    }
}
