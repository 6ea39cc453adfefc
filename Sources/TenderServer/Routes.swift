import Hummingbird
import TenderLint
import TenderRedline
import TenderReport
import TenderRules

/// The request handlers of the web page.
///
/// | Route | What it does |
/// |---|---|
/// | `GET /` | the start page with the upload form |
/// | `POST /lint` | reads an uploaded file or pasted text (multipart or URL-encoded form) and answers with the annotated result page |
/// | `GET /r/{id}` | a kept result, filtered by `categorie` and `ernst` query parameters, in the language of `lang` |
/// | `GET /r/{id}/rapport.json`, `.sarif`, `.html` | the result as a download, in the language of `lang` |
/// | `GET /r/{id}/wijzigingen`, `wijzigingen.diff` | the document with a comment per finding and the model articles as tracked changes (a corrected copy, or a diff, for text) |
/// | `GET /assets/tenderlint.css`, `/assets/tenderlint.js` | the stylesheet and the script |
struct Routes: Sendable {
    let configuration: ServerConfiguration
    let service: LintService
    let store: ResultStore
    /// The LanguageTool API's checker (in process: its input is text, not a file to read).
    let languageTool: LanguageToolChecker

    /// Form overhead allowed on top of the file itself: boundaries, headers, the other fields.
    static let formOverhead = 64 * 1024
    /// Bytes of an oversized upload read and dropped before answering 413, so the browser gets
    /// to see the answer instead of a reset connection; beyond this the connection is closed.
    static let drainLimit = 256 * 1_048_576

    // MARK: Helpers shared with the middlewares

