import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderIsolation
@testable import TenderServer

/// Uploads that crash, hang or exhaust a reader cost one worker process: the page answers with a
/// clean error, the next upload is served as usual, and the server is the same process.
@Suite struct ServerIsolationTests {
    static func upload(_ client: some TestClientProtocol, text: String, query: String = "") async throws -> TestResponse {
        try await client.execute(uri: "/lint\(query)", method: .post, headers: ServerFixture.multipartHeaders,
                                 body: ServerFixture.multipart(file: (name: "concept.md", bytes: Array(text.utf8))))
    }

    @Test func aCrashAndAHangAreAnsweredAndTheNextUploadGetsItsFindings() async throws {
        let server = try ServerFixture.server(maxConcurrentJobs: 1, jobTimeout: .seconds(4), worker: ServerFixture.worker(crashSwitch: true, memoryMB: 1024))
        let app = server.application()
        // The router framework has no client time-out: on a loaded machine a fresh worker's
        // start-up can take longer than the live client's 20 s.
        try await app.test(.router) { client in
            let crash = try await Self.upload(client, text: ServerFixture.flaggedText + "\n\nTENDERLINT-TEST-CRASH:trap\n")
            #expect(crash.status == .unprocessableContent)
            #expect(crash.text.contains("Dit document kon niet worden gelezen."))
            #expect(crash.text.contains("liep vast op de inhoud"))

            let started = ContinuousClock.now
            let hang = try await Self.upload(client, text: ServerFixture.flaggedText + "\n\nTENDERLINT-TEST-CRASH:hang\n", query: "?lang=en")
            #expect(hang.status == .serviceUnavailable)
            #expect(hang.text.contains("Checking took too long and was stopped"))
            #expect(ContinuousClock.now - started < .seconds(60))  // a fresh worker starts first (the crash before)

            let memory = try await Self.upload(client, text: ServerFixture.flaggedText + "\n\nTENDERLINT-TEST-CRASH:alloc\n", query: "?lang=en")
            #expect(memory.status == .unprocessableContent)
            #expect(memory.text.contains("This document could not be read."))

            // The worker that hung was killed: only the pool's current worker is alive.
            let good = try await Self.upload(client, text: ServerFixture.flaggedText)
            #expect(good.status == .ok)
            #expect(good.text.contains("<mark class=\"sev-"))
            #expect(await server.workers.replacements == 3)
            #expect(await server.workers.processIDs.count == 1)
        }
    }

