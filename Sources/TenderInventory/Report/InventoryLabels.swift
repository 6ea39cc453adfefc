import TenderRules
import TenderReport

/// Every text the inventory reports show, in Dutch and English, in one place.
struct InventoryLabels {
    let language: Language
    var en: Bool { language == .en }

    func t(_ nl: String, _ en: String) -> String { self.en ? en : nl }

    var title: String { t("Regeldruk in aanbestedingsdocumenten", "Regulatory burden in tender documents") }
    var unknown: String { t("onbekend", "unknown") }
    var documents: String { t("Documenten", "Documents") }
    var findings: String { t("Bevindingen", "Findings") }
    var municipalities: String { t("Gemeenten", "Municipalities") }
    var regions: String { t("Regio's", "Regions") }
    var topic: String { t("Onderwerp", "Topic") }
    var category: String { t("Categorie", "Category") }
    var municipality: String { t("Gemeente", "Municipality") }
    var region: String { t("Regio", "Region") }
    var year: String { t("Jaar", "Year") }
    var procedure: String { t("Procedure", "Procedure") }
    var providers: String { t("Aanbieders", "Providers") }
    var document: String { t("Document", "Document") }
    var hoursPerProvider: String { t("Uren per jaar per aanbieder", "Hours per year per provider") }
    var hoursAll: String { t("Uren per jaar, alle aanbieders", "Hours per year, all providers") }
    /// The average burden one provider has from one document: per-provider euros ÷ documents.
    var perTender: String { t("Per aanbieder per aanbesteding", "Per provider per tender") }
    var eurosAll: String { t("Kosten per jaar, alle aanbieders", "Cost per year, all providers") }

    func categoryName(_ key: String?) -> String {
        guard let key else { return unknown }
        return Category(rawValue: key)?.label(language) ?? key
    }

    /// The Standaardkostenmodel formula, in words.
    var formula: String {
        t("Kosten per jaar = tijd per handeling (uren) × frequentie per jaar × aantal aanbieders × uurtarief",
          "Cost per year = time per action (hours) × frequency per year × number of providers × hourly tariff")
    }

    /// The assumptions behind the figures, each one sentence, with the values in force.
    func assumptions(_ p: BurdenParameters) -> [String] {
        [
            t("Tijd per handeling en frequentie per jaar zijn schattingen per regel uit de regelcatalogus (veld burden), niet gemeten bij aanbieders.",
              "Time per action and frequency per year are per-rule estimates from the rule catalogue (field burden), not measured at providers."),
            t("Uurtarief: \(NumberText.euros(p.tariff, language)) per uur; \(Formatting.tariffAssumption(p.tariffWithSource, language)).",
              "Hourly tariff: \(NumberText.euros(p.tariff, language)) per hour; \(Formatting.tariffAssumption(p.tariffWithSource, language))."),
            t("Aantal aanbieders per aanbesteding: \(p.providersPerTender), tenzij de metadata van een document een ander aantal noemt (providers:). Aanname.",
              "Providers per tender: \(p.providersPerTender), unless a document's metadata names another number (providers:). An assumption."),
            t("Alleen documenten die gelezen konden worden en nog bestaan tellen mee; bevindingen die in het document zelf zijn onderdrukt tellen niet mee.",
              "Only documents that could be read and still exist are counted; findings suppressed in the document itself are not counted."),
        ]
    }
}
