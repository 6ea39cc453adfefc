import Foundation
import TenderDocument
import TenderLint
import TenderRules

/// What the parent asks a worker to do with one document. Sent as a JSON frame followed by a
/// frame with the document's bytes.
public struct WorkerRequest: Codable, Sendable, Equatable {
    public enum Task: String, Codable, Sendable {
        /// Read the document and send it back (the parent lints it).
        case read
        /// Read and lint the document with the worker's own engine.
        case lint
    }

    public var task: Task
    /// The name the document goes by in positions and messages (a path or a display name);
    /// the worker never opens it.
    public var name: String
    /// The language of reader messages, and of the findings for `.lint`.
    public var language: Language
    /// The reader's size limit.
    public var maxFileBytes: Int

    public init(task: Task, name: String, language: Language, maxFileBytes: Int) {
        self.task = task
        self.name = name
        self.language = language
        self.maxFileBytes = maxFileBytes
    }
}

/// A worker's answer to one request, sent as one JSON frame.
public enum WorkerReply: Codable, Sendable {
    /// `.read`: the document as read.
    case read(Document)
    /// `.lint`: the document as read and what the engine found in it.
    case linted(Document, DocumentResult)
    /// The reader refused the document: its one-line message (`name: reason`).
    case unreadable(String)
    /// The worker cannot do this task (e.g. `.lint` in a worker started without a catalogue).
    case refused(String)
}

/// The first frame a worker writes: it is ready for requests (its engine, if any, is compiled).
struct WorkerHello: Codable, Sendable {
    var pid: Int32
}

/// The JSON coding shared by both sides. Non-finite numbers (a burden computed as infinity)
/// survive the trip as strings instead of failing the encoding.
enum WorkerCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
