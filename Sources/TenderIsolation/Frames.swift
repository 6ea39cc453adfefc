#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Length-prefixed frames over a pipe: an 8-byte big-endian length, then that many bytes.
/// Blocking; every call retries on `EINTR` and treats a short read or write as the end of the
/// conversation (the other side is gone).
enum Frames {
    /// Why a frame could not be moved.
    enum Failure: Error, Equatable {
        /// The pipe ended before a frame started (the other side closed it or died).
        case closed
        /// The pipe ended halfway through a frame.
        case truncated
        /// The frame announces more bytes than the reader accepts.
        case tooLarge(Int)
        /// A system call failed with this errno (e.g. `EPIPE` after the other side died).
        case system(Int32)
    }

    /// Writes one frame holding `bytes`.
    static func write(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        var length = UInt64(bytes.count).bigEndian
        let header = withUnsafeBytes(of: &length) { Array($0) }
        try writeAll(fd, header)
        try writeAll(fd, bytes)
    }

    /// Reads one frame of at most `maxBytes` bytes.
    static func read(_ fd: Int32, maxBytes: Int) throws(Failure) -> [UInt8] {
        let header = try readExactly(fd, count: 8, atFrameStart: true)
        let length = header.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(maxBytes) else { throw .tooLarge(length > UInt64(Int.max) ? Int.max : Int(length)) }
        return try readExactly(fd, count: Int(length), atFrameStart: false)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + sent, min(buffer.count - sent, 1 << 20))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            sent += n
        }
    }

    private static func readExactly(_ fd: Int32, count: Int, atFrameStart: Bool) throws(Failure) -> [UInt8] {
        if count == 0 { return [] }
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var got = 0
            while got < count {
                let n = systemRead(fd, buffer.baseAddress! + got, min(count - got, 1 << 20))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .system(errno)
                    break
                }
                if n == 0 {
                    failure = got == 0 && atFrameStart ? .closed : .truncated
                    break
                }
                got += n
            }
            initialized = got
        }
        if let failure { throw failure }
        return bytes
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
        #else
        return Darwin.write(fd, pointer, count)
        #endif
    }

    private static func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, pointer, count)
        #else
        return Darwin.read(fd, pointer, count)
        #endif
    }
}
