internal import CLibXML2

/// Builds the element tree from SAX2 callbacks, checking limits as it goes.
///
/// Lives only for one `SAXParser.parse` call; libxml2 reaches it through the parser context's
/// `_private` field. When a limit is hit or a DOCTYPE is refused it records `failure` and stops
/// the parser, after which libxml2 makes no further callbacks.
final class TreeBuilder {
    let limits: XMLLimits
    /// The parser's string dictionary: names it hands us are interned there for the whole parse.
    private let dict: xmlDictPtr?
    /// Open elements, outermost first; `stack.count` is the current depth.
    private var stack: [XMLTree.Element] = []
    /// Character data not yet attached to the open element, as UTF-8 (libxml2 delivers UTF-8).
    private var pendingText: [UInt8] = []
    private var nodeCount = 0
    /// Swift strings for interned C names, keyed by the dictionary pointer.
    private var names: [UnsafeRawPointer: String] = [:]
    /// The input as handed to the parser, for byte offsets (see `XMLTree.Element.sourceRange`).
    private let input: UnsafeBufferPointer<UInt8>?
    /// Where each open element's start tag begins and its content starts (parallel to `stack`).
    private var starts: [(tag: Int, content: Int, empty: Bool)?] = []

    private(set) var root: XMLTree.Element?
    /// Why the builder stopped the parser, if it did.
    private(set) var failure: XMLError?
    /// The first error libxml2 reported.
    private(set) var firstError: XMLError?

    init(limits: XMLLimits, dict: xmlDictPtr?, input: UnsafeBufferPointer<UInt8>? = nil) {
        self.limits = limits
        self.dict = dict
        self.input = input
    }

    /// The offset in the original input of the parser's current position, when the parser reads
    /// the input's bytes unconverted (UTF-8); nil otherwise.
    private func offset(_ ctxt: xmlParserCtxtPtr) -> Int? {
        // Safety: `input`, `cur` and `base` belong to the parser and are valid during a callback;
        // `consumed` counts the bytes libxml2 discarded from the front of its buffer.
        guard let source = input, let current = ctxt.pointee.input, let cur = current.pointee.cur,
              let base = current.pointee.base, current.pointee.buf?.pointee.encoder == nil else { return nil }
        let value = Int(current.pointee.consumed) + (cur - base)
        guard value >= 0, value <= source.count else { return nil }
        return value
    }

    /// The last `<` at or before `offset` in the input.
    private func tagStart(before offset: Int) -> Int? {
        guard let source = input else { return nil }
        var i = min(offset, source.count - 1)
        while i >= 0 { if source[i] == UInt8(ascii: "<") { return i }; i -= 1 }
        return nil
    }

    /// Where the start tag that the parser just read begins, where the content starts and whether
    /// the element is empty (`<a/>`): libxml2 calls startElementNs with `cur` on the `>` or `/>`.
    private func startOffsets(_ ctxt: xmlParserCtxtPtr) -> (tag: Int, content: Int, empty: Bool)? {
        guard let source = input, let at = offset(ctxt), at < source.count, let tag = tagStart(before: at) else { return nil }
        if source[at] == UInt8(ascii: ">") { return (tag, at + 1, false) }
        if source[at] == UInt8(ascii: "/"), at + 1 < source.count, source[at + 1] == UInt8(ascii: ">") { return (tag, at + 2, true) }
        return nil
    }

