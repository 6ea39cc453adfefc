internal import CLibXML2

/// The libxml2 boundary: runs libxml2's SAX2 parser over a buffer and builds an `XMLTree.Element`.
///
/// One place per concern: `options` builds the parser options, `TreeBuilder.open` checks depth
/// and node count, `TreeBuilder.refuse(doctype:)` refuses DTDs, `SAXParser.error(from:)` turns
/// libxml2's structured errors into `XMLError`, and one `defer` frees the parser context.
///
/// Why SAX and not libxml2's own tree: the callbacks let us stop the parser at the first node
/// past a limit, and at a `<!DOCTYPE` before its internal subset is read, so no hostile input is
/// ever expanded; and no C pointers survive the call.
enum SAXParser {
    /// The parser options, built in this one place.
    ///
    /// `XML_PARSE_NONET` forbids network access. Deliberately absent: `NOENT` (substitute
    /// entities), `DTDLOAD`/`DTDATTR`/`DTDVALID` (read a DTD), `XINCLUDE` and `HUGE` (lift the
    /// built-in size limits). `NOENT` stays off even though no entity can be declared (we refuse
    /// every internal subset), so a future change there cannot turn on expansion by itself.
    static var options: Int32 {
        Int32(XML_PARSE_NONET.rawValue)
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLError) -> XMLTree.Element {
        _ = libxml2Setup
        guard buffer.count > 0, let base = buffer.baseAddress else {
            throw .malformed(line: 1, column: 1, reason: .empty)
        }
        // Attribute counts are bounded before libxml2 sees the bytes (its duplicate check is
        // quadratic in the attributes of one element).
        try AttributeScan.check(buffer, limits: limits)
        // Safety: `base` is valid for `buffer.count` bytes for the whole call; libxml2 copies the
        // bytes it needs into its own input buffer and does not keep the pointer after the
        // context is freed. `count` fits a C int because XMLLimits.maxBytes does (checked by caller).
        let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
        }
        guard let ctxt = context else {
            throw .malformed(line: 1, column: 1, reason: .parserUnavailable)
        }
        // The only free: the context owns its SAX handler copy, input buffers and dictionary.
        // No document is built (our handler has no startDocument), so there is no xmlDoc to free.
        defer { xmlFreeParserCtxt(ctxt) }

