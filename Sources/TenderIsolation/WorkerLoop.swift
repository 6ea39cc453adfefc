import Foundation
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The worker's side: `tenderlint worker` reads requests on stdin and answers on stdout until
/// stdin closes. Everything risky about a document (its reader, its numbering, the engine on
/// its text) happens here, in a process the parent can lose.
public enum WorkerLoop {
    /// What the worker lints with, when it lints: the catalogue folder and the tariff.
    public struct Setup: Sendable {
        public var rulesFolder: String?
        public var tariff: Tariff

        public init(rulesFolder: String?, tariff: Tariff = .standard) {
            self.rulesFolder = rulesFolder
            self.tariff = tariff
        }
    }

    /// The largest request payload a worker accepts (well above every reader limit).
    static let maxPayloadBytes = 1 << 30

    /// Runs until stdin closes; returns the exit status. Message lines go to stderr.
    public static func run(_ setup: Setup) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        if let limit = environment[WorkerCommand.Variable.memoryLimit].flatMap(Int.init), limit > 0 {
            var value = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            #if canImport(Glibc)
            let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
            #else
            let resource = RLIMIT_AS
            #endif
            guard setrlimit(resource, &value) == 0 else {
                FileHandle.standardError.write(Data("tenderlint worker: setrlimit: \(String(cString: strerror(errno)))\n".utf8))
                return 2
            }
        }
        if let parent = environment[WorkerCommand.Variable.parent].flatMap(Int32.init) { watchParent(parent) }
        let crashSwitch = environment[WorkerCommand.Variable.testCrash] == "1"

        // Replies go to the original stdout only; anything else printed by accident goes to stderr.
        let replies = dup(1)
        dup2(2, 1)
        let requests: Int32 = 0

        // One engine for every language: findings are data, rendered by whoever shows them.
        var engine: Engine?
        if let folder = setup.rulesFolder {
            do {
                engine = Engine(catalogue: try Catalogue.load(from: folder), options: EngineOptions(tariff: setup.tariff))
            } catch {
                FileHandle.standardError.write(Data("tenderlint worker: \(error.description)\n".utf8))
                return 2
            }
        }

        let encoder = WorkerCoding.encoder()
        let decoder = WorkerCoding.decoder()
        do {
            try Frames.write(replies, Array(try encoder.encode(WorkerHello(pid: getpid()))))
            while true {
                let headerFrame: [UInt8]
                do { headerFrame = try Frames.read(requests, maxBytes: 1 << 20) } catch .closed { return 0 }
                let payload = try Frames.read(requests, maxBytes: maxPayloadBytes)
                let request = try decoder.decode(WorkerRequest.self, from: Data(headerFrame))
                if crashSwitch, let kind = TestCrash.kind(in: payload) { TestCrash.fail(kind, replies: replies) }
                let reply = handle(request, payload: payload, engine: engine)
                try Frames.write(replies, Array(try encoder.encode(reply)))
            }
        } catch {
            FileHandle.standardError.write(Data("tenderlint worker: \(error)\n".utf8))
            return 2
        }
    }

    static func handle(_ request: WorkerRequest, payload: [UInt8], engine: Engine?) -> WorkerReply {
        let english = request.language == .en
        let reader = DocumentReader(limits: InputLimits(maxFileBytes: request.maxFileBytes))
        let document: Document
        do { document = try reader.read(bytes: payload, path: request.name) } catch {
            return .unreadable(error.message(english: english))
        }
        switch request.task {
        case .read:
            return .read(document)
        case .lint:
            guard let engine else {
                return .refused(english ? "this worker was started without a catalogue" : "dit leesproces heeft geen regelcatalogus")
            }
            return .linted(document, engine.lint(document))
        }
    }

    /// Ends the worker soon after its parent is gone, even while a document keeps it busy.
    private static func watchParent(_ parent: Int32) {
        let thread = Thread {
            while getppid() == parent { sleep(1) }
            _exit(3)
        }
        thread.name = "tenderlint.worker.parent-watch"
        thread.start()
    }
}

/// The test-only crash switch. With `TENDERLINT_TEST_CRASH=1` in the worker's environment, a
/// document containing `TENDERLINT-TEST-CRASH:<kind>` makes the worker fail on purpose, so tests
/// can prove that any reader fault leaves the server and a scan standing:
///
/// | kind | what the worker does |
/// |---|---|
/// | `trap` | a Swift runtime trap (arithmetic overflow), as a reader bug would |
/// | `hang` | spins forever on the CPU; only the time limit ends it |
/// | `alloc` | allocates until the address-space limit stops it (refused without a limit) |
/// | `exit` | exits with status 3 in the middle of the job |
/// | `garbage` | answers with a frame that is not a reply |
///
/// Without the variable the marker is ordinary text.
enum TestCrash {
    enum Kind: String, CaseIterable {
        case trap, hang, alloc, exit, garbage
    }

    static let marker = Array("TENDERLINT-TEST-CRASH:".utf8)

    /// The kind named after the first marker in `bytes`, if any.
    static func kind(in bytes: [UInt8]) -> Kind? {
        guard bytes.count >= marker.count else { return nil }
        var i = 0
        while i <= bytes.count - marker.count {
            if bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) {
                let word = bytes[(i + marker.count)...].prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
                return Kind(rawValue: String(decoding: word, as: UTF8.self))
            }
            i += 1
        }
        return nil
    }

    static func fail(_ kind: Kind, replies: Int32) -> Never {
        switch kind {
        case .trap:
            // An overflow the optimiser cannot see through, trapping as a reader bug would.
            let big = Int(ProcessInfo.processInfo.processIdentifier) | Int.max / 2 + 1
            _ = big + big
            fatalError("TENDERLINT-TEST-CRASH: trap")
        case .hang:
            var counter: UInt64 = 0
            while true {
                counter &+= 1
                if counter == 0 { FileHandle.standardError.write(Data("still spinning\n".utf8)) }
            }
        case .alloc:
            var limit = rlimit()
            #if canImport(Glibc)
            getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
            #else
            getrlimit(RLIMIT_AS, &limit)
            #endif
            // Never eat the machine's memory: without a limit this kind does nothing dangerous.
            guard limit.rlim_cur != rlim_t.max else {
                FileHandle.standardError.write(Data("tenderlint worker: test crash 'alloc' needs a memory limit\n".utf8))
                Foundation.exit(4)
            }
            // Through the runtime's allocator, as a reader's array would. Only the first page of
            // each chunk is touched: the address-space limit counts what is allocated.
            while true {
                let chunk = UnsafeMutableRawPointer.allocate(byteCount: 64 * 1_048_576, alignment: 16)
                memset(chunk, 1, 4096)
            }
        case .exit:
            Foundation.exit(3)
        case .garbage:
            try? Frames.write(replies, Array("this is not a reply".utf8))
            while true { sleep(60) }
        }
    }
}
