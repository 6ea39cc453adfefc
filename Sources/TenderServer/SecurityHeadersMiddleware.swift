import Hummingbird

/// Adds the security headers to every response and refuses requests that were not addressed to
/// this machine (DNS rebinding) or that post a form from anywhere but this very page: the POST's
/// `Origin` must be the page's own origin exactly (scheme, host and port), so `Origin: null`
/// (a sandboxed frame, a `data:` page, a local file) and pages on other loopback ports are
/// refused too.
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
        } else if request.method == .post, !request.uri.path.hasPrefix("/v2/"), !SecurityHeadersMiddleware.isSameOrigin(request) {
            // The LanguageTool API (`/v2/`) is for other programs and changes nothing: a check
            // from another origin only gets an answer its page cannot read (no CORS headers).
            context.logger.notice("refused a POST from another origin", metadata: [
                "origin": .string(request.headers[.origin] ?? "-"), "host": .string(request.head.authority ?? "-"),
                "sec-fetch-site": .string(request.headers[.init("Sec-Fetch-Site")!] ?? "-"),
            ])
            response = Routes.page(PageRenderer(language: language, maxUploadBytes: maxUploadBytes).error(PageText(language).crossOrigin), status: .forbidden)
        } else {
            response = try await next(request, context)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.pagePolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        // Not `no-referrer`: under it browsers send `Origin: null` even with the page's own form
        // posts, and the exact origin check needs the real one. Other sites still get no referrer.
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// Whether a POST comes from the page itself. Browsers send `Origin` with every form POST;
    /// a request without one (curl, a script) is not a browser page acting for its user, and is
    /// let through. `Sec-Fetch-Site`, where sent, must agree.
    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[.init("Sec-Fetch-Site")!]?.lowercased(), site != "same-origin", site != "none" { return false }
        guard let origin = request.headers[.origin] else { return true }
        // Behind a TLS proxy the page's origin is https: the proxy says so.
        let scheme = request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https" ? "https" : "http"
        guard let authority = request.head.authority, let own = Origin(scheme: scheme, authority: authority),
              let claimed = Origin(serialized: origin) else { return false }
        return own == claimed
    }

    /// A serialised origin `scheme://host[:port]` (RFC 6454), with the default port filled in.
    struct Origin: Equatable {
        var scheme: String
        var host: String
        var port: Int

        /// From an `Origin` header; nil for `null` and anything that is not `scheme://authority`.
        init?(serialized: String) {
            guard let range = serialized.range(of: "://") else { return nil }
            let authority = serialized[range.upperBound...]
            guard !authority.isEmpty, !authority.contains("/") else { return nil }
            self.init(scheme: String(serialized[..<range.lowerBound]), authority: String(authority))
        }

        /// From a scheme and a `Host` header value.
        init?(scheme: String, authority: String) {
            let scheme = scheme.lowercased()
            let defaultPort: Int
            switch scheme {
            case "http": defaultPort = 80
            case "https": defaultPort = 443
            default: return nil
            }
            var host = authority.lowercased()
            var port = defaultPort
            let portStart: String.Index?
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { return nil }
                let after = host.index(after: close)
                portStart = after < host.endIndex ? after : nil
                if let p = portStart, host[p] != ":" { return nil }
            } else {
                portStart = host.lastIndex(of: ":")
            }
            if let p = portStart {
                guard let n = Int(host[host.index(after: p)...]), (0...65535).contains(n) else { return nil }
                port = n
                host = String(host[..<p])
            }
            guard !host.isEmpty else { return nil }
            self.scheme = scheme
            self.host = host
            self.port = port
        }
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
}