    /// The page language: `?lang=en` gives English, anything else Dutch.
    static func language(of request: Request) -> Language {
        request.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) } ?? .nl
    }

    /// An HTML response.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private func renderer(_ language: Language) -> PageRenderer {
        PageRenderer(language: language, maxUploadBytes: configuration.maxUploadBytes)
    }

    // MARK: Handlers

    func home(_ request: Request) -> Response {
        Routes.page(renderer(Routes.language(of: request)).home())
    }

    func asset(_ name: String) throws -> Response {
        let (body, type): (String, String)
        switch name {
        case "tenderlint.css": (body, type) = (PageStyle.css, "text/css; charset=utf-8")
        case "tenderlint.js": (body, type) = (PageStyle.script, "text/javascript; charset=utf-8")
        default: throw HTTPError(.notFound)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// `POST /lint`: the upload form.
    func lint(_ request: Request, context: some RequestContext) async throws -> Response {
        var language = Routes.language(of: request)
        let text = PageText(language)
        let contentType = request.headers[.contentType] ?? ""
        let limit = configuration.maxUploadBytes + Routes.formOverhead
        let body: [UInt8]
        switch try await Routes.collect(request, limit: limit, deadline: configuration.bodyTimeout) {
        case let .complete(bytes):
            body = bytes
        case .tooLarge:
            return Routes.page(renderer(language).error(text.tooLarge(maxMB: configuration.maxUploadBytes / 1_048_576)), status: .contentTooLarge)
        case .tooSlow:
            var response = Routes.page(renderer(language).error(text.tooSlow), status: .requestTimeout)
            response.headers[.connection] = "close"
            return response
        }

        var bytes: [UInt8] = []
        var name = text.pastedName
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let form: MultipartForm
            do {
                form = try MultipartForm(body: body, boundary: boundary)
            } catch {
                return Routes.page(renderer(language).error(text.notAForm), status: .badRequest)
            }
            if request.uri.queryParameters["lang"] == nil, let field = form.part("lang"), let l = Language(rawValue: field.text) {
                language = l
            }
            if let file = form.part("bestand"), !file.data.isEmpty {
                bytes = Array(file.data)
                name = UploadName.sanitised(file.filename)
            } else if let pasted = form.part("tekst"), pasted.data.contains(where: { $0 > 0x20 }) {
                bytes = Array(pasted.data)
            }
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let fields = URLEncodedForm.fields(body)
            if request.uri.queryParameters["lang"] == nil, let l = fields["lang"].flatMap(Language.init(rawValue:)) { language = l }
            if let pasted = fields["tekst"], pasted.contains(where: { !$0.isWhitespace }) { bytes = Array(pasted.utf8) }
        } else {
            return Routes.page(renderer(language).error(PageText(language).notAForm), status: .unsupportedMediaType)
        }
        let pageText = PageText(language)
        guard !bytes.isEmpty else {
            return Routes.page(renderer(language).error(pageText.nothingSubmitted), status: .badRequest)
        }
        guard bytes.count <= configuration.maxUploadBytes else {
            return Routes.page(renderer(language).error(pageText.tooLarge(maxMB: configuration.maxUploadBytes / 1_048_576)), status: .contentTooLarge)
        }

        switch await service.lint(bytes: bytes, name: name, language: language) {
        case let .linted(result, outline, document):
            var entry = ResultStore.Entry(result: result, outline: outline, displayName: name, created: .now)
            if Redliner.canWrite(document.format) { entry.source = .init(bytes: bytes, document: document) }
            let id = await store.add(entry)
            return resultPage(id: id, entry: entry, filter: .all, language: language)
        case let .unreadable(message):
            return Routes.page(renderer(language).error(pageText.unreadableIntro, detail: message, advice: pageText.unreadableAdvice),
                               status: .unprocessableContent)
        case .busy:
            var response = Routes.page(renderer(language).error(pageText.busy), status: .serviceUnavailable)
            response.headers[.retryAfter] = "30"
            return response
        case .timedOut:
            return Routes.page(renderer(language).error(pageText.timedOut), status: .serviceUnavailable)
        case let .failed(failure):
            // The details are for the log: the page says what happened in the user's words.
            context.logger.error("worker failed on an upload: \(failure.reason(english: true))")
            return Routes.page(renderer(language).error(pageText.workerFailed, detail: pageText.workerFailedDetail(failure), advice: pageText.workerFailedAdvice),
                               status: .unprocessableContent)
        }
    }

    /// `GET /r/{id}`: a kept result with the filters from the query, rendered now in the page's
    /// language (the result itself is language-free), so the language link keeps the result.
    func result(_ request: Request, id: String) async throws -> Response {
        guard let entry = await store.entry(id) else { throw HTTPError(.notFound) }
        let query = request.uri.queryParameters
        let filter = FindingFilter(categories: Set(query[values: "categorie"].compactMap { Category(rawValue: String($0)) }),
                                   severities: Set(query[values: "ernst"].compactMap { Severity(rawValue: String($0)) }))
        return resultPage(id: id, entry: entry, filter: filter, language: Routes.language(of: request))
    }

    private func resultPage(id: String, entry: ResultStore.Entry, filter: FindingFilter, language: Language) -> Response {
        Routes.page(renderer(language).result(id: id, entry: entry, catalogue: service.engine.catalogue, filter: filter, downloads: downloads()))
    }

    /// The download formats: JSON and HTML always, SARIF when a reporter for it is registered.
    func downloads() -> [PageRenderer.Download] {
        var list = [PageRenderer.Download(label: "JSON", fileName: "rapport.json")]
        if Reporters.reporter(for: "sarif") != nil { list.append(.init(label: "SARIF", fileName: "rapport.sarif")) }
        list.append(.init(label: "HTML", fileName: "rapport.html"))
        return list
    }

    /// `GET /r/{id}/{file}`: the result as JSON, SARIF or a self-contained HTML page, in the
    /// language of the page it was linked from.
    func download(_ request: Request, id: String, file: String) async throws -> Response {
        guard let entry = await store.entry(id) else { throw HTTPError(.notFound) }
        let options = ReportOptions(language: Routes.language(of: request))
        let catalogue = service.engine.catalogue
        let base = UploadName.asciiFileName(entry.displayName)
        var headers: HTTPFields = [:]
        let body: String
        switch file {
        case "rapport.json":
            body = try JSONReporter(options: options, catalogue: catalogue).report(entry.result)
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(base).tenderlint.json\""
        case "rapport.sarif":
            guard let sarif = Reporters.reporter(for: "sarif") else { throw HTTPError(.notFound) }
            body = try sarif.init(options: options, catalogue: catalogue).report(entry.result)
            headers[.contentType] = "application/sarif+json; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(base).tenderlint.sarif\""
        case "rapport.html":
            let report = HTMLReportBody(result: entry.result, catalogue: catalogue, options: options, outlines: [entry.displayName: entry.outline])
            body = HTMLReporter.page(body: report.render(), options: options)
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(base).tenderlint.html\""
            headers[.contentSecurityPolicy] = SecurityHeadersMiddleware<ServerContext>.downloadPolicy
        case "wijzigingen", "wijzigingen.diff":
            return try await redlined(entry, diff: file.hasSuffix(".diff"), language: options.language)
        default:
            throw HTTPError(.notFound)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A request body as far as it was read.
    enum Body: Sendable {
        case complete([UInt8])
        /// Larger than the limit.
        case tooLarge
        /// Still not complete when the deadline passed.
        case tooSlow
    }

    /// The request body, unless it is larger than `limit` or takes longer than `deadline` to
    /// arrive. An oversized body is still read (and dropped) up to `drainLimit`, so the browser
    /// receives the 413 page; a body that trickles in is cut off at the deadline, so it cannot
    /// hold a connection and its memory for as long as the client likes.
    static func collect(_ request: Request, limit: Int, deadline: Duration) async throws -> Body {
        try await withThrowingTaskGroup(of: Body.self) { group in
            group.addTask { try await collect(request.body, declared: request.headers[.contentLength].flatMap { Int($0) }, limit: limit) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return .tooSlow
            }
            defer { group.cancelAll() }
            return try await group.next() ?? .tooSlow
        }
    }

    private static func collect(_ body: RequestBody, declared: Int?, limit: Int) async throws -> Body {
        if let declared, declared > drainLimit { return .tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declared ?? 0, limit))
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            if total > limit {
                if !bytes.isEmpty { bytes = [] }
                if total > drainLimit { break }
                continue
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        // Cancelled by the deadline: the sequence ends early, and what arrived is not the body.
        if Task.isCancelled { return .tooSlow }
        return total > limit ? .tooLarge : .complete(bytes)
    }
}
