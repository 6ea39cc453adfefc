import TenderLint
import TenderRules

/// The fixed words of the HTML report, Dutch or English, kept in one place.
struct HTMLLabels {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    private func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    var pageTitle: String { t("tenderlint — rapport", "tenderlint — report") }
    var summary: String { t("Samenvatting", "Summary") }
    var perCategory: String { t("Bevindingen per categorie", "Findings per category") }
    var perSeverity: String { t("Bevindingen per ernst", "Findings per severity") }
    var category: String { t("Categorie", "Category") }
    var severity: String { t("Ernst", "Severity") }
    var count: String { t("Aantal", "Count") }
    var hoursPerYear: String { t("Uur per jaar", "Hours per year") }
    var eurosPerYear: String { t("Euro per jaar", "Euros per year") }
    var total: String { t("Totaal", "Total") }
    var document: String { t("Document", "Document") }
    var format: String { t("Formaat", "Format") }
    var domain: String { t("Domein", "Domain") }
    var clauses: String { t("Clausules", "Clauses") }
    var rulesChecked: String { t("Regels gecontroleerd", "Rules checked") }
    var noDomain: String { t("niet herkend", "not recognised") }
    var detected: String { t("herkend in de tekst", "recognised in the text") }
    var given: String { t("opgegeven", "given") }
    var beforeFirstHeading: String { t("Vóór de eerste kop", "Before the first heading") }
    var rule: String { t("Regel", "Rule") }
    var place: String { t("Plaats", "Location") }
    var legalBasis: String { t("Grondslag", "Legal basis") }
    var modelArticle: String { t("Modelartikel", "Model article") }
    var alsoRelevant: String { t("Ook passend", "Also relevant") }
    var copyModel: String { t("Kopieer modelartikel", "Copy model article") }
    var copied: String { t("Gekopieerd", "Copied") }
    var burden: String { t("Last", "Burden") }
    var backToText: String { t("Terug naar de tekst", "Back to the text") }
    var finding: String { t("Bevinding", "Finding") }
    var findings: String { t("Bevindingen", "Findings") }
    var openHint: String { t("Open een bevinding voor de uitleg, de grondslag, het modelartikel en de last.",
                             "Open a finding for the explanation, the legal basis, the model article and the burden.") }
    var showInText: String { t("Toon in de tekst", "Show in the text") }
    var findingIndex: String { t("Bevindingen in dit document", "Findings in this document") }
    var findingsOutsideText: String { t("Bevindingen zonder plaats in de tekst", "Findings without a place in the text") }
    var silenced: String { t("Onderdrukte bevindingen", "Silenced findings") }
    var reason: String { t("reden", "reason") }
    var readerWarnings: String { t("Meldingen bij het lezen", "Notes from reading the file") }
    var unreadable: String { t("Niet gelezen", "Not read") }
    var noFindings: String { t("Geen bevindingen: in dit document is geen onnodige last gevonden.",
                               "No findings: no unnecessary burden was found in this document.") }
    var noneUnderFilter: String { t("Geen bevindingen binnen het gekozen filter.", "No findings match the chosen filter.") }
    var generatedBy: String { t("Gemaakt door tenderlint", "Made by tenderlint") }
    var estimateNote: String {
        t("Schatting volgens het Standaardkostenmodel: tijd per keer × aantal keer per jaar × uurtarief, per aanbieder.",
          "Estimate by the Standard Cost Model: time per occurrence × occurrences per year × hourly tariff, per provider.")
    }

    func verification(_ status: Verification) -> String {
        switch status {
        case .verified: return t("geverifieerd", "verified")
        case .partial: return t("deels geverifieerd", "partly verified")
        case .unverified: return t("niet geverifieerd", "not verified")
        }
    }

    func findingCount(_ n: Int) -> String {
        n == 1 ? t("1 bevinding", "1 finding") : t("\(n) bevindingen", "\(n) findings")
    }

    func documentCount(_ n: Int) -> String {
        n == 1 ? t("1 document", "1 document") : t("\(n) documenten", "\(n) documents")
    }

    func shown(_ shown: Int, of all: Int) -> String {
        t("Getoond: \(shown) van \(all) bevindingen (filter actief).", "Shown: \(shown) of \(all) findings (filter active).")
    }

    func totals(findings: Int, documents: Int, hours: String, euros: String, tariff: String, municipalities: String) -> String {
        t("\(findingCount(findings)) in \(documentCount(documents)). Geschatte last: \(hours) uur per aanbieder per jaar, \(euros) bij \(tariff)\(municipalities).",
          "\(findingCount(findings)) in \(documentCount(documents)). Estimated burden: \(hours) hours per provider per year, \(euros) at \(tariff)\(municipalities).")
    }

    func findingLink(_ number: Int, title: String) -> String {
        t("Bevinding \(number): \(title)", "Finding \(number): \(title)")
    }
}
