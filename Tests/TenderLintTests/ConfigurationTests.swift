import Foundation
import Testing
@testable import TenderLint
import TenderRules

/// `.tenderlint.yml`: reading, positions of problems, and what it does to the engine options.
@Suite struct ConfigurationTests {
    func problems(_ yaml: String) -> [ConfigurationError.Problem] {
        do {
            _ = try ConfigurationLoader.parse(yaml, file: "/tmp/.tenderlint.yml")
            return []
        } catch let .invalid(problems) {
            return problems
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func aFullConfigurationReads() throws {
        let c = try ConfigurationLoader.parse("""
        version: 1
        domain: [jeugd, wmo]
        disable: [verantwoordingslast]
        enable: kwartaalrapportage
        severity:
          vog-kopie: error
        context:
          - rule: vog-kopie
            reason: "Onze Wmo-verordening vereist een VOG."
        """, file: "/tmp/x/.tenderlint.yml")
        #expect(c.domains == [.jeugd, .wmo])
        #expect(c.disable.map(\.name) == ["verantwoordingslast"])
        #expect(c.enable.map(\.name) == ["kwartaalrapportage"])
        #expect(c.severities.map(\.severity) == [.error])
        #expect(c.context.first?.reason == "Onze Wmo-verordening vereist een VOG.")
        #expect(c.context.first?.selector.line == 8)
    }

    @Test func unknownKeysAreErrorsWithLineAndColumn() {
        let found = problems("""
        domain: wmo
        disabel: [vog-kopie]
        context:
          - rule: vog-kopie
            reden: "x"
        """)
        #expect(found.map { $0.description(.nl) } == [
            "/tmp/.tenderlint.yml:2:1: onbekende sleutel 'disabel' (toegestaan: burden, context, disable, domain, enable, rule-folders, severity, version)",
            "/tmp/.tenderlint.yml:5:5: onbekende sleutel 'reden' in context (toegestaan: reason, rule)",
            "/tmp/.tenderlint.yml:4:5: een context-regel heeft een reden nodig ('reason'): pas toe of leg uit",
        ])
    }

    @Test func badValuesAreErrorsWithTheirPosition() {
        let found = problems("""
        domain: zorg
        severity: {vog-kopie: hoog}
        context:
          - rule: vog-kopie
            reason: "   "
        rule-folders: [bestaat-niet]
        version: 2
        """)
        let lines = found.map { "\($0.line):\($0.column) \($0.reason.text(.en))" }
        #expect(lines.contains("1:9 unknown domain 'zorg' (jeugd, wmo, participatie)"))
        #expect(lines.contains("2:23 unknown severity 'hoog' (error, warning, info)"))
        #expect(lines.contains("5:13 a context entry needs a reason ('reason'): comply or explain"))
        #expect(lines.contains("6:16 rule folder 'bestaat-niet' does not exist"))
        #expect(lines.contains("7:10 unsupported version '2' (supported: 1)"))
    }

