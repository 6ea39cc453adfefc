import Foundation
import Hummingbird
import TenderReport
import TenderRules

/// The LanguageTool HTTP API (v2) that LibreOffice's remote checker, LanguageTool's add-ins and
/// client libraries speak, and the rule pages its matches link to.
///
/// | Route | What it does |
/// |---|---|
/// | `GET /v2/languages` | the languages, as `[{name, code, longCode}]` |
/// | `POST /v2/check` | form fields `text` or `data`, `language`, rule and category filters; answers LanguageTool's JSON |
/// | `GET /regels/{id}` | the page that explains a rule (a match's `rule.urls`) |
extension Routes {
    static let jsonType = "application/json; charset=utf-8"

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: jsonType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A plain-text error, as LanguageTool answers a bad request.
    static func plain(_ message: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    /// `GET /v2/languages`.
    func languageToolLanguages() throws -> Response {
        try Routes.json(LanguageToolLanguage.all)
    }

    /// `POST /v2/check`: `application/x-www-form-urlencoded` (what every client sends), or the
    /// same fields as a query string.
    func languageToolCheck(_ request: Request) async throws -> Response {
        let limit = configuration.maxUploadBytes + Routes.formOverhead
        var fields: [String: String] = [:]
        if let query = request.uri.query, !query.isEmpty {
            fields = URLEncodedForm.fields(Array(query.utf8))
        }
        switch try await Routes.collect(request, limit: limit, deadline: configuration.bodyTimeout) {
        case let .complete(bytes):
            let contentType = (request.headers[.contentType] ?? "application/x-www-form-urlencoded").lowercased()
            if !bytes.isEmpty {
                guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
                    return Routes.plain("Error: send the fields as application/x-www-form-urlencoded", status: .unsupportedMediaType)
                }
                fields.merge(URLEncodedForm.fields(bytes)) { _, body in body }
            }
        case .tooLarge:
            return Routes.plain("Error: text larger than \(configuration.maxUploadBytes / 1_048_576) MB", status: .contentTooLarge)
        case .tooSlow:
            var response = Routes.plain("Error: the request body took too long", status: .requestTimeout)
            response.headers[.connection] = "close"
            return response
        }
        let check: LanguageToolRequest
        do {
            check = try LanguageToolRequest(fields: fields)
        } catch {
            return Routes.plain(error.message, status: .badRequest)
        }
        let base = Routes.baseURL(of: request)
        let response = languageTool.check(check) { id in "\(base)/regels/\(Routes.pathComponent(id))" }
        return try Routes.json(response)
    }

    /// `GET /regels/{id}`: one rule explained (why, legal basis, examples, exceptions, model article).
    func rulePage(_ request: Request, id: String) throws -> Response {
        guard let rule = service.engine.catalogue.rule(id) else { throw HTTPError(.notFound) }
        let language = Routes.language(of: request)
        return Routes.page(PageRenderer(language: language, maxUploadBytes: configuration.maxUploadBytes)
            .rule(rule, catalogue: service.engine.catalogue))
    }

    /// `http://` and the host the request was addressed to (this machine, or a name the server
    /// was told to answer to).
    static func baseURL(of request: Request) -> String {
        "http://\(request.head.authority ?? "127.0.0.1")"
    }

    /// A rule id as a path component: ids are lower-case words and hyphens; anything else is escaped.
    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
    }
}
