import Foundation
import Hummingbird

/// A team server's access token: every request needs `Authorization: Bearer TOKEN`, or basic
/// authentication with any user name and the token as password, so a colleague's browser asks
/// for it once (`WWW-Authenticate: Basic`). Compared in constant time; never logged.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let header = request.headers[.authorization], TokenMiddleware.accepts(header, token: token) {
            return try await next(request, context)
        }
        context.logger.notice("refused a request without a valid token", metadata: ["path": .string(request.uri.path)])
        return Response(status: .unauthorized,
                        headers: [.wwwAuthenticate: "Basic realm=\"tenderlint\", charset=\"UTF-8\"", .contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "Toegang alleen met het toegangstoken van deze server. / Access needs this server's token.\n")))
    }

    static func accepts(_ header: String, token: String) -> Bool {
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        switch parts[0].lowercased() {
        case "bearer":
            return equal(parts[1].trimmingCharacters(in: .whitespaces), token)
        case "basic":
            guard let data = Data(base64Encoded: parts[1].trimmingCharacters(in: .whitespaces)),
                  let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":") else { return false }
            return equal(String(pair[pair.index(after: colon)...]), token)
        default:
            return false
        }
    }

    /// Equality that takes as long for every string of the token's length.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// One structured log line per request: method, path (never the query, which can hold text),
/// status, duration and response size. No document contents, no headers, no token.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("access", metadata: [
            "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code), "ms": .string(String(format: "%.1f", ms)),
            "bytes": .string(response.headers[.contentLength] ?? "-"),
        ])
        return response
    }
}
