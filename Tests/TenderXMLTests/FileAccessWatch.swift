import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches one file for being opened or read, to prove that the parser never touches it.
///
/// On Linux this is inotify (`IN_OPEN | IN_ACCESS`), which sees every open by any process; on
/// other systems it reports nothing and the tests rely on the file's content not appearing.
final class FileAccessWatch {
    #if os(Linux)
    private let fd: Int32
    #endif

    struct WatchError: Error { let call: String }

    init(path: String) throws {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError(call: "inotify_init1") }
        guard inotify_add_watch(fd, path, UInt32(IN_OPEN) | UInt32(IN_ACCESS)) >= 0 else {
            close(fd)
            throw WatchError(call: "inotify_add_watch")
        }
        self.fd = fd
        #endif
    }

    /// Whether the file was opened or read since the watch began.
    func wasTouched() -> Bool {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        return n > 0
        #else
        return false
        #endif
    }

    deinit {
        #if os(Linux)
        close(fd)
        #endif
    }
}
