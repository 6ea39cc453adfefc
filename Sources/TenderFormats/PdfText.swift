import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs poppler's `pdftotext -bbox-layout` on a PDF in a child process and returns what it
/// writes: an XHTML page/flow/block/line/word tree with coordinates in points.
///
/// The child runs with a timeout (`InputLimits.pdfTimeoutSeconds`) and an output cap
/// (`InputLimits.maxPDFTextBytes`); past either it is killed. The PDF is written to a private
/// temporary file (mode 0600) that is removed afterwards; the child gets no input and no
/// network, and its messages are read only to recognise a password-protected PDF.
enum PdfText {
    static let tool = "pdftotext"
    static let package = "poppler-utils"

    /// - Parameter tool: the program to run; tests name a missing one to see the error.
    static func run(bytes: [UInt8], path: String, limits: InputLimits, tool: String = PdfText.tool) throws(ReaderError) -> [UInt8] {
        guard let executable = locate(tool) else {
            throw .toolMissing(path: path, tool: tool, package: PdfText.package)
        }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("tenderlint-\(UUID().uuidString).pdf")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable(path: path, reason: "tijdelijk bestand voor pdftotext niet te schrijven")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = executable
        // -bbox-layout: blocks, lines and words with coordinates; -enc UTF-8 whatever the locale.
        process.arguments = ["-bbox-layout", "-enc", "UTF-8", file.path, "-"]
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .toolMissing(path: path, tool: tool, package: PdfText.package)
        }
        let result = collect(process: process, stdout: stdout, stderr: stderr, limits: limits)
        process.waitUntilExit()

        switch result.stop {
        case .timeout:
            throw .limitExceeded(path: path, limit: "pdftotext duurde langer dan \(Int(limits.pdfTimeoutSeconds)) s")
        case .tooMuchOutput:
            throw .limitExceeded(path: path, limit: "PDF-tekst groter dan \(Archive.mebibytes(limits.maxPDFTextBytes))")
        case nil:
            break
        }
        let messages = String(decoding: result.stderr, as: UTF8.self)
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            throw .malformed(path: path, reason: "pdftotext brak af (signaal \(status))")
        }
        switch status {
        case 0:
            return result.stdout
        case 3:
            // poppler: "Error related to PDF permissions".
            throw .protected(path: path)
        default:
            if messages.contains("Incorrect password") || messages.localizedCaseInsensitiveContains("password") {
                throw .protected(path: path)
            }
            let first = messages.split(separator: "\n").first.map(String.init) ?? "afsluitcode \(status)"
            throw .malformed(path: path, reason: "pdftotext kan de PDF niet lezen: \(first)")
        }
    }

    /// Finds an executable on `PATH` (and in the usual system folders, for a bare environment).
    static func locate(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        var folders = path.split(separator: ":").map(String.init)
        folders += ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private enum Stop { case timeout, tooMuchOutput }

    /// Reads the child's stdout and stderr until both close, the deadline passes or stdout
    /// grows past the cap; kills the child in the last two cases.
    ///
    /// One thread, `poll(2)` on both pipes: no reader threads to synchronise, and neither pipe
    /// can fill up and stall the child.
    private static func collect(process: Process, stdout: Pipe, stderr: Pipe, limits: InputLimits)
        -> (stdout: [UInt8], stderr: [UInt8], stop: Stop?) {
        let deadline = Date().addingTimeInterval(limits.pdfTimeoutSeconds)
        let outFD = stdout.fileHandleForReading.fileDescriptor
        let errFD = stderr.fileHandleForReading.fileDescriptor
        var out: [UInt8] = [], err: [UInt8] = []
        var open: [Int32] = [outFD, errFD]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var stop: Stop?
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { stop = .timeout; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            // Safety: `fds` is a Swift array passed as a pointer for the duration of the call only.
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for pfd in fds where pfd.revents != 0 {
                // Safety: read(2) writes at most `count` bytes into the buffer it is lent for the call.
                let n = buffer.withUnsafeMutableBytes { read(pfd.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if pfd.fd == outFD { out.append(contentsOf: buffer[0..<n]) }
                    // Messages beyond 64 KiB are noise from a damaged file; keep the start.
                    else if err.count < 65_536 { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == pfd.fd }
                }
            }
            if out.count > limits.maxPDFTextBytes { stop = .tooMuchOutput; break }
        }
        if stop != nil, process.isRunning {
            // The child is ours and not yet reaped (its pipes are still open), so the pid is its.
            kill(process.processIdentifier, SIGKILL)
        }
        return (out, err, stop)
    }
}
