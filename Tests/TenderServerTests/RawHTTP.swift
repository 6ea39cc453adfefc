import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a plain loopback socket, for requests the test clients cannot make
/// (a foreign `Host` header). Bounded: a 60 s receive timeout and at most 4 MB read; a failed
/// receive is an error naming errno, never an empty answer.
enum RawHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `request` to `port` on 127.0.0.1 (or ::1) and returns the whole answer as text.
    static func exchange(port: Int, _ request: String) throws -> String {
        for (family, address) in [(AF_INET, "127.0.0.1"), (AF_INET6, "::1")] {
            let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // Generous: the test suite runs many servers at once on a loaded CI machine.
            var timeout = timeval(tv_sec: 60, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let connected: Bool
            if family == AF_INET {
                var sa = sockaddr_in()
                sa.sin_family = sa_family_t(AF_INET)
                sa.sin_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET, address, &sa.sin_addr)
                connected = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 } }
            } else {
                var sa = sockaddr_in6()
                sa.sin6_family = sa_family_t(AF_INET6)
                sa.sin6_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET6, address, &sa.sin6_addr)
                connected = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0 } }
            }
            guard connected else { continue }
            let bytes = Array(request.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw Failure(description: "send failed: \(String(cString: strerror(errno)))") }
                sent += n
            }
            var answer: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while answer.count < 4 * 1_048_576 {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw Failure(description: "recv failed after \(answer.count) bytes: \(String(cString: strerror(errno)))") }
                if n == 0 { break }
                answer.append(contentsOf: buffer[0..<n])
            }
            return String(decoding: answer, as: UTF8.self)
        }
        throw Failure(description: "no loopback server on port \(port)")
    }
}
