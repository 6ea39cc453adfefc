import Hummingbird

/// Turns anything a handler throws into a friendly page, so the user never sees a bare status
/// line: an unknown address becomes "page not found", anything else "something went wrong".
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    /// For the upload form on the error page.
    let maxUploadBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let language = Routes.language(of: request)
            let renderer = PageRenderer(language: language, maxUploadBytes: maxUploadBytes)
            let text = PageText(language)
            let message = error.status == .notFound ? text.notFound : text.internalError
            return Routes.page(renderer.error(message), status: error.status)
        } catch {
            context.logger.error("request failed: \(String(describing: error))")
            let language = Routes.language(of: request)
            return Routes.page(PageRenderer(language: language, maxUploadBytes: maxUploadBytes).error(PageText(language).internalError), status: .internalServerError)
        }
    }
}
