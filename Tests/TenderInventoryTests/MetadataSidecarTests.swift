import Testing
import TenderInventory

@Suite struct MetadataSidecarTests {
    @Test func englishAndDutchKeys() throws {
        let a = try MetadataSidecar.parse("municipality: Zeist\nregion: Utrecht\nyear: 2025\nprocedure: open\nproviders: 40\n", path: "a.meta.yml")
        #expect(a == DocumentMetadata(municipality: "Zeist", region: "Utrecht", year: 2025, procedure: "open", providers: 40))
        let b = try MetadataSidecar.parse("gemeente: Zeist\nregio: Utrecht\njaar: 2025\naanbieders: 40\n", path: "b.meta.yml")
        #expect(b == DocumentMetadata(municipality: "Zeist", region: "Utrecht", year: 2025, providers: 40))
    }

    @Test func cpvCodesOneOrSeveral() throws {
        #expect(try MetadataSidecar.parse("cpv: 85311300\n", path: "c.meta.yml").cpv == "85311300")
        #expect(try MetadataSidecar.parse("cpv: 85311300, 85312400-3\n", path: "c.meta.yml").cpv == "85311300, 85312400-3")
    }

    @Test func emptyFileIsNoMetadata() throws {
        #expect(try MetadataSidecar.parse("", path: "e.meta.yml").isEmpty)
    }

    @Test func errorsNameFileAndLine() {
        func message(_ text: String) -> String {
            do {
                _ = try MetadataSidecar.parse(text, path: "x.docx.meta.yml")
                return ""
            } catch {
                return error.message()
            }
        }
        #expect(message("gemeente: Zeist\nprovincie: Utrecht\n").hasPrefix("x.docx.meta.yml:2: ongeldige metadata: onbekende sleutel 'provincie'"))
        #expect(message("jaar: twintig\n") == "x.docx.meta.yml:1: ongeldige metadata: 'jaar' moet een jaartal zijn, zoals 2025")
        #expect(message("providers: 0\n") == "x.docx.meta.yml:1: ongeldige metadata: 'providers' moet een geheel getal boven 0 zijn")
        #expect(message("- a\n- b\n").hasSuffix("verwacht sleutel: waarde-paren"))
        #expect(!message("a: [\n").contains("\n"))
    }

    @Test func sidecarWinsFieldByField() {
        let fromPath = DocumentMetadata(municipality: "Zeist", region: "Utrecht", year: 2024)
        let sidecar = DocumentMetadata(year: 2025, providers: 12)
        #expect(fromPath.overridden(by: sidecar) == DocumentMetadata(municipality: "Zeist", region: "Utrecht", year: 2025, providers: 12))
    }
}
