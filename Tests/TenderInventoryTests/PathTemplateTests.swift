import Testing
import TenderInventory

@Suite struct PathTemplateTests {
    @Test func readsTheLastComponentsOfThePath() throws {
        let template = try PathTemplate("{region}/{municipality}/{year}/*")
        let m = template.metadata(for: "corpus/Utrecht-Oost/Zeist/2025/bestek.docx")
        #expect(m == DocumentMetadata(municipality: "Zeist", region: "Utrecht-Oost", year: 2025))
    }

    @Test func worksFromAnyStartingFolder() throws {
        let template = try PathTemplate("{regio}/{gemeente}/{jaar}/*")
        #expect(template.metadata(for: "/data/a/b/Noord/Groningen/2024/x.pdf").municipality == "Groningen")
        #expect(template.metadata(for: "Noord/Groningen/2024/x.pdf").region == "Noord")
    }

    @Test func aPathThatDoesNotFitGivesNothing() throws {
        let template = try PathTemplate("{region}/{municipality}/{year}/*")
        #expect(template.metadata(for: "Zeist/2025/bestek.docx").isEmpty)
        // The year must be four digits.
        #expect(template.metadata(for: "Utrecht/Zeist/concept/bestek.docx").isEmpty)
    }

    @Test func placeholdersInsideAFileName() throws {
        let template = try PathTemplate("{municipality}_{year}_{procedure}.*")
        let m = template.metadata(for: "in/Den Haag_2023_open.docx")
        #expect(m == DocumentMetadata(municipality: "Den Haag", year: 2023, procedure: "open"))
    }

    @Test func unknownPlaceholderIsAnError() {
        #expect(throws: InventoryError.self) { try PathTemplate("{provincie}/*") }
        #expect(throws: InventoryError.self) { try PathTemplate("{municipality/*") }
        #expect(throws: InventoryError.self) { try PathTemplate("*/*") }
    }

    @Test func errorMessageIsOneLineNamingThePattern() {
        do {
            _ = try PathTemplate("{provincie}/*")
            Issue.record("expected an error")
        } catch {
            #expect(error.message().hasPrefix("--meta-template \"{provincie}/*\": onbekende plaatshouder {provincie}"))
            #expect(!error.message().contains("\n"))
        }
    }
}