        _ = xmlCtxtUseOptions(ctxt, options)
        let builder = TreeBuilder(limits: limits, dict: ctxt.pointee.dict, input: buffer)
        return try withExtendedLifetime(builder) { () throws(XMLError) -> XMLTree.Element in
            // Safety: `ctxt.pointee.sax` was allocated by xmlCreateMemoryParserCtxt and is freed
            // with the context; we overwrite its fields, not the pointer. `_private` is ours: it
            // holds an unretained reference to `builder`, which outlives the parse (this closure).
            ctxt.pointee.sax.pointee = SAXParser.makeHandler()
            ctxt.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
            // Errors raised without the parser context (the encoding converters: "input conversion
            // failed", "encoder error") go to libxml2's per-thread structured handler, else to its
            // generic handler, which prints to stderr. Ours records them like the others, so an
            // error stays one line; it is unset again before the builder goes away.
            xmlSetStructuredErrorFunc(Unmanaged.passUnretained(builder).toOpaque()) { userData, error in
                guard let userData, let error else { return }
                Unmanaged<TreeBuilder>.fromOpaque(userData).takeUnretainedValue().record(SAXParser.error(from: error.pointee))
            }
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            _ = xmlParseDocument(ctxt)
            if let failure = builder.failure { throw failure }
            if ctxt.pointee.wellFormed == 0 {
                throw builder.firstError ?? .malformed(line: Int(xmlSAX2GetLineNumber(ctxt)), column: 1,
                                                      reason: .unknown)
            }
            guard let root = builder.root else {
                throw .malformed(line: 1, column: 1, reason: .noRootElement)
            }
            return root
        }
    }

    /// The SAX2 callbacks. Everything not set here (entity declarations, external subsets,
    /// entity resolution, comments, processing instructions) is ignored by libxml2.
    /// (Built per parse: the C struct is not Sendable, and building it costs nothing.)
    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        // SAX2 (namespaces) and structured errors are only used when this magic is set.
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, prefix, uri, _, _, attributeCount, _, attributes in
            TreeBuilder.from(ctx)?.open(localname: localname, prefix: prefix, uri: uri,
                                        attributeCount: Int(attributeCount), attributes: attributes, ctx: ctx)
        }
        sax.endElementNs = { ctx, _, _, _ in
            TreeBuilder.from(ctx)?.close(ctx: ctx)
        }
        sax.characters = { ctx, bytes, count in
            TreeBuilder.from(ctx)?.append(bytes, count: Int(count))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        sax.internalSubset = { ctx, _, externalID, systemID in
            TreeBuilder.from(ctx)?.refuse(doctypeWithExternalID: externalID, systemID: systemID, ctx: ctx)
        }
        sax.serror = { ctx, error in
            // Safety: libxml2 passes its own error record, valid during the callback; it is read
            // (copied) here and not kept.
            guard let error else { return }
            TreeBuilder.from(ctx)?.record(SAXParser.error(from: error.pointee))
        }
        return sax
    }

    /// One libxml2 error as an `XMLError`, or nil for a warning.
    fileprivate static func error(from error: xmlError) -> XMLError? {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return nil }
        let line = max(1, Int(error.line))
        // libxml2 puts the column in `int2`.
        let column = max(1, Int(error.int2))
        // Safety: `message` is a NUL-terminated string owned by libxml2, valid during the callback;
        // it is copied into a Swift string here.
        let message = error.message.map { String(cString: $0) } ?? "parseerfout \(error.code)"
        let code = Int(error.code)
        // libxml2 reports bad UTF-8 as an invalid character: "Input is not proper UTF-8".
        if code == Int(XML_ERR_INVALID_ENCODING.rawValue) || (code == Int(XML_ERR_INVALID_CHAR.rawValue) && message.contains("UTF-8")) {
            return .invalidEncoding(line: line, column: column)
        }
        // libxml2 messages end in "\n" and sometimes add a second line of bytes; keep the first.
        let firstLine = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        return .malformed(line: line, column: column, reason: .libxml2(kind(code), code: code, message: firstLine.trimmingTrailingSpace()))
    }

    /// The kind of a libxml2 error code (`xmlParserErrors`), for the Dutch message.
    private static func kind(_ code: Int) -> MalformedReason.Kind {
        let kinds: [(xmlParserErrors, MalformedReason.Kind)] = [
            (XML_ERR_DOCUMENT_START, .startTagExpected), (XML_ERR_DOCUMENT_EMPTY, .documentEmpty),
            (XML_ERR_DOCUMENT_END, .extraContent), (XML_ERR_EXTRA_CONTENT, .extraContent),
            (XML_ERR_INVALID_CHAR, .invalidCharacter), (XML_ERR_ENTITYREF_SEMICOL_MISSING, .entityWithoutSemicolon),
            (XML_ERR_UNDECLARED_ENTITY, .undefinedEntity), (XML_ERR_STRING_NOT_CLOSED, .unclosedString),
            (XML_ERR_LT_IN_ATTRIBUTE, .ltInAttribute), (XML_ERR_ATTRIBUTE_NOT_STARTED, .attributeNotQuoted),
            (XML_ERR_ATTRIBUTE_NOT_FINISHED, .attributeNotFinished), (XML_ERR_ATTRIBUTE_WITHOUT_VALUE, .attributeWithoutValue),
            (XML_ERR_ATTRIBUTE_REDEFINED, .attributeRedefined), (XML_NS_ERR_ATTRIBUTE_REDEFINED, .attributeRedefined),
            (XML_ERR_COMMENT_NOT_FINISHED, .commentNotFinished), (XML_ERR_CDATA_NOT_FINISHED, .cdataNotFinished),
            (XML_ERR_NAME_REQUIRED, .nameRequired), (XML_ERR_GT_REQUIRED, .startTagNotFinished),
            (XML_ERR_LTSLASH_REQUIRED, .endTagExpected), (XML_ERR_TAG_NAME_MISMATCH, .tagMismatch),
            (XML_ERR_TAG_NOT_FINISHED, .unclosedElement), (XML_NS_ERR_UNDEFINED_NAMESPACE, .undefinedNamespacePrefix),
            (XML_ERR_UNKNOWN_ENCODING, .unknownEncoding), (XML_ERR_UNSUPPORTED_ENCODING, .unknownEncoding),
            (XML_ERR_ENCODING_NAME, .unknownEncoding), (XML_I18N_NO_NAME, .unknownEncoding), (XML_I18N_NO_HANDLER, .unknownEncoding),
            (XML_I18N_EXCESS_HANDLER, .unknownEncoding), (XML_I18N_CONV_FAILED, .encodingConversion), (XML_I18N_NO_OUTPUT, .encodingConversion),
        ]
        return kinds.first { Int($0.0.rawValue) == code }?.1 ?? .other
    }
}

/// libxml2's one-time setup, run on first use (Swift runs a global's initialiser exactly once,
/// thread-safely).
///
/// `xmlInitParser` must run once before the parser is used from several threads (libxml2's
/// documentation); corpus mode parses on all cores. The entity loader is replaced by one that
/// refuses everything, so even a code path we did not foresee cannot open a file or a URL.
private let libxml2Setup: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
}()

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
