import Foundation
import Hummingbird

/// One structured log line per request: method, path (never the query, which can hold text),
/// status, duration and response size. No document contents, no headers, no token or password.
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
