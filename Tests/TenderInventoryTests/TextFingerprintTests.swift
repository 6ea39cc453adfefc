import Foundation
import Testing
import TenderFormats
import TenderInventory

@Suite struct TextFingerprintTests {
    static let names = ["aanbesteding-jobcoaching-participatie", "inkoopdocument-jeugdhulp",
                        "programma-van-eisen-participatie", "raamovereenkomst-wmo-begeleiding"]

    func fingerprint(_ name: String, _ ext: String) throws -> TextFingerprint {
        TextFingerprint.of(try DocumentReader().read(path: InventoryFixture.samplesFolder + "/formats/" + name + "." + ext))
    }

    /// The bundled samples exist as DOCX, ODT, FODT, PDF and TXT of the same text.
    @Test(arguments: names)
    func oneTenderInEveryFormatIsOneDocument(_ name: String) throws {
        let docx = try fingerprint(name, "docx")
        for ext in ["odt", "fodt", "pdf", "txt"] {
            let other = try fingerprint(name, ext)
            #expect(docx.similarity(other) >= TextFingerprint.threshold, "\(name).\(ext): \(docx.similarity(other))")
        }
        let md = TextFingerprint.of(try DocumentReader().read(path: InventoryFixture.samplesFolder + "/" + name + ".md"))
        #expect(docx.similarity(md) >= TextFingerprint.threshold, "\(name).md: \(docx.similarity(md))")
    }

    @Test func differentTendersDiffer() throws {
        let prints = try Self.names.map { try fingerprint($0, "docx") }
        for i in prints.indices { for j in prints.indices where i < j {
            #expect(prints[i].similarity(prints[j]) < 0.2, "\(Self.names[i]) ~ \(Self.names[j]): \(prints[i].similarity(prints[j]))")
        } }
    }

    @Test func aChangedParagraphLowersTheSimilarity() {
        let base = (0..<200).map { "woord\($0 % 57)x\($0)" }
        var changed = base
        for i in 100..<130 { changed[i] = "anders\(i)" }
        let a = TextFingerprint.of(words: base), b = TextFingerprint.of(words: changed)
        #expect(a.similarity(a) == 1)
        #expect(a.similarity(b) < TextFingerprint.threshold)
        #expect(TextFingerprint(text: a.text) == a)
    }
}
