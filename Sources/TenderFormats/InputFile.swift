#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input file from disk: a regular file only, bounded in size.
public enum InputFile {

    /// The bytes of the regular file at `path`; refuses anything else and files larger than
    /// `maxBytes`.
    public static func contents(path: String, maxBytes: Int) throws(ReaderError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting;
        // O_NOCTTY: a terminal device never becomes our controlling terminal.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .notFound(path: path)
            case EACCES, EPERM: throw .unreadable(path: path, reason: .init("geen leesrechten", en: "no read permission"))
            case ENXIO: throw .unreadable(path: path, reason: .init("geen gewoon bestand (socket of apparaat)", en: "not a regular file (socket or device)"))
            default: throw .unreadable(path: path, reason: .init(String(cString: strerror(errno)), en: String(cString: strerror(errno))))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: .init("leesfout", en: "read error")) }
        if let kind = kind(info.st_mode) {
            throw .unreadable(path: path, reason: kind.nl == "map" ? .init("is een map", en: "is a folder")
                                  : .init("geen gewoon bestand (\(kind.nl))", en: "not a regular file (\(kind.en))"))
        }
        guard Int(info.st_size) <= maxBytes else {
            throw .limitExceeded(path: path, limit: .init("bestand groter dan \(maxBytes / 1_048_576) MiB", en: "file larger than \(maxBytes / 1_048_576) MiB"))
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
                throw .unreadable(path: path, reason: errno == EISDIR ? .init("is een map", en: "is a folder") : .init("leesfout", en: "read error"))
            }
            bytes.append(contentsOf: buffer[0..<n])
            guard bytes.count <= maxBytes else {
                throw .limitExceeded(path: path, limit: .init("bestand groter dan \(maxBytes / 1_048_576) MiB", en: "file larger than \(maxBytes / 1_048_576) MiB"))
            }
        }
        return bytes
    }

    /// The kind of a file that is not a regular file, in both languages; nil for a regular file.
    private static func kind(_ mode: mode_t) -> (nl: String, en: String)? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return ("map", "folder")
        case S_IFIFO: return ("FIFO", "FIFO")
        case S_IFCHR: return ("tekenapparaat", "character device")
        case S_IFBLK: return ("blokapparaat", "block device")
        case S_IFSOCK: return ("socket", "socket")
        default: return ("onbekend soort bestand", "unknown kind of file")
        }
    }
}
