import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 exchanges over a plain loopback socket, for requests the test clients cannot make
/// (a foreign `Host` header, a body that trickles in). Bounded: a 60 s receive timeout and at
/// most 4 MB read; a failed receive is an error naming errno, never an empty answer.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs blocking socket work on a thread of its own, never on one of Swift's few cooperative
    /// threads: blocked there, it would starve the server under test that has to answer it.
    static func off<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }

    /// Sends `request` to `port` on 127.0.0.1 (or ::1) and returns the whole answer as text.
    static func exchange(port: Int, _ request: String) throws -> String {
        try exchange(port: port, bytes: Array(request.utf8))
    }

    /// Sends `bytes` and returns the whole answer as text.
    static func exchange(port: Int, bytes: [UInt8]) throws -> String {
        let fd = try connect(port: port)
        defer { close(fd) }
        try send(fd, bytes)
        return try receiveAll(fd)
    }

    /// Sends `head`, then `chunks` one by one with `interval` between them (stopping early when
    /// the server has closed), and returns the answer and how long the server took to give it.
    static func trickle(port: Int, head: String, chunks: [[UInt8]], interval: Duration) throws -> (answer: String, seconds: Double) {
        let fd = try connect(port: port)
        defer { close(fd) }
        let started = Date()
        try send(fd, Array(head.utf8))
        let milliseconds = Int32(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        for chunk in chunks {
            // Wait the interval, but stop sending as soon as an answer arrives: the server has
            // given up on the body.
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&probe, 1, milliseconds) > 0 { break }
            do { try send(fd, chunk) } catch { break }
        }
        let answer = try receiveAll(fd)
        return (answer, Date().timeIntervalSince(started))
    }

    static func connect(port: Int) throws -> Int32 {
        for (family, address) in [(AF_INET, "127.0.0.1"), (AF_INET6, "::1")] {
            let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { continue }
            // Generous: the test suite runs many servers at once on a loaded CI machine.
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let connected: Bool
            if family == AF_INET {
                var sa = sockaddr_in()
                sa.sin_family = sa_family_t(AF_INET)
                sa.sin_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET, address, &sa.sin_addr)
                connected = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 } }
            } else {
                var sa = sockaddr_in6()
                sa.sin6_family = sa_family_t(AF_INET6)
                sa.sin6_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET6, address, &sa.sin6_addr)
                connected = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 } }
            }
            guard connected else {
                close(fd)
                continue
            }
            return fd
        }
        throw Failure(description: "no loopback server on port \(port)")
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a server that closed the connection is an error here, not SIGPIPE.
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
            sent += n
        }
    }

    static func receiveAll(_ fd: Int32) throws -> String {
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while answer.count < 4 * 1_048_576 {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            // A reset after the whole answer arrived (the server closed with unread bytes) is fine.
            if n < 0 && errno == ECONNRESET && !answer.isEmpty { break }
            if n < 0 { throw Failure(description: "recv failed after \(answer.count) bytes: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A `multipart/form-data` POST to `/lint` with one file, as raw bytes.
    static func upload(port: Int, name: String, bytes: [UInt8], query: String = "", extraHeaders: [String] = []) -> [UInt8] {
        let boundary = "----rawBoundary0123456789"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var head = "POST /lint\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)\r\n"
        for header in extraHeaders { head += header + "\r\n" }
        return Array((head + "\r\n").utf8) + body
    }
}
