import Hummingbird

/// Adds the security headers to every response and refuses requests that were not addressed to
/// this machine (DNS rebinding) or that post a form from another website.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy of the web page: nothing inline, nothing from elsewhere, no framing.
    static var pagePolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    /// The policy of a downloaded HTML report, if a browser shows it instead of saving it: its
    /// inline stylesheet may apply, its inline script may not run.
    static var downloadPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    /// Host names besides loopback addresses that requests may be addressed to.
    let extraHosts: Set<String>
    /// For the upload form on the refusal page.
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        let language = Routes.language(of: request)
        if let authority = request.head.authority, !isAllowed(host: SecurityHeadersMiddleware.host(of: authority)) {
            response = Routes.page(PageRenderer(language: language, maxUploadBytes: maxUploadBytes).error(PageText(language).wrongHost), status: .misdirectedRequest)
        } else if request.method == .post, let origin = request.headers[.origin], origin != "null",
                  !isAllowed(host: SecurityHeadersMiddleware.host(of: SecurityHeadersMiddleware.stripScheme(origin))) {
            response = Routes.page(PageRenderer(language: language, maxUploadBytes: maxUploadBytes).error(PageText(language).crossOrigin), status: .forbidden)
        } else {
            response = try await next(request, context)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.pagePolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private func isAllowed(host: String) -> Bool {
        ServerConfiguration.isLoopback(host) || extraHosts.contains(host.lowercased())
    }

    /// The host part of an authority: `127.0.0.1:8080` → `127.0.0.1`, `[::1]:8080` → `::1`.
    static func host(of authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").lowercased()
    }

    /// `http://127.0.0.1:8080` → `127.0.0.1:8080`.
    static func stripScheme(_ origin: String) -> String {
        guard let range = origin.range(of: "://") else { return origin }
        return String(origin[range.upperBound...].prefix { $0 != "/" })
    }
}
