extension XMLTree {
    /// An element with its attributes and children, and the line it starts on.
    public struct Element: Sendable, Hashable {
        /// The local name, without prefix.
        public var name: String
        /// The prefix as written, if any.
        public var prefix: String?
        /// The namespace URI, if the element is in a namespace.
        public var namespace: String?
        public var attributes: [Attribute]
        /// Elements and text in document order.
        public var children: [Node]
        /// The 1-based line of the input on which the start tag ends (libxml2's convention; for a
        /// start tag on one line, the line it is on).
        public var line: Int
        /// The bytes of the input this element spans, from its `<` to the `>` of its end tag
        /// (or of `/>`), when the input was UTF-8 (nil otherwise and for elements built in code).
        /// Writers that patch a file in place (redline) cut the original bytes at these offsets.
        /// Not part of equality: two equal trees may come from differently laid-out files.
        public var sourceRange: Range<Int>?
        /// The bytes between the start tag's `>` and the end tag's `<` (empty for `<a/>`).
        public var contentRange: Range<Int>?

        public static func == (a: Element, b: Element) -> Bool {
            a.name == b.name && a.prefix == b.prefix && a.namespace == b.namespace && a.attributes == b.attributes
                && a.line == b.line && a.children == b.children
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name); hasher.combine(prefix); hasher.combine(namespace)
            hasher.combine(attributes); hasher.combine(line); hasher.combine(children)
        }

        public init(name: String, prefix: String? = nil, namespace: String? = nil, attributes: [Attribute] = [],
                    children: [Node] = [], line: Int) {
            self.name = name
            self.prefix = prefix
            self.namespace = namespace
            self.attributes = attributes
            self.children = children
            self.line = line
        }

        /// The name as written: `prefix:name`, or `name`.
        public var qualifiedName: String {
            prefix.map { "\($0):\(name)" } ?? name
        }

        /// Whether this element has local name `name` in namespace `namespace` (nil: no namespace).
        public func `is`(_ name: String, namespace: String?) -> Bool {
            self.name == name && self.namespace == namespace
        }

        /// The value of the attribute with local name `name` in `namespace` (nil: unprefixed).
        public func attribute(_ name: String, namespace: String? = nil) -> String? {
            attributes.first { $0.name == name && $0.namespace == namespace }?.value
        }

        /// The child elements, in order.
        public var elements: [Element] {
            children.compactMap(\.element)
        }

        /// The child elements named `name` in `namespace`.
        public func elements(_ name: String, namespace: String?) -> [Element] {
            children.compactMap { node in
                guard case let .element(e) = node, e.is(name, namespace: namespace) else { return nil }
                return e
            }
        }

        /// The first child element named `name` in `namespace`.
        public func element(_ name: String, namespace: String?) -> Element? {
            for case let .element(e) in children where e.is(name, namespace: namespace) { return e }
            return nil
        }

        /// The first element reached by following `path` (local names in `namespace`) downwards.
        public func element(path: [String], namespace: String?) -> Element? {
            var current = self
            for name in path {
                guard let next = current.element(name, namespace: namespace) else { return nil }
                current = next
            }
            return current
        }

        /// All text below this element, concatenated in document order.
        public var text: String {
            var out = ""
            appendText(to: &out)
            return out
        }

        /// The text nodes that are direct children, concatenated.
        public var ownText: String {
            var out = ""
            for case let .text(t) in children { out += t }
            return out
        }

        private func appendText(to out: inout String) {
            for child in children {
                switch child {
                case let .text(t): out += t
                case let .element(e): e.appendText(to: &out)
                }
            }
        }

        /// Every element below this one, depth first in document order (this one not included).
        public func descendants(where include: (Element) -> Bool) -> [Element] {
            var out: [Element] = []
            collect(into: &out, include)
            return out
        }

        private func collect(into out: inout [Element], _ include: (Element) -> Bool) {
            for case let .element(e) in children {
                if include(e) { out.append(e) }
                e.collect(into: &out, include)
            }
        }
    }
}
