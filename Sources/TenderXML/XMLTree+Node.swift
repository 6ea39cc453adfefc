extension XMLTree {
    /// A child of an element: an element or a run of character data.
    public enum Node: Sendable, Hashable {
        case element(Element)
        /// Character data as written, entities and character references resolved; adjacent
        /// character data (including CDATA sections) is one node.
        case text(String)

        /// The element, if this node is one.
        public var element: Element? {
            if case let .element(e) = self { return e }
            return nil
        }
    }
}