    @Test func aTimedOutJobFreesItsSlotAtOnce() async throws {
        // One slot: if the hung worker kept it, the second upload would wait the whole limit too.
        let server = try ServerFixture.server(maxConcurrentJobs: 1, maxWaitingJobs: 4, jobTimeout: .seconds(3),
                                              worker: ServerFixture.worker(crashSwitch: true))
        try await server.warmUp()
        try await server.application().test(.router) { client in
            let hang = try await Self.upload(client, text: ServerFixture.flaggedText + "\n\nTENDERLINT-TEST-CRASH:hang\n")
            #expect(hang.status == .serviceUnavailable)
            let started = ContinuousClock.now
            let good = try await Self.upload(client, text: ServerFixture.flaggedText)
            #expect(good.status == .ok)
            // The fresh worker's start-up is not counted against the document, so it is served
            // even on a loaded machine; what must not happen is waiting for the hung job's limit.
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }

    @Test func postsFromAnyOtherOriginAreRefused() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // An empty form: accepted, it gets "nothing submitted" (400) without a worker; refused, 403.
            func post(origin: String?, site: String? = nil) async throws -> String {
                let form = "tekst="
                var head = "POST /lint HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
                head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n"
                if let origin { head += "Origin: \(origin)\r\n" }
                if let site { head += "Sec-Fetch-Site: \(site)\r\n" }
                let request = head + "\r\n" + form
                return try await RawHTTP.off { try RawHTTP.exchange(port: port, request) }
            }
            #expect(try await post(origin: "http://127.0.0.1:\(port)").hasPrefix("HTTP/1.1 400"))
            #expect(try await post(origin: "http://127.0.0.1:\(port)", site: "same-origin").hasPrefix("HTTP/1.1 400"))
            // curl and scripts send no Origin; they are not a browser page acting for its user.
            #expect(try await post(origin: nil).hasPrefix("HTTP/1.1 400"))
            for origin in ["null", "http://127.0.0.1:\(port == 65535 ? 1 : port + 1)", "http://127.0.0.1", "http://localhost:\(port)",
                           "https://127.0.0.1:\(port)", "http://127.0.0.1:\(port)/", "http://aanvaller.example", ""] {
                let answer = try await post(origin: origin)
                #expect(answer.hasPrefix("HTTP/1.1 403"), "Origin: \(origin) → \(answer.prefix(40))")
                #expect(answer.contains("andere website"))
            }
            #expect(try await post(origin: "http://127.0.0.1:\(port)", site: "same-site").hasPrefix("HTTP/1.1 403"))
            #expect(try await post(origin: "http://127.0.0.1:\(port)", site: "cross-site").hasPrefix("HTTP/1.1 403"))
        }
        typealias Origin = SecurityHeadersMiddleware<BasicRequestContext>.Origin
        #expect(Origin(serialized: "http://[::1]:8080") == Origin(scheme: "http", authority: "[::1]:8080"))
        #expect(Origin(serialized: "http://LOCALHOST") == Origin(scheme: "http", authority: "localhost:80"))
        #expect(Origin(serialized: "null") == nil)
        #expect(Origin(scheme: "http", authority: "127.0.0.1:99999") == nil)
    }

    @Test func aBodyThatTricklesInIsCutOff() async throws {
        let app = try ServerFixture.server(bodyTimeout: .milliseconds(2500)).application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // 100 bytes announced, 1 byte a second: the body would take 100 s.
            let head = "POST /lint HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntekst="
            let (answer, seconds) = try await RawHTTP.off { try RawHTTP.trickle(port: port, head: head, chunks: Array(repeating: [UInt8(ascii: "a")], count: 94), interval: .seconds(1)) }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(80))")
            #expect(answer.contains("te langzaam binnen"))
            // Without the limit the body would take 100 s; with it, 2.5 s on an idle machine (a busy
            // one has been seen to take 20).
            #expect(seconds < 60, "cut off after \(seconds) s")
            // The server goes on serving (on a new connection: the client's may have idled out).
            let home = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n") }
            #expect(home.hasPrefix("HTTP/1.1 200"), "\(home.prefix(200))")
        }
    }
}

/// The real `tenderlint serve`, started as a user would, with the test crash switch on.
@Suite struct ServeProcessTests {
    @Test func crashersAndDeliberateCrashesLeaveTheSameServerProcessServing() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerFixture.executable)
        process.arguments = ["serve", "--port", "0", "--rules", ServerFixture.root.appendingPathComponent("rules").path,
                             "--job-timeout", "4", "--worker-memory-mb", "1024"]
        var environment = ProcessInfo.processInfo.environment
        environment["TENDERLINT_TEST_CRASH"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let pid = process.processIdentifier
        // The first line names the address: `… open http://127.0.0.1:PORT/ in …`.
        let reader = output.fileHandleForReading
        let line = try await RawHTTP.off { () -> Data in
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                guard !chunk.isEmpty else { break }
                line += chunk
            }
            return line
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = try #require(text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "\(text)")

        let crasher = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TenderIsolationTests/Crashers/eocd-offset-past-end.docx")
        let uploads: [(String, [UInt8])] = [
            ("eocd-offset-past-end.docx", [UInt8](try Data(contentsOf: crasher))),
            ("trap.md", Array((ServerFixture.flaggedText + "\nTENDERLINT-TEST-CRASH:trap\n").utf8)),
            ("hang.md", Array((ServerFixture.flaggedText + "\nTENDERLINT-TEST-CRASH:hang\n").utf8)),
        ]
        for (name, bytes) in uploads {
            let answer = try await RawHTTP.off { try RawHTTP.exchange(port: port, bytes: RawHTTP.upload(port: port, name: name, bytes: bytes)) }
            #expect(answer.hasPrefix("HTTP/1.1 422") || answer.hasPrefix("HTTP/1.1 503"), "\(name): \(answer.prefix(60))")
            #expect(process.isRunning && process.processIdentifier == pid, "\(name) ended the server")
        }
        let good = try await RawHTTP.off { try RawHTTP.exchange(port: port, bytes: RawHTTP.upload(port: port, name: "concept.md", bytes: Array(ServerFixture.flaggedText.utf8))) }
        #expect(good.hasPrefix("HTTP/1.1 200"), "\(good.prefix(60))")
        #expect(good.contains("<mark class=\"sev-"))
        #expect(process.isRunning && process.processIdentifier == pid)
    }
}
