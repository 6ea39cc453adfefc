import Foundation

/// Validates SARIF text against the official SARIF 2.1.0 JSON schema (a copy of
/// `shared/schemas/sarif-2.1.0.json` in `Fixtures/`) with Python's `jsonschema` (Draft 7), run as
/// a child process. A missing Python or `jsonschema` is a failure, not a skip.
enum SARIFSchema {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sarif-2.1.0.json").path

    static let script = """
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    instance = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    for e in errors:
        print("/".join(map(str, e.absolute_path)) + ": " + e.message)
    sys.exit(1 if errors else 0)
    """

    /// The schema violations of `sarif`, one line each; empty when it is valid.
    /// - Throws: when the validator cannot run at all (no python3, no jsonschema).
    static func violations(_ sarif: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(sarif.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return []
        case 1 where !out.isEmpty: return out.split(separator: "\n").map(String.init)
        default: throw ValidatorFailure(message: "the SARIF validator did not run (exit \(process.terminationStatus)): \(err)")
        }
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
