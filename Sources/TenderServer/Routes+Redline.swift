import Hummingbird
import TenderLint
import TenderRedline
import TenderRules

extension Routes {
    /// `GET /r/{id}/wijzigingen`: the upload handed back marked up, built in memory from the
    /// kept upload (DOCX, ODT, FODT: comments and tracked changes; text and Markdown: the
    /// corrected copy, or with `.diff` a unified diff). 404 when the format cannot be written or
    /// the upload is no longer kept. In the language of the page it was linked from. The copy is
    /// built under the same job limit as a lint (it inflates and parses the upload again), so
    /// parallel downloads cannot take more than the server's slots; 503 when the line is full.
    func redlined(_ entry: ResultStore.Entry, diff: Bool, language: Language) async throws -> Response {
        guard let source = entry.source, let result = entry.result.documents.first else { throw HTTPError(.notFound) }
        let options = RedlineOptions(author: "tenderlint", date: RedlineOptions.date(), language: language)
        guard await service.limiter.acquire() else { throw HTTPError(.serviceUnavailable) }
        let written = Result { () throws(RedlineError) in
            try Redliner.redline(input: source.bytes, document: source.document, findings: result.findings,
                                 text: FindingText(catalogue: service.engine.catalogue, language: language), options: options)
        }
        await service.limiter.release()
        let output: Redliner.Output
        switch written {
        case let .success(o): output = o
        case let .failure(error): throw HTTPError(.unprocessableContent, message: error.reason(english: language == .en))
        }
        let base = UploadName.asciiFileName(entry.displayName)
        var headers: HTTPFields = [:]
        let body: [UInt8]
        if diff {
            guard let text = output.text else { throw HTTPError(.notFound) }
            body = Array(text.diff(oldName: "a/" + base, newName: "b/" + base).utf8)
            headers[.contentType] = "text/x-diff; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(base).diff\""
        } else {
            body = output.bytes
            headers[.contentType] = output.mediaType
            headers[.contentDisposition] = "attachment; filename=\"\(Self.stem(base)).met-wijzigingen.\(output.fileExtension)\""
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A file name without its extension.
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
