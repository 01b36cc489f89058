extension JSONValueBuilder {
    /// The members or elements of the containers a build is inside, on one stack.
    ///
    /// Appending to a fresh array per object grows it several times; here a container's items
    /// collect on the stack and move into an array of exactly their number when it closes. A class
    /// because it owns the stack's memory.
    final class Stack<Element> {
        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        /// How many items the stack holds.
        private(set) var count = 0

        init(capacity: Int = 256) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        /// Puts `element` on top.
        func push(_ element: Element) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            (base + count).initialize(to: element)
            count += 1
        }

        /// Takes the items from position `start` to the top off the stack, in order.
        func pop(from start: Int) -> [Element] {
            let taken = count - start
            let elements = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
                if let destination = buffer.baseAddress { destination.moveInitialize(from: base + start, count: taken) }
                initialized = taken
            }
            count = start
            return elements
        }
    }
}
