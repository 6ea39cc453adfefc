import Foundation
import TenderLint
import TenderRules

/// Number formatting shared by the human-readable reporters (Dutch: 1.234,5).
public enum Formatting {
    /// The period a rule holds for: `geldt vanaf 2026-01-01`, `geldt tot en met 2025-12-31`.
    public static func period(_ period: RulePeriod, _ language: Language) -> String {
        let en = language == .en
        switch (period.from, period.until) {
        case let (from?, until?): return en ? "applies from \(from) to \(until)" : "geldt van \(from) tot en met \(until)"
        case let (from?, nil): return en ? "applies from \(from)" : "geldt vanaf \(from)"
        case let (nil, until?): return en ? "applies until \(until)" : "geldt tot en met \(until)"
        case (nil, nil): return en ? "always applies" : "geldt altijd"
        }
    }

    /// Which day's law a document was judged by: its date and where it comes from, or today's.
    public static func judgedBy(_ document: DocumentResult, _ language: Language) -> String {
        let en = language == .en
        guard let date = document.date else {
            return en ? "no document date: today's law (\(document.lawDay))" : "geen documentdatum: het recht van vandaag (\(document.lawDay))"
        }
        return (en ? "document date " : "documentdatum ") + date.shown + " (" + date.source.label(english: en) + ")"
    }

    /// The summary's note on documents without a date, once per report; nil when every document had one.
    public static func undatedNote(_ totals: LintTotals, _ language: Language) -> String? {
        guard totals.undated > 0, let day = totals.undatedLawDay else { return nil }
        let n = totals.undated
        return language == .en
            ? "\(n) document\(n == 1 ? "" : "s") without a date, judged by today's law (\(day))"
            : "\(n) document\(n == 1 ? "" : "en") zonder datum, beoordeeld naar het recht van vandaag (\(day))"
    }
    public static func hours(_ value: Double, _ language: Language) -> String {
        number(value, decimals: 1, language)
    }

    public static func euros(_ value: Double, _ language: Language) -> String {
        "€ " + number(value, decimals: 0, language)
    }

    public static func number(_ value: Double, decimals: Int, _ language: Language) -> String {
        let rounded = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let whole = Int(rounded.rounded(.towardZero))
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = (language == .nl ? "." : ",") + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = (whole < 0 ? "-" : "") + digits + grouped
        guard decimals > 0 else { return grouped }
        let fraction = Int((abs(rounded - Double(whole)) * pow(10, Double(decimals))).rounded())
        let f = String(fraction)
        return grouped + (language == .nl ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
    }

    /// A finding's burden as its formula: time × frequency × municipalities = hours per year for
    /// the bearer (euros). Every factor is shown, so the figure can be checked and changed.
    static func burdenFormula(_ b: BurdenEstimate, _ language: Language) -> String {
        let h = number(b.hoursPerOccurrence, decimals: 1, language), f = number(b.occurrencesPerYear, decimals: 1, language)
        let m = municipalities(b.municipalities, language)
        return language == .en
            ? "\(h) hours × \(f) times per year × \(m) per provider = \(hours(b.hoursPerYear, language)) hours per year for the \(b.bearer) (\(euros(b.eurosPerYear, language)))"
            : "\(h) uur × \(f) keer per jaar × \(m) per aanbieder = \(hours(b.hoursPerYear, language)) uur per jaar voor de \(b.bearer) (\(euros(b.eurosPerYear, language)))"
    }

    /// "5 gemeenten" / "1 municipality".
    static func municipalities(_ n: Int, _ language: Language) -> String {
        language == .en ? "\(n) municipalit\(n == 1 ? "y" : "ies")" : "\(n) gemeente\(n == 1 ? "" : "n")"
    }

    /// ", 5 gemeenten per aanbieder" after a total, when the total has a burden.
    static func municipalitiesNote(_ n: Int?, _ language: Language) -> String {
        guard let n else { return "" }
        return ", " + municipalities(n, language) + (language == .en ? " per provider" : " per aanbieder")
    }

    /// "€ 54/uur" for the tariff of a total, or "verschillende uurtarieven" when its documents were
    /// estimated with different ones (a `.tenderlint.yml` per folder).
    static func tariffRate(_ totals: LintTotals, _ language: Language) -> String {
        if totals.tariffsDiffer { return language == .en ? "different hourly tariffs" : "verschillende uurtarieven" }
        let t = totals.tariff.eurosPerHour
        let amount = t == t.rounded() ? euros(t, language) : "€ " + number(t, decimals: 2, language)
        return amount + (language == .en ? "/hour" : "/uur")
    }

    /// "het uurtarief is een aanname: Handboek Meting Regeldrukkosten, niet geverifieerd": said
    /// beside every total in euros. The source and year are the user's (`--tariff-source`,
    /// `burden: tariff-source` …); the built-in default is called unverified (docs/burden.md).
    public static func tariffAssumption(_ totals: LintTotals, _ language: Language) -> String {
        let en = language == .en
        if totals.tariffsDiffer {
            return en ? "the tariffs are assumptions, set per folder in .tenderlint.yml" : "de uurtarieven zijn aannames, per map ingesteld in .tenderlint.yml"
        }
        return tariffAssumption(totals.tariff, language)
    }

    public static func tariffAssumption(_ tariff: Tariff, _ language: Language) -> String {
        let en = language == .en
        var parts: [String] = []
        if let source = tariff.source { parts.append(source) }
        if let year = tariff.year { parts.append(String(year)) }
        if tariff.isStandard { parts.append(en ? "not verified, year unknown" : "niet geverifieerd, jaar onbekend") }
        if parts.isEmpty { parts.append(en ? "no source given" : "zonder opgegeven bron") }
        return (en ? "the hourly tariff is an assumption: " : "het uurtarief is een aanname: ") + parts.joined(separator: ", ")
    }

    /// "2,5 uur per jaar; bespaard 57,5 uur (€ 3.105)": what the proposed model article still
    /// asks and what it saves, with the finding's factors; nil without a stated model burden.
    static func savedHours(_ b: BurdenEstimate, _ language: Language) -> String? {
        guard let remaining = b.remainingHoursPerYear, let saved = b.savedHoursPerYear, let euros = b.savedEurosPerYear else { return nil }
        return language == .en
            ? "\(hours(remaining, language)) hours per year remain; saved \(hours(saved, language)) hours (\(self.euros(euros, language)))"
            : "\(hours(remaining, language)) uur per jaar blijft; bespaard \(hours(saved, language)) uur (\(self.euros(euros, language)))"
    }
}

extension String {
    /// The text with its first letter upper case ("het uurtarief …" → "Het uurtarief …").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
