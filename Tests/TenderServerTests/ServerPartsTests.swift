import Foundation
import Testing
@testable import TenderServer

/// The server's parts on their own: the form parsers, display names, the job limiter and the
/// lint service's time limit and busy answer.
@Suite struct ServerPartsTests {
    @Test func multipartFormWithFileAndFields() throws {
        let body = Array(("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"C:\\map\\a %22b%22.docx\"\r\n"
            + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n"
            + "PK\u{3}\u{4}\r\n--Xy\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"tekst\"\r\n\r\nhallo\r\n--XyZ--\r\n").utf8)
        let form = try MultipartForm(body: body, boundary: "XyZ")
        #expect(form.parts.count == 2)
        let file = try #require(form.part("bestand"))
        #expect(file.filename == "C:\\map\\a %22b%22.docx")
        #expect(UploadName.sanitised(file.filename) == "a %22b%22.docx")
        #expect(Array(file.data) == Array("PK\u{3}\u{4}\r\n--Xy\r\n".utf8))
        #expect(form.part("tekst")?.text == "hallo")
    }

    @Test func multipartBoundaryAndBrokenBodies() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryabc") == "----WebKitFormBoundaryabc")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"q r\"") == "q r")
        #expect(MultipartForm.boundary(contentType: "application/json") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(throws: MultipartForm.Failure.noBoundary) { try MultipartForm(body: Array("geen".utf8), boundary: "b") }
        #expect(throws: MultipartForm.Failure.malformed("het formulier houdt halverwege op")) {
            try MultipartForm(body: Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc".utf8), boundary: "b")
        }
        let many = (0..<20).map { "--b\r\nContent-Disposition: form-data; name=\"f\($0)\"\r\n\r\nx\r\n" }.joined() + "--b--"
        #expect(throws: MultipartForm.Failure.tooManyParts) { try MultipartForm(body: Array(many.utf8), boundary: "b") }
    }

    @Test func displayNamesNeverCarryAPath() {
        #expect(UploadName.sanitised("../../etc/passwd") == "passwd")
        #expect(UploadName.sanitised("C:\\Users\\x\\Concept v2.docx") == "Concept v2.docx")
        #expect(UploadName.sanitised("a\u{0}b\u{202E}c<>.md") == "abc.md")
        #expect(UploadName.sanitised("...") == "document")
        #expect(UploadName.sanitised(nil) == "document")
        let long = UploadName.sanitised(String(repeating: "x", count: 300) + ".docx")
        #expect(long.count == UploadName.maxLength)
        #expect(long.hasSuffix("….docx"))
        #expect(UploadName.asciiFileName("Één concept (v2).docx") == "__n_concept__v2_.docx")
    }

    @Test func urlEncodedForms() {
        let fields = URLEncodedForm.fields(Array("tekst=De+aanbieder%20levert%E2%82%AC&lang=en&tekst=tweede&kapot=%zz%4".utf8))
        #expect(fields["tekst"] == "De aanbieder levert€")
        #expect(fields["lang"] == "en")
        #expect(fields["kapot"] == "%zz%4")
    }

    @Test func limiterBoundsRunningAndWaitingJobs() async {
        let limiter = JobLimiter(capacity: 1, maxWaiting: 1)
        #expect(await limiter.acquire())
        // The second waits in line until the first releases.
        let second = Task { await limiter.acquire() }
        while await limiter.waiting == 0 { await Task.yield() }
        // The line is full: a third is turned away at once.
        #expect(await limiter.acquire() == false)
        await limiter.release()
        #expect(await second.value)
        #expect(await limiter.running == 1)
        await limiter.release()
        #expect(await limiter.running == 0)
    }

    @Test func serviceAnswersBusyWhenTheLineIsFull() async throws {
        let configuration = ServerConfiguration(port: 0, maxConcurrentJobs: 1, maxWaitingJobs: 0)
        let service = LintService(engine: try ServerFixture.engine.get(), worker: ServerFixture.worker(), configuration: configuration)
        #expect(await service.limiter.acquire())
        let outcome = await service.lint(bytes: Array(ServerFixture.flaggedText.utf8), name: "a.md", language: .nl)
        guard case .busy = outcome else { Issue.record("expected busy, got \(outcome)"); return }
        await service.limiter.release()
        guard case let .linted(result, _, _) = await service.lint(bytes: Array(ServerFixture.flaggedText.utf8), name: "a.md", language: .nl) else {
            Issue.record("expected a result once the slot is free")
            return
        }
        #expect(!result.findings.isEmpty)
    }

    @Test func serviceAnswersTimedOutAndFreesTheSlotAfterwards() async throws {
        let configuration = ServerConfiguration(port: 0, jobTimeout: .milliseconds(100), maxConcurrentJobs: 1, maxWaitingJobs: 1)
        let service = LintService(engine: try ServerFixture.engine.get(), worker: ServerFixture.worker(), configuration: configuration)
        // Hold the only slot so the job waits in line past its time limit.
        #expect(await service.limiter.acquire())
        let outcome = await service.lint(bytes: Array(ServerFixture.flaggedText.utf8), name: "a.md", language: .nl)
        guard case .timedOut = outcome else { Issue.record("expected timedOut, got \(outcome)"); return }
        await service.limiter.release()
        // The abandoned job takes the slot, sees nobody waits for it and gives it back.
        let deadline = ContinuousClock.now + .seconds(10)
        while await service.limiter.running > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await service.limiter.running == 0)
    }

    @Test func unreadableMessageNamesOnlyTheDisplayName() async throws {
        let service = LintService(engine: try ServerFixture.engine.get(), worker: ServerFixture.worker(), configuration: ServerConfiguration(port: 0))
        let outcome = await service.lint(bytes: [0x7B, 0x5C, 0x72, 0x74, 0x66, 0x31], name: "brief.rtf", language: .en)
        guard case let .unreadable(message) = outcome else { Issue.record("expected unreadable, got \(outcome)"); return }
        #expect(message.hasPrefix("brief.rtf: unsupported format"))
    }
}
