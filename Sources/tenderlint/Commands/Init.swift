import ArgumentParser
import Foundation
import TenderRules

/// `tenderlint init`: writes a commented `.tenderlint.yml` to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schrijf een .tenderlint.yml met uitleg bij elke instelling, om mee te beginnen.")

    @Option(name: .customLong("lang"), help: "Taal van de uitleg in het bestand: nl of en.")
    var language: Language = .nl

    @Argument(help: "Map waarin het bestand komt (standaard: de huidige map).")
    var folder: String = "."

    @Flag(help: "Overschrijf een bestaand .tenderlint.yml.")
    var force = false

    func run() throws {
        try exitingOnFailure {
            let en = language == .en
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw Failure.usage(en ? "\(folder): not a folder" : "\(folder): geen map")
            }
            let path = (folder as NSString).appendingPathComponent(".tenderlint.yml")
            if FileManager.default.fileExists(atPath: path), !force {
                throw Failure.usage(en ? "\(path): already exists (--force overwrites it)" : "\(path): bestaat al (--force overschrijft het)")
            }
            do {
                try Data(Init.template(english: en).utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw Failure.usage("\(path): \(error.localizedDescription)")
            }
            print(en ? "wrote \(path)" : "\(path) geschreven")
        }
    }

    /// The file: every setting commented out, with what it does. Loading it changes nothing.
    static func template(english en: Bool) -> String {
        if en {
            return """
            # tenderlint configuration. tenderlint uses the nearest .tenderlint.yml above each
            # document (or --config FILE). Every setting below is optional; remove the # to use it.
            version: 1

            # Assume these domains instead of detecting them from the text (--domain wins):
            # jeugd (Jeugdwet), wmo (Wmo 2015), participatie (Participatiewet).
            # domain: [jeugd, wmo]

            # Switch off rules, topics or categories (see `tenderlint rules`).
            # disable: [verantwoordingslast]

            # Switch a rule back on inside a disabled topic or category.
            # enable: [eigen-productcodes]

            # Another severity (error, warning, info) for a rule, topic or category.
            # severity:
            #   vog-afschriften-jeugd: error

            # Folders with your region's own rule files, relative to this file.
            # rule-folders: [regels]

            # The burden estimates: municipalities a provider works for, each repeating a demand
            # (default 5), and the hourly tariff with its source and year. Every euro figure is an
            # assumption; the reports name the tariff's source beside it (--tariff wins).
            # burden:
            #   municipalities-per-provider: 5
            #   tariff: 54
            #   tariff-source: "Handboek Meting Regeldrukkosten"
            #   tariff-year: 2026

            # Municipal context: a rule that does not apply here, with the reason ("pas toe of
            # leg uit"). Its findings are silenced and listed with the reason in every report.
            # context:
            #   - rule: vog-wmo-zonder-verordening
            #     reason: "Our Wmo by-law requires a certificate of conduct for staff in clients' homes."

            """
        }
        return """
        # Instellingen van tenderlint. tenderlint gebruikt het dichtstbijzijnde .tenderlint.yml boven
        # elk document (of --config BESTAND). Alles hieronder is optioneel; haal de # weg om het te gebruiken.
        version: 1

        # Ga uit van deze domeinen in plaats van ze uit de tekst te herkennen (--domain gaat voor):
        # jeugd (Jeugdwet), wmo (Wmo 2015), participatie (Participatiewet).
        # domain: [jeugd, wmo]

        # Zet regels, topics of categorieën uit (zie `tenderlint rules`).
        # disable: [verantwoordingslast]

        # Zet één regel weer aan binnen een uitgezet topic of een uitgezette categorie.
        # enable: [eigen-productcodes]

        # Een andere ernst (error, warning, info) voor een regel, topic of categorie.
        # severity:
        #   vog-afschriften-jeugd: error

        # Mappen met eigen regelbestanden van uw regio, ten opzichte van dit bestand.
        # rule-folders: [regels]

        # De lastenschatting: gemeenten per aanbieder die elk een eis herhalen (standaard 5), en het
        # uurtarief met bron en jaar. Elk bedrag is een aanname; de rapporten noemen de bron van het
        # uurtarief ernaast (--tariff gaat voor).
        # burden:
        #   municipalities-per-provider: 5
        #   tariff: 54
        #   tariff-source: "Handboek Meting Regeldrukkosten"
        #   tariff-year: 2026

        # Gemeentelijke context: een regel die hier niet opgaat, met de reden ("pas toe of leg uit").
        # Bevindingen ervan worden onderdrukt en met de reden in elk rapport genoemd.
        # context:
        #   - rule: vog-wmo-zonder-verordening
        #     reason: "Onze Wmo-verordening vereist een VOG voor medewerkers bij cliënten thuis."

        """
    }
}
