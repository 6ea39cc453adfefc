extension XMLTree {
    /// One attribute of an element. Namespace declarations (`xmlns`, `xmlns:p`) are not attributes.
    public struct Attribute: Sendable, Hashable {
        /// The local name, without prefix.
        public var name: String
        /// The prefix as written, if any (`w` in `w:val`).
        public var prefix: String?
        /// The namespace URI the prefix stands for; nil for an unprefixed attribute.
        public var namespace: String?
        /// The value, with entities and character references resolved.
        public var value: String

        public init(name: String, prefix: String? = nil, namespace: String? = nil, value: String) {
            self.name = name
            self.prefix = prefix
            self.namespace = namespace
            self.value = value
        }
    }
}
