import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderIsolation
import TenderLint

/// The worker pool against real worker processes of the built `tenderlint`: what a worker sends
/// back equals what this process would have read, and a worker that traps, hangs, runs out of
/// memory, exits or talks nonsense costs one job and one worker, never the caller.
@Suite struct WorkerPoolTests {
    @Test func aWorkerReadsWhatThisProcessReads() async throws {
        let pool = WorkerPool(command: WorkerFixture.command(), size: 1)
        defer { Task { await pool.shutdown() } }
        for sample in ["samples/formats/inkoopdocument-jeugdhulp.docx", "samples/raamovereenkomst-wmo-begeleiding.md"] {
            let bytes = [UInt8](try Data(contentsOf: WorkerFixture.root.appendingPathComponent(sample)))
            let reply = await pool.perform(WorkerFixture.read(sample), payload: bytes, timeLimit: .seconds(60))
            guard case let .success(.read(document)) = reply else { Issue.record("\(sample): \(reply)"); continue }
            let here = try DocumentReader().read(bytes: bytes, path: sample)
            #expect(document.blocks == here.blocks)
            #expect(document.contentHash == here.contentHash)
            #expect(document.format == here.format)
            #expect(!document.blocks.isEmpty)
        }
    }

    @Test func aWorkerLintsWhatThisProcessLints() async throws {
        let engine = try WorkerFixture.engine.get()
        let pool = WorkerPool(command: WorkerFixture.command(lints: true), size: 1)
        defer { Task { await pool.shutdown() } }
        let bytes = Array(WorkerFixture.text.utf8)
        let request = WorkerRequest(task: .lint, name: "concept.md", language: .en, maxFileBytes: 1_048_576)
        let reply = await pool.perform(request, payload: bytes, timeLimit: .seconds(120))
        guard case let .success(.linted(document, result)) = reply else { Issue.record("\(reply)"); return }
        let here = engine.lint(try DocumentReader().read(bytes: bytes, path: "concept.md"))
        #expect(!result.findings.isEmpty)
        #expect(result.findings == here.findings)
        #expect(result.checkedRules == here.checkedRules)
        #expect(document.blocks.count == 3)
    }

    @Test func anUnreadableDocumentIsTheReadersMessage() async {
        let pool = WorkerPool(command: WorkerFixture.command(), size: 1)
        defer { Task { await pool.shutdown() } }
        let reply = await pool.perform(WorkerFixture.read("brief.rtf"), payload: Array("{\\rtf1 hallo}".utf8), timeLimit: .seconds(60))
        guard case let .success(.unreadable(message)) = reply else { Issue.record("\(reply)"); return }
        #expect(message.hasPrefix("brief.rtf: niet ondersteund formaat"))
    }

