import Foundation

/// Why a worker gave no answer for a document. The document is the likely cause; the worker is
/// replaced and the next document is read by a fresh one.
public enum WorkerFailure: Error, Sendable, Equatable {
    /// The worker died from a signal (a trap, an abort, a kill by the memory limit) while reading.
    /// `detail` is the runtime's last words on stderr, e.g. `Fatal error: Range requires …`.
    case crashed(signal: Int32, detail: String?)
    /// The worker exited with `status` while reading.
    case exited(status: Int32, detail: String?)
    /// The document took longer than the time limit; the worker was killed.
    case timedOut(seconds: Double)
    /// The worker did not start, or did not become ready within the start-up limit.
    case startFailed(String)
    /// The worker's answer could not be understood (or was larger than allowed).
    case badReply(String)

    /// Whether the runtime's last words say that memory ran out (the address-space limit).
    public var ranOutOfMemory: Bool {
        switch self {
        case let .crashed(_, detail?), let .exited(_, detail?):
            let lower = detail.lowercased()
            return lower.contains("allocat") || lower.contains("out of memory") || lower.contains("bad_alloc")
        default:
            return false
        }
    }

    /// The reason as one line without the document's name, Dutch unless `english`.
    public func reason(english: Bool = false) -> String {
        func t(_ nl: String, _ en: String) -> String { english ? en : nl }
        if ranOutOfMemory {
            return t("het lezen gebruikte meer geheugen dan toegestaan en is gestopt", "reading used more memory than allowed and was stopped")
        }
        switch self {
        case let .crashed(signal, detail):
            let name = WorkerFailure.signalName(signal)
            return t("het lezen liep vast op de inhoud (interne fout, \(name))", "reading broke down on the content (internal error, \(name))")
                + (detail.map { ": \($0)" } ?? "")
        case let .exited(status, detail):
            return t("het lezen brak af (uitgang \(status))", "reading stopped (exit \(status))") + (detail.map { ": \($0)" } ?? "")
        case let .timedOut(seconds):
            let shown = seconds.rounded() == seconds ? String(Int(seconds)) : String(format: "%.1f", seconds)
            return t("het lezen duurde langer dan \(shown) s en is gestopt", "reading took longer than \(shown) s and was stopped")
        case let .startFailed(why):
            return t("het leesproces startte niet (\(why))", "the reading process did not start (\(why))")
        case let .badReply(why):
            return t("onbegrijpelijk antwoord van het leesproces (\(why))", "unintelligible answer from the reading process (\(why))")
        }
    }

    /// `SIGSEGV` for 11, `signaal 42` for a number without a name.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL",
                                      11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ"]
        return names[signal] ?? "signal \(signal)"
    }
}
