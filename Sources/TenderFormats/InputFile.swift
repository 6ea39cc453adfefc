#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file from disk: a regular file only, bounded in size.
public enum InputFile {
    /// The kind of a file that is not a regular file, in words for a message; nil for a
    /// regular file (a symbolic link is followed). For folder walks, which skip such entries.
    public static func irregularKind(atPath path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(info.st_mode)
    }

    /// The bytes of the regular file at `path`; refuses anything else and files larger than
    /// `maxBytes`.
    static func contents(path: String, maxBytes: Int) throws(ReaderError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting;
        // O_NOCTTY: a terminal device never becomes our controlling terminal.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .notFound(path: path)
            case EACCES, EPERM: throw .unreadable(path: path, reason: "geen leesrechten")
            case ENXIO: throw .unreadable(path: path, reason: "geen gewoon bestand (socket of apparaat)")
            default: throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: "leesfout") }
        if let kind = kind(info.st_mode) {
            throw .unreadable(path: path, reason: kind == "map" ? "is een map" : "geen gewoon bestand (\(kind))")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw .limitExceeded(path: path, limit: "bestand groter dan \(maxBytes / 1_048_576) MiB")
        }
        // A regular file never blocks; read until the end, at most one byte past the bound
        // (the file may grow while it is read).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // Safety: read(2) writes at most `count` bytes into the buffer lent for the call.
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .unreadable(path: path, reason: errno == EISDIR ? "is een map" : "leesfout")
            }
            bytes.append(contentsOf: buffer[0..<n])
            guard bytes.count <= maxBytes else {
                throw .limitExceeded(path: path, limit: "bestand groter dan \(maxBytes / 1_048_576) MiB")
            }
        }
        return bytes
    }

    private static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "map"
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "tekenapparaat"
        case S_IFBLK: return "blokapparaat"
        case S_IFSOCK: return "socket"
        default: return "onbekend soort bestand"
        }
    }
}
