import Foundation

/// Finds the bundled `rules/` folder: `--rules`, then `$TENDERLINT_RULES`, then `rules/` next to
/// or above the working directory, then `share/tenderlint/rules` beside the executable, then the
/// source checkout this binary was built from.
public enum CatalogueLocator {
    public static func locate(explicit: String?, sourceFile: String = #filePath) -> String? {
        let fm = FileManager.default
        func isCatalogue(_ p: String) -> Bool { fm.fileExists(atPath: p + "/topics.yml") }
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["TENDERLINT_RULES"], !env.isEmpty { return env }
        var dir = fm.currentDirectoryPath
        while !dir.isEmpty {
            if isCatalogue(dir + "/rules") { return dir + "/rules" }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir { break }
            dir = parent
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = executable.deletingLastPathComponent().appendingPathComponent("share/tenderlint/rules").path
        if isCatalogue(installed) { return installed }
        // Sources/TenderRules/Catalogue/CatalogueLocator.swift → the checkout's rules/.
        var source = URL(fileURLWithPath: sourceFile)
        for _ in 0..<4 { source.deleteLastPathComponent() }
        let checkout = source.appendingPathComponent("rules").path
        return isCatalogue(checkout) ? checkout : nil
    }
}