    /// `burden: municipalities-per-provider` sets the factor of the burden estimates, unless the
    /// command line did; a value that is not a count is an error at its position.
    @Test func theMunicipalitiesFactorComesFromTheFileUnlessTheCommandLineSetsIt() throws {
        let c = try ConfigurationLoader.parse("burden:\n  municipalities-per-provider: 7\n", file: "/tmp/.tenderlint.yml")
        #expect(c.municipalitiesPerProvider == 7)
        let catalogue = try TestCatalogue.catalogue.get()
        #expect(try c.options(base: EngineOptions(), catalogue: catalogue).municipalitiesPerProvider == 7)
        var fromCommandLine = EngineOptions(municipalitiesPerProvider: 2)
        fromCommandLine.municipalitiesFromCommandLine = true
        #expect(try c.options(base: fromCommandLine, catalogue: catalogue).municipalitiesPerProvider == 2)
        #expect(try ConfigurationLoader.parse("version: 1\n", file: "/tmp/.tenderlint.yml").options(base: EngineOptions(), catalogue: catalogue)
            .municipalitiesPerProvider == BurdenDefaults.municipalitiesPerProvider)
        let bad = problems("burden:\n  municipalities-per-provider: 0\n  tarief: 60\n").map { "\($0.line):\($0.column) \($0.reason.text(.en))" }
        #expect(bad.contains("2:32 municipalities-per-provider: '0' is not a whole number from 1 to 1000"))
        #expect(bad.contains { $0.hasPrefix("3:3 unknown key 'tarief'") }, "\(bad)")
    }

    /// `burden: tariff` with its source and year sets the tariff of the estimates, unless the
    /// command line did; values out of range, and a source or year without a tariff, are errors
    /// at their position.
    @Test func theTariffWithItsSourceAndYearComesFromTheFileUnlessTheCommandLineSetsIt() throws {
        let c = try ConfigurationLoader.parse("burden:\n  tariff: 61.5\n  tariff-source: \" CAO Jeugdzorg \"\n  tariff-year: 2026\n", file: "/tmp/.tenderlint.yml")
        #expect(c.tariff == Tariff(eurosPerHour: 61.5, source: "CAO Jeugdzorg", year: 2026))
        let catalogue = try TestCatalogue.catalogue.get()
        #expect(try c.options(base: EngineOptions(), catalogue: catalogue).tariff == Tariff(eurosPerHour: 61.5, source: "CAO Jeugdzorg", year: 2026))
        var fromCommandLine = EngineOptions(tariff: Tariff(eurosPerHour: 40))
        fromCommandLine.tariffFromCommandLine = true
        #expect(try c.options(base: fromCommandLine, catalogue: catalogue).tariff == Tariff(eurosPerHour: 40))
        #expect(try ConfigurationLoader.parse("version: 1\n", file: "/tmp/.tenderlint.yml").options(base: EngineOptions(), catalogue: catalogue)
            .tariff == .standard)
        let bad = problems("burden:\n  tariff: 0\n  tariff-year: 1850\n").map { "\($0.line):\($0.column) \($0.reason.text(.en))" }
        #expect(bad == ["2:11 tariff: '0' is not an amount from 1 to 1000 euros per hour"], "\(bad)")
        let orphan = problems("burden:\n  tariff-source: CAO\n  tariff-year: 1850\n").map { "\($0.line):\($0.column) \($0.reason.text(.nl))" }
        #expect(orphan == ["2:18 tariff-source beschrijft het uurtarief: geef ook 'tariff'", "3:16 tariff-year beschrijft het uurtarief: geef ook 'tariff'"], "\(orphan)")
        let year = problems("burden:\n  tariff: 60\n  tariff-year: 1850\n").map { "\($0.line):\($0.column) \($0.reason.text(.en))" }
        #expect(year == ["3:16 tariff-year: '1850' is not a year from 1990 to 2100"], "\(year)")
    }

    @Test func invalidYAMLHasAPosition() {
        let found = problems("disable: [a, b\nenable: c\n")
        #expect(found.count == 1)
        #expect(found.first.map { $0.line > 1 } == true)
    }

    @Test func namesTheCatalogueDoesNotKnowAreErrors() throws {
        let c = try ConfigurationLoader.parse("disable: [vog-kopi]\nseverity: {vog-kopie: error}\n", file: "cfg.yml")
        let catalogue = try TestCatalogue.catalogue.get()
        do throws(ConfigurationError) {
            _ = try c.options(base: EngineOptions(), catalogue: catalogue)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "cfg.yml:1:11: 'vog-kopi' is geen regel-id, topic of categorie; zie `tenderlint rules`")
        }
    }

    @Test func mostSpecificNameWins() throws {
        let catalogue = try TestCatalogue.catalogue.get()
        let c = try ConfigurationLoader.parse("""
        disable: [wettelijk-geregeld, verantwoordingslast]
        enable: [vog-kopie]
        severity: {wettelijk-geregeld: info, vog-jeugd: error}
        context:
          - {rule: maand-kwartaalrapportage, reason: "Regionaal afgesproken."}
        domain: wmo
        """, file: "cfg.yml")
        let options = try c.options(base: EngineOptions(), catalogue: catalogue)
        #expect(options.disabledRules == ["kwartaalrapportage"])
        #expect(options.severityOverrides["vog-kopie"] == .error, "topic beats category")
        #expect(options.context == ["kwartaalrapportage": "Regionaal afgesproken."])
        #expect(options.domains == [.wmo])
        let forced = try c.options(base: EngineOptions(domains: [.jeugd]), catalogue: catalogue)
        #expect(forced.domains == [.jeugd], "--domain wins over the file")
    }

    @Test func builtInChecksAreAddressedByIdOnly() throws {
        let catalogue = try TestCatalogue.catalogue.get()
        let c = try ConfigurationLoader.parse("disable: [niet-standaard, suppressie-ongebruikt]\n", file: "cfg.yml")
        let options = try c.options(base: EngineOptions(), catalogue: catalogue)
        #expect(options.disabledRules == ["suppressie-ongebruikt"])
    }

    @Test func enabledAndDisabledAtOnceIsAnError() throws {
        let c = try ConfigurationLoader.parse("disable: [vog-kopie]\nenable: [vog-kopie]\n", file: "cfg.yml")
        #expect(throws: ConfigurationError.self) { try c.options(base: EngineOptions(), catalogue: try TestCatalogue.catalogue.get()) }
    }

    @Test func nearestConfigurationIsFoundWalkingUp() {
        let existing: Set<String> = ["/repo/.tenderlint.yml", "/repo/regio/.tenderlint.yml"]
        #expect(ConfigurationLoader.nearest(to: "/repo/regio/noord/bestek.md", isFile: existing.contains) == "/repo/regio/.tenderlint.yml")
        #expect(ConfigurationLoader.nearest(to: "/repo/docs/bestek.md", isFile: existing.contains) == "/repo/.tenderlint.yml")
        #expect(ConfigurationLoader.nearest(to: "/elders/bestek.md", isFile: existing.contains) == nil)
    }
}
