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
/// (`InputLimits.maxPDFTextBytes`); past either it is killed. The PDF goes to the child on its
/// standard input (`pdftotext - -`), never through a file; the child gets no network, and its
/// messages are read only to recognise a password-protected PDF.
enum PdfText {
    static let tool = "pdftotext"
    static let package = "poppler-utils"
    /// -bbox-layout: blocks, lines and words with coordinates; -enc UTF-8 whatever the locale;
    /// the PDF from standard input, the text to standard output.
    static let arguments = ["-bbox-layout", "-enc", "UTF-8", "-", "-"]

    /// - Parameter tool: the program to run; tests name a missing one to see the error.
    static func run(bytes: [UInt8], path: String, limits: InputLimits, tool: String = PdfText.tool) throws(ReaderError) -> [UInt8] {
        guard let executable = locate(tool) else {
            throw .toolMissing(path: path, tool: tool, package: PdfText.package)
        }
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        // The PDF comes on standard input ("-"), so no upload is ever written to disk.
        process.arguments = PdfText.arguments
        let stdin = Pipe()
        process.standardInput = stdin
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .toolMissing(path: path, tool: tool, package: PdfText.package)
        }
        // Only the child's copy of the read end stays open, so the child sees the end of its input.
        try? stdin.fileHandleForReading.close()
        let result = collect(process: process, input: bytes, stdin: stdin, stdout: stdout, stderr: stderr, limits: limits)
        process.waitUntilExit()

        switch result.stop {
        case .timeout:
            throw .limitExceeded(path: path, limit: .init("pdftotext duurde langer dan \(Int(limits.pdfTimeoutSeconds)) s", en: "pdftotext took longer than \(Int(limits.pdfTimeoutSeconds)) s"))
        case .tooMuchOutput:
            throw .limitExceeded(path: path, limit: .init("PDF-tekst groter dan \(Archive.mebibytes(limits.maxPDFTextBytes))", en: "PDF text larger than \(Archive.mebibytes(limits.maxPDFTextBytes))"))
        case nil:
            break
        }
        let messages = String(decoding: result.stderr, as: UTF8.self)
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            throw .malformed(path: path, reason: .init("pdftotext brak af (signaal \(status))", en: "pdftotext stopped (signal \(status))"))
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
            throw .malformed(path: path, reason: .init("pdftotext kan de PDF niet lezen: \(first)", en: "pdftotext cannot read the PDF: \(first)"))
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

    /// A write to a pipe whose reader has gone raises SIGPIPE, which ends the process unless it is
    /// ignored; ignored once, process-wide, the write fails with EPIPE instead (handled above).
    private static let ignoreBrokenPipes: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Writes `input` to the child's stdin and reads its stdout and stderr until both close, the
    /// deadline passes or stdout grows past the cap; kills the child in the last two cases.
    ///
    /// One thread, `poll(2)` on the three pipes (stdin non-blocking): no helper threads to
    /// synchronise, and no pipe can fill up and stall either side.
    private static func collect(process: Process, input: [UInt8], stdin: Pipe, stdout: Pipe, stderr: Pipe,
                                limits: InputLimits) -> (stdout: [UInt8], stderr: [UInt8], stop: Stop?) {
        let deadline = Date().addingTimeInterval(limits.pdfTimeoutSeconds)
        let inFD = stdin.fileHandleForWriting.fileDescriptor
        let outFD = stdout.fileHandleForReading.fileDescriptor
        let errFD = stderr.fileHandleForReading.fileDescriptor
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        var written = 0
        var inputOpen = true
        func closeInput() {
            guard inputOpen else { return }
            inputOpen = false
            try? stdin.fileHandleForWriting.close()
        }
        if input.isEmpty { closeInput() }
        var out: [UInt8] = [], err: [UInt8] = []
        var open: [Int32] = [outFD, errFD]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var stop: Stop?
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { stop = .timeout; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if inputOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            // Safety: `fds` is a Swift array passed as a pointer for the duration of the call only.
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for pfd in fds where pfd.revents != 0 {
                if pfd.fd == inFD {
                    // Safety: write(2) reads at most `count` bytes of the array lent for the call.
                    let n = input.withUnsafeBytes { all in
                        write(inFD, all.baseAddress! + written, min(all.count - written, 65_536))
                    }
                    if n > 0 { written += n }
                    // EPIPE: the child stopped reading (a broken PDF); its exit status tells why.
                    if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
                    continue
                }
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
        closeInput()
        if stop != nil, process.isRunning {
            // The child is ours and not yet reaped (its pipes are still open), so the pid is its.
            kill(process.processIdentifier, SIGKILL)
        }
        return (out, err, stop)
    }
}
