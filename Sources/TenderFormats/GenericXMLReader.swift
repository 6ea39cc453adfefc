import TenderDocument
import TenderXML

/// Reads any XML document that is not a known format: the text of its elements in document
/// order, one block per element that holds text of its own.
///
/// An element with non-blank character data directly inside it becomes one block with all the
/// text below it (so mixed content such as `<p>de <b>aanbieder</b> levert</p>` stays one
/// phrase); other elements are walked into. Positions are `.xml(path:line:column: 1)` with an
/// XPath-like path of qualified names, `[n]` added where an element has same-named siblings,
/// and the line of the element's start tag plus the line within its text.
enum GenericXMLReader {
    static func read(bytes: [UInt8], path: String, limits: XMLLimits) throws(ReaderError) -> [Block] {
        let root: XMLTree.Element
        do {
            root = try XMLTree.parse(bytes, limits: limits).root
        } catch {
            throw .invalidXML(path: path, part: nil, error: error)
        }
        var blocks: [Block] = []
        visit(root, path: "/" + root.qualifiedName, into: &blocks)
        return blocks
    }

    private static func visit(_ element: XMLTree.Element, path: String, into blocks: inout [Block]) {
        if element.ownText.contains(where: { !$0.isWhitespace }) {
            if let block = block(kind: .paragraph, text: element.text, path: path, line: element.line) { blocks.append(block) }
            return
        }
        for (child, step) in steps(of: element) {
            visit(child, path: path + "/" + step, into: &blocks)
        }
    }

    /// The child elements of `element` with their path steps: `name`, or `name[n]` (1-based)
    /// when several children share the qualified name.
    static func steps(of element: XMLTree.Element) -> [(XMLTree.Element, String)] {
        let children = element.elements
        var totals: [String: Int] = [:]
        for child in children { totals[child.qualifiedName, default: 0] += 1 }
        var seen: [String: Int] = [:]
        return children.map { child in
            let name = child.qualifiedName
            seen[name, default: 0] += 1
            return (child, totals[name]! > 1 ? "\(name)[\(seen[name]!)]" : name)
        }
    }

    /// A block for the text of an element, or nil if it is blank. Leading blank lines are
    /// dropped and counted, so the first line's origin is the line the text starts on.
    static func block(kind: BlockKind, text raw: String, path: String, line: Int) -> Block? {
        var s = Substring(raw)
        var skippedLines = 0
        while let f = s.first, f.isWhitespace {
            if f.isNewline { skippedLines += 1 }
            s = s.dropFirst()
        }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        let text = String(s).replacingCRLF()
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let origins = (0..<lineCount).map { SourceLocation.xml(path: path, line: line + skippedLines + $0, column: 1) }
        return Block(kind: kind, text: text, lineOrigins: origins)
    }
}