    @Test func everyKindOfWorkerFailureCostsOneJobAndTheNextJobIsServed() async throws {
        let pool = WorkerPool(command: WorkerFixture.command(memoryMB: 1024), size: 1)
        defer { Task { await pool.shutdown() } }
        let good = Array(WorkerFixture.text.utf8)
        for kind in ["trap", "hang", "alloc", "exit", "garbage"] {
            try await pool.warmUp()
            let before = await pool.processIDs
            #expect(before.count == 1)
            let started = ContinuousClock.now
            let reply = await pool.perform(WorkerFixture.read("\(kind).md"), payload: WorkerFixture.crashing(kind), timeLimit: .seconds(3))
            let took = ContinuousClock.now - started
            switch (kind, reply) {
            case let ("trap", .failure(.crashed(signal, _))):
                #expect([SIGILL, SIGTRAP, SIGABRT].contains(signal), "signal \(signal)")
            case ("hang", .failure(.timedOut(seconds: 3))):
                #expect(took >= .seconds(3) && took < .seconds(30), "\(took)")
            case let ("alloc", .failure(failure)):
                #expect(failure != .timedOut(seconds: 3), "the memory limit, not the time limit, must stop it")
            case ("exit", .failure(.exited(status: 3, _))), ("garbage", .failure(.badReply)):
                break
            default:
                Issue.record("\(kind): unexpected \(reply)")
            }
            // The failed worker is gone for good: no process keeps spinning after its job.
            for pid in before { #expect(!WorkerFixture.isRunning(pid), "\(kind): worker \(pid) still runs") }
            guard case let .success(.read(document)) = await pool.perform(WorkerFixture.read("good.md"), payload: good, timeLimit: .seconds(60)) else {
                Issue.record("\(kind): the next document was not read")
                continue
            }
            #expect(document.blocks.count == 3)
            #expect(await pool.processIDs != before)
        }
        #expect(await pool.replacements == 5)
    }

    @Test func theMarkerIsOrdinaryTextWithoutTheSwitch() async {
        let pool = WorkerPool(command: WorkerFixture.command(crashSwitch: false), size: 1)
        defer { Task { await pool.shutdown() } }
        let reply = await pool.perform(WorkerFixture.read("trap.md"), payload: WorkerFixture.crashing("trap"), timeLimit: .seconds(60))
        guard case let .success(.read(document)) = reply else { Issue.record("\(reply)"); return }
        #expect(document.blocks.last?.text == "TENDERLINT-TEST-CRASH:trap")
        #expect(await pool.replacements == 0)
    }

    @Test func aWorkerKilledWhileIdleDoesNotFailTheNextDocument() async throws {
        let pool = WorkerPool(command: WorkerFixture.command(), size: 1)
        defer { Task { await pool.shutdown() } }
        try await pool.warmUp()
        let pid = try #require(await pool.processIDs.first)
        kill(pid, SIGKILL)
        while WorkerFixture.isRunning(pid) { try await Task.sleep(for: .milliseconds(20)) }
        let reply = await pool.perform(WorkerFixture.read("good.md"), payload: Array(WorkerFixture.text.utf8), timeLimit: .seconds(60))
        guard case .success(.read) = reply else { Issue.record("\(reply)"); return }
    }

    @Test func jobsRunInParallelUpToThePoolSize() async throws {
        let pool = WorkerPool(command: WorkerFixture.command(), size: 2)
        defer { Task { await pool.shutdown() } }
        try await pool.warmUp()
        // One worker hangs until its limit; the other meanwhile reads documents.
        // The hung job's limit is long, so that a busy machine cannot make the good documents
        // look as if they waited for it: they must all be back before it is stopped.
        let hungFor: Duration = .seconds(40)
        async let hung = pool.perform(WorkerFixture.read("hang.md"), payload: WorkerFixture.crashing("hang"), timeLimit: hungFor)
        let started = ContinuousClock.now
        for i in 0..<3 {
            let reply = await pool.perform(WorkerFixture.read("good-\(i).md"), payload: Array(WorkerFixture.text.utf8), timeLimit: .seconds(60))
            guard case .success(.read) = reply else { Issue.record("\(reply)"); return }
        }
        #expect(ContinuousClock.now - started < hungFor, "the good documents waited for the hung one")
        guard case .failure(.timedOut) = await hung else { Issue.record("the hang was not stopped by its limit"); return }
    }

    @Test func startFailuresAreReportedWithTheWorkersOwnWords() async {
        let missing = WorkerPool(command: WorkerCommand(executable: "/nonexistent/tenderlint", arguments: ["worker"]), size: 1)
        await #expect(throws: WorkerFailure.self) { try await missing.warmUp() }
        let reply = await missing.perform(WorkerFixture.read("a.md"), payload: [65], timeLimit: .seconds(5))
        guard case .failure(.startFailed) = reply else { Issue.record("\(reply)"); return }

        let broken = WorkerPool(command: WorkerCommand(executable: WorkerFixture.executable, arguments: ["worker", "--rules", "/nonexistent/rules"]), size: 1)
        do {
            try await broken.warmUp()
            Issue.record("a worker without its catalogue started")
        } catch {
            guard case let .startFailed(why) = error else { Issue.record("\(error)"); return }
            #expect(why.contains("exit 2"), "\(why)")
            #expect(why.contains("/nonexistent/rules"), "\(why)")
        }
    }

    /// The crash corpus of hostile inputs: today they trap, hang or exhaust memory in the reader;
    /// once the readers are fixed they are refused. Either way the answer comes within the time
    /// limit and the next document is read.
    @Test(.serialized, arguments: ["eocd-offset-past-end.docx", "docx-lvloverride-negative-ilvl.docx", "docx-start-intmax-overflow.docx",
                      "docx-letters-intmax-alloc.docx", "odf-start-intmax-overflow.fodt", "odf-start-intmin-overflow.fodt",
                      "odf-letters-intmax-alloc.fodt", "odf-letters-4e9-hang.fodt", "odt-letters-start-4294967296-hang.odt"])
    func crashersCostAtMostOneWorker(name: String) async throws {
        let pool = WorkerPool(command: WorkerFixture.command(crashSwitch: false, memoryMB: 1024), size: 1)
        defer { Task { await pool.shutdown() } }
        // The worker's start (a debug build loading its catalogue on a busy machine) is not the
        // job's time; the job's answer comes within its limit plus the time to stop the worker.
        try await pool.warmUp()
        let limit: Duration = .seconds(10)
        let started = ContinuousClock.now
        let reply = await pool.perform(WorkerFixture.read(name), payload: try WorkerFixture.crasher(name), timeLimit: limit)
        #expect(ContinuousClock.now - started < limit + .seconds(20), "\(name): no answer within the job's limit")
        switch reply {
        case .failure(.crashed), .failure(.exited), .failure(.timedOut), .success(.unreadable): break
        case .success(.read): break  // read after all (a reader fixed to recover)
        default: Issue.record("\(name): \(reply)")
        }
        let next = await pool.perform(WorkerFixture.read("good.md"), payload: Array(WorkerFixture.text.utf8), timeLimit: .seconds(60))
        guard case .success(.read) = next else { Issue.record("\(name): next document: \(next)"); return }
    }
}
