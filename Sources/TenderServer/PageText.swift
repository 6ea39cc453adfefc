import TenderIsolation
import TenderRules

/// The fixed words of the web page, Dutch or English, kept in one place.
struct PageText {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    private func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    var title: String { t("tenderlint — controleer een inkoopdocument", "tenderlint — check a tender document") }
    var heading: String { t("Controleer een inkoopdocument", "Check a tender document") }
    var tagline: String {
        t("Vind eisen in uw concept die aanbieders onnodig belasten, met de wettelijke grondslag, een modelartikel en de geschatte last.",
          "Find requirements in your draft that burden providers needlessly, with the legal basis, a model article and the estimated burden.")
    }
    var skipToContent: String { t("Naar de inhoud", "Skip to content") }
    var otherLanguage: String { t("English", "Nederlands") }
    var otherLanguageCode: String { t("en", "nl") }
    var fileLegend: String { t("Bestand", "File") }
    func fileLabel(maxMB: Int) -> String {
        t("Kies een bestand: DOCX, ODT, FODT, PDF, TXT of MD (hoogstens \(maxMB) MB)",
          "Choose a file: DOCX, ODT, FODT, PDF, TXT or MD (at most \(maxMB) MB)")
    }
    var dropHint: String { t("U kunt het bestand ook hierheen slepen.", "You can also drag the file here.") }
    var pasteLegend: String { t("Of plak de tekst", "Or paste the text") }
    var pasteLabel: String { t("Tekst van het concept (wordt alleen gebruikt als u geen bestand kiest)",
                               "Text of the draft (used only when you choose no file)") }
    var submit: String { t("Controleren", "Check") }
    var privacy: String {
        t("Uw document blijft op deze computer. tenderlint leest het in het geheugen, bewaart het niet op schijf en stuurt niets over het internet.",
          "Your document stays on this computer. tenderlint reads it in memory, does not store it on disk and sends nothing over the internet.")
    }
    var footer: String { t("Deze pagina draait op uw eigen computer.", "This page runs on your own computer.") }
    var checkAnother: String { t("Nog een document controleren", "Check another document") }
    var download: String { t("Rapport downloaden", "Download the report") }
    var filters: String { t("Filteren", "Filter") }
    var category: String { t("Categorie", "Category") }
    var severity: String { t("Ernst", "Severity") }
    var applyFilter: String { t("Filter toepassen", "Apply filter") }
    var showAll: String { t("Alles tonen", "Show all") }
    var documentView: String { t("Het document met de bevindingen in de tekst", "The document with the findings in the text") }
    var resultTitle: String { t("Resultaat", "Result") }
    var backHome: String { t("Terug naar het begin", "Back to the start") }
    var pastedName: String { t("geplakte-tekst.txt", "pasted-text.txt") }

    // Errors: what happened and what the user can do.
    var errorTitle: String { t("Dit lukte niet", "That did not work") }
    var nothingSubmitted: String { t("Kies een bestand of plak tekst, en klik dan op Controleren.", "Choose a file or paste text, then click Check.") }
    func tooLarge(maxMB: Int) -> String {
        t("Het bestand is te groot. tenderlint leest bestanden tot \(maxMB) MB. Verklein het bestand (bijvoorbeeld zonder afbeeldingen) of controleer het per hoofdstuk.",
          "The file is too large. tenderlint reads files up to \(maxMB) MB. Make it smaller (for example without images) or check it chapter by chapter.")
    }
    var notAForm: String { t("Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.",
                             "The form did not arrive intact. Reload the page and try again.") }
    var unreadableIntro: String { t("Dit bestand kan tenderlint niet lezen:", "tenderlint cannot read this file:") }
    var unreadableAdvice: String {
        t("Sla het document op als .docx, .odt of .pdf met een tekstlaag, of plak de tekst in het tekstvak.",
          "Save the document as .docx, .odt or a PDF with a text layer, or paste the text into the text box.")
    }
    var busy: String { t("tenderlint controleert op dit moment al andere documenten. Probeer het over een minuut opnieuw.",
                         "tenderlint is busy checking other documents. Please try again in a minute.") }
    var timedOut: String { t("Het controleren duurde te lang en is afgebroken. Probeer een kleiner deel van het document.",
                             "Checking took too long and was stopped. Try a smaller part of the document.") }
    var tooSlow: String { t("Het bestand kwam te langzaam binnen en is niet gelezen. Probeer het opnieuw.",
                            "The file arrived too slowly and was not read. Please try again.") }
    var workerFailed: String { t("Dit document kon niet worden gelezen.", "This document could not be read.") }
    func workerFailedDetail(_ failure: WorkerFailure) -> String {
        if failure.ranOutOfMemory {
            return t("Het lezen had meer geheugen nodig dan tenderlint toestaat en is gestopt.",
                     "Reading it needed more memory than tenderlint allows and was stopped.")
        }
        return t("tenderlint liep vast op de inhoud van het bestand en heeft het lezen gestopt. Andere documenten kunt u gewoon controleren.",
                 "tenderlint broke down on the content of the file and stopped reading it. You can check other documents as usual.")
    }
    var workerFailedAdvice: String {
        t("Open het document in uw tekstverwerker en sla het opnieuw op als .docx, .odt of .pdf, of plak de tekst in het tekstvak. Blijft het gebeuren, meld het dan met het bestand erbij.",
          "Open the document in your word processor and save it again as .docx, .odt or .pdf, or paste the text into the text box. If it keeps happening, report it with the file.")
    }
    var notFound: String { t("Deze pagina bestaat niet (meer). Resultaten blijven een uur bewaard zolang tenderlint draait.",
                             "This page does not exist (any more). Results are kept for an hour while tenderlint runs.") }
    var wrongHost: String { t("Deze server beantwoordt alleen verzoeken aan dit apparaat (localhost).",
                              "This server only answers requests addressed to this machine (localhost).") }
    var crossOrigin: String { t("Dit formulier kwam van een andere website en is geweigerd.", "This form came from another website and was refused.") }
    var internalError: String { t("Er ging iets mis in tenderlint. Probeer het opnieuw; blijft het gebeuren, meld het dan met het bestand erbij.",
                                  "Something went wrong inside tenderlint. Try again; if it keeps happening, report it with the file.") }
}