    /// The builder behind a SAX callback's context pointer.
    static func from(_ ctx: UnsafeMutableRawPointer?) -> TreeBuilder? {
        // Safety: libxml2 passes `ctxt->userData` as the context, which xmlCreateMemoryParserCtxt
        // sets to the parser context itself; `_private` holds the unretained builder that
        // SAXParser.parse keeps alive until the parse returns.
        guard let ctxt = ctx?.assumingMemoryBound(to: xmlParserCtxt.self),
              let opaque = ctxt.pointee._private else { return nil }
        return Unmanaged<TreeBuilder>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// The parser context for this builder's callbacks (the same pointer as `ctx`).
    private func context(_ ctx: UnsafeMutableRawPointer?) -> xmlParserCtxtPtr? {
        // Safety: `ctx` is the parser context (see `from`), alive for the whole parse; it is
        // only used during the callback.
        ctx?.assumingMemoryBound(to: xmlParserCtxt.self)
    }

    // MARK: Callbacks

    func open(localname: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
              attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, ctx: UnsafeMutableRawPointer?) {
        guard failure == nil, let ctxt = context(ctx) else { return }
        let line = Int(xmlSAX2GetLineNumber(ctx))
        nodeCount += 1
        if stack.count + 1 > limits.maxDepth {
            stop(ctxt, .tooDeep(line: line, limit: limits.maxDepth)); return
        }
        if nodeCount > limits.maxNodes {
            stop(ctxt, .tooManyNodes(line: line, limit: limits.maxNodes)); return
        }
        flushText(ctxt, line: line)
        var element = XMLTree.Element(name: name(localname) ?? "", prefix: name(prefix), namespace: name(uri), line: line)
        if attributeCount > 0, let attributes {
            element.attributes.reserveCapacity(attributeCount)
            for i in 0..<attributeCount {
                // Safety: SAX2 passes 5 pointers per attribute (localname, prefix, URI, value
                // start, value end), valid during the callback; the value is not NUL-terminated.
                let base = attributes + 5 * i
                guard let start = base[3], let end = base[4] else { continue }
                let value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                element.attributes.append(XMLTree.Attribute(
                    name: name(base[0]) ?? "", prefix: name(base[1]), namespace: name(base[2]),
                    value: TreeBuilder.resolvingCharacterReferences(value)))
            }
        }
        stack.append(element)
        starts.append(startOffsets(ctxt))
    }

    func close(ctx: UnsafeMutableRawPointer?) {
        guard failure == nil, let ctxt = context(ctx) else { return }
        flushText(ctxt, line: Int(xmlSAX2GetLineNumber(ctx)))
        guard var element = stack.popLast() else { return }
        if let start = starts.popLast() ?? nil, let end = offset(ctxt), end > start.tag {
            if start.empty {
                element.sourceRange = start.tag..<start.content
                element.contentRange = start.content..<start.content
            } else if let endTag = tagStart(before: end - 1), endTag >= start.content {
                element.sourceRange = start.tag..<end
                element.contentRange = start.content..<endTag
            }
        }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func append(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
        guard failure == nil, let bytes, count > 0 else { return }
        // Safety: libxml2 passes `count` valid UTF-8 bytes, readable during the callback.
        pendingText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    /// Refuses any DOCTYPE that names an external DTD or opens an internal subset.
    ///
    /// libxml2 calls this after reading `<!DOCTYPE name ExternalID` and before it reads the
    /// internal subset `[ … ]`, so the subset's entity declarations are never parsed.
    func refuse(doctypeWithExternalID externalID: UnsafePointer<xmlChar>?, systemID: UnsafePointer<xmlChar>?,
                ctx: UnsafeMutableRawPointer?) {
        guard failure == nil, let ctxt = context(ctx) else { return }
        let line = Int(xmlSAX2GetLineNumber(ctx))
        if systemID != nil || externalID != nil {
            // Safety: both are NUL-terminated strings owned by the parser during the callback.
            let id = systemID.map { String(cString: $0) } ?? externalID.map { String(cString: $0) } ?? ""
            stop(ctxt, .doctypeRefused(line: line, reason: .externalDTD(systemID: id)))
            return
        }
        // Safety: `input.cur` points into the parser's NUL-terminated input buffer, at the first
        // character after the DOCTYPE name and the blanks that follow it.
        if let input = ctxt.pointee.input, let cur = input.pointee.cur, cur.pointee == UInt8(ascii: "[") {
            stop(ctxt, .doctypeRefused(line: line, reason: .internalSubset))
        }
    }

    func record(_ error: XMLError?) {
        if firstError == nil, let error { firstError = error }
    }

    // MARK: Helpers

    private func stop(_ ctxt: xmlParserCtxtPtr, _ error: XMLError) {
        failure = error
        xmlStopParser(ctxt)
    }

    /// Attaches pending character data to the open element as one text node.
    private func flushText(_ ctxt: xmlParserCtxtPtr, line: Int) {
        guard !pendingText.isEmpty else { return }
        defer { pendingText.removeAll(keepingCapacity: true) }
        guard !stack.isEmpty else { return }
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            stop(ctxt, .tooManyNodes(line: line, limit: limits.maxNodes)); return
        }
        stack[stack.count - 1].children.append(.text(String(decoding: pendingText, as: UTF8.self)))
    }

    /// A Swift string for a C name, cached when the parser dictionary owns the pointer.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        // Safety: a dictionary-owned string stays at its address, unchanged, until the parser
        // context (and with it the dictionary) is freed, after this builder is done.
        guard let dict, xmlDictOwns(dict, pointer) == 1 else { return String(cString: pointer) }
        let key = UnsafeRawPointer(pointer)
        if let cached = names[key] { return cached }
        let s = String(cString: pointer)
        names[key] = s
        return s
    }

    /// Resolves `&#NN;` and `&#xNN;` in an attribute value.
    ///
    /// Without entity substitution, libxml2's SAX2 interface hands attribute values over with
    /// the predefined entities turned into character references (`&amp;` arrives as `&#38;`);
    /// its own tree builder decodes them the same way afterwards.
    static func resolvingCharacterReferences(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "#"),
               let semicolon = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ";")) {
                var digits = Substring(String(decoding: bytes[(i + 2)..<semicolon], as: UTF8.self))
                var radix = 10
                if digits.first == "x" || digits.first == "X" { digits = digits.dropFirst(); radix = 16 }
                if let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code) {
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    i = semicolon + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
