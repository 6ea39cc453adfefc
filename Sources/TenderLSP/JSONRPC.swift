import Foundation

/// JSON-RPC 2.0 messages with LSP's base protocol framing: `Content-Length: N\r\n\r\n` and N bytes
/// of JSON. Reads from a file descriptor (standard input) and writes whole messages under a lock.
final class JSONRPCChannel: @unchecked Sendable {
    private let input: FileHandle
    private let output: FileHandle
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    /// The largest message accepted (a whole document's text travels in one).
    static let maxMessageBytes = 64 * 1_048_576

    init(input: FileHandle, output: FileHandle) {
        self.input = input
        self.output = output
    }

    /// Why reading stopped.
    enum ReadFailure: Error {
        case endOfInput
        case badHeader(String)
        case tooLarge(Int)
        case notJSON
    }

    /// The next message as a JSON object.
    func read() throws(ReadFailure) -> [String: Any] {
        var length: Int?
        // Header lines until an empty one.
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw .badHeader(line) }
            if parts[0].lowercased() == "content-length" {
                guard let n = Int(parts[1]), n >= 0 else { throw .badHeader(line) }
                length = n
            }
        }
        guard let length else { throw .badHeader("no Content-Length") }
        guard length <= JSONRPCChannel.maxMessageBytes else { throw .tooLarge(length) }
        let body = try readBytes(length)
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { throw .notJSON }
        return object
    }

    private func fill() throws(ReadFailure) {
        let data = input.availableData
        if data.isEmpty { throw .endOfInput }
        buffer.append(contentsOf: data)
    }

    private func readLine() throws(ReadFailure) -> String {
        while true {
            if let i = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<i])
                buffer.removeSubrange(...i)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if buffer.count > 8192 { throw .badHeader("header line too long") }
            try fill()
        }
    }

    private func readBytes(_ n: Int) throws(ReadFailure) -> [UInt8] {
        while buffer.count < n { try fill() }
        let out = Array(buffer[..<n])
        buffer.removeSubrange(..<n)
        return out
    }

    /// Writes one message.
    func send(_ message: [String: Any]) {
        var object = message
        object["jsonrpc"] = "2.0"
        guard let body = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else { return }
        var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(body)
        lock.lock()
        defer { lock.unlock() }
        output.write(frame)
    }

    func respond(id: Any, result: Any) {
        send(["id": id, "result": result])
    }

    func respond(id: Any, errorCode: Int, message: String) {
        send(["id": id, "error": ["code": errorCode, "message": message]])
    }

    func notify(_ method: String, _ params: Any) {
        send(["method": method, "params": params])
    }
}
