import TenderDocument
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes its output: standard output, or the file named by `-o`, written
/// safely. Every command that writes `-o` (lint, baseline, inventory report) goes through here.
///
/// A file target is written to a new temporary file beside it (same folder, so the rename is
/// atomic), which takes the target's permissions when it exists, and is renamed into place only
/// when everything is written: a reader never sees half a report, and a failed run leaves the old
/// file as it was. Refused before anything is written: a target that is one of the inputs, a
/// symbolic link, or anything but a regular file (a FIFO, a device, a folder). A failed write
/// (to the file or to standard output, e.g. a full disk) is an error, never silent.
///
/// Not Sendable: one writer, used by one task.
public final class ReportOutput {
    /// Why output could not be written: one line, `path: reason`.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private let path: String?
    private let english: Bool
    private var temporary: String?
    private var fd: Int32
    private var finished = false

    /// Opens `path` (nil: standard output). `inputs` are the files and folders read in this run;
    /// an existing target that is one of them (the same file, by device and inode) is refused.
    public init(path: String?, inputs: [String] = [], english: Bool = false) throws(Failure) {
        self.path = path
        self.english = english
        guard let path else {
            fd = STDOUT_FILENO
            return
        }
        let shown = PathText.escaped(path)
        func fail(_ nl: String, _ en: String) -> Failure { Failure(message: "\(shown): " + (english ? en : nl)) }

        var mode: mode_t = 0o666 & ~ReportOutput.umaskValue
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFLNK: throw fail("is een symbolische koppeling; schrijf naar het bestand zelf",
                                     "is a symbolic link; write to the file itself")
            case S_IFDIR: throw fail("is een map", "is a folder")
            default: throw fail("geen gewoon bestand; er wordt niet naar geschreven", "not a regular file; not written to")
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                    throw fail("is een invoerbestand; de uitvoer zou het overschrijven",
                               "is an input file; the output would overwrite it")
                }
            }
            mode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw fail("kan niet schrijven (\(ReportOutput.reason(errno)))", "cannot write (\(ReportOutput.reason(errno)))")
        }

        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "." + name + ".tenderlint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw fail("kan niet schrijven (\(ReportOutput.reason(errno)))", "cannot write (\(ReportOutput.reason(errno)))")
        }
        // mkstemp creates the file 0600; give it the target's permissions (or the usual ones).
        _ = fchmod(descriptor, mode)
        fd = descriptor
        temporary = String(cString: template)
    }

    deinit {
        // Not finished (an error on the way): the temporary file goes, the target stays as it was.
        if let temporary, !finished {
            close(fd)
            unlink(temporary)
        }
    }

    /// Writes `text`; a failed write ends this output.
    public func write(_ text: String) throws(Failure) {
        try write(bytes: Array(text.utf8))
    }

    /// Writes `bytes`; a failed write ends this output.
    public func write(bytes: [UInt8]) throws(Failure) {
        var bytes = bytes
        guard !bytes.isEmpty else { return }
        var done = 0
        while done < bytes.count {
            // Safety: write(2) reads at most `count` bytes of the array lent for the call.
            let n = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            done += n
        }
    }

    /// Completes the output: the temporary file is renamed over the target.
    public func finish() throws(Failure) {
        guard let path, let temporary, !finished else { return }
        if fsync(fd) != 0, errno != EINVAL { throw failure(errno) }
        guard close(fd) == 0 else { throw failure(errno) }
        finished = true
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> Failure {
        let name = path.map(PathText.escaped) ?? (english ? "standard output" : "standaarduitvoer")
        return Failure(message: "\(name): " + (english ? "cannot write (\(ReportOutput.reason(code)))"
                                                       : "kan niet schrijven (\(ReportOutput.reason(code)))"))
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The process's umask, read once (reading it means setting it, so it is set straight back).
    private static let umaskValue: mode_t = {
        let current = umask(0o022)
        umask(current)
        return current
    }()

    /// Flushes C's standard output (where `print` writes) and says whether that or an earlier
    /// write failed: the check every command makes before it exits.
    public static func standardOutputFailed() -> Bool {
        fflush(stdout) != 0 || ferror(stdout) != 0
    }
}

/// write(2), named apart from `ReportOutput.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
