// The per-document shapes of the JSON, JSON Lines and SARIF reports written with `JSONOutput`: the
// same bytes as `JSONEncoder` gives for their `Codable` conformance (keys in UTF-8 byte order,
// nil optionals left out). These are the parts written once per document or finding; the parts
// written once per report still go through `JSONReport.encode`.

extension JSONReport.Location {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("column"); w.value(column)
        w.key("kind"); w.value(kind)
        w.member("line", line)
        w.member("page", page)
        w.member("paragraph", paragraph)
        w.member("path", path)
        w.closeObject()
    }
}

extension JSONReport.Basis {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.member("article", article)
        w.member("bwb", bwb)
        w.key("citation"); w.value(citation)
        w.key("law"); w.value(law)
        w.member("source", source)
        w.member("url", url)
        w.key("verification"); w.value(verification)
        w.closeObject()
    }
}

extension JSONReport.Burden {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("bearer"); w.value(bearer)
        w.key("eurosPerYear"); w.value(eurosPerYear)
        w.key("hoursPerOccurrence"); w.value(hoursPerOccurrence)
        w.key("hoursPerYear"); w.value(hoursPerYear)
        w.key("municipalities"); w.value(municipalities)
        w.key("occurrencesPerYear"); w.value(occurrencesPerYear)
        w.member("remainingHoursPerYear", remainingHoursPerYear)
        w.member("savedHoursPerYear", savedHoursPerYear)
        w.closeObject()
    }
}

extension JSONReport.ModelReference {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("id"); w.value(id)
        w.key("reason"); w.value(reason)
        w.key("ref"); w.value(ref)
        w.closeObject()
    }
}

extension JSONReport.ModelText {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("id"); w.value(id)
        w.key("text"); w.value(text)
        w.key("title"); w.value(title)
        w.closeObject()
    }
}

extension JSONReport.RuleEntry {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("category"); w.value(category)
        w.key("title"); w.value(title)
        w.key("topic"); w.value(topic)
        w.closeObject()
    }
}

extension JSONReport.FindingEntry {
    func write(to w: inout JSONOutput) {
        w.openObject()
        if let alternativeModel { w.key("alternativeModel"); alternativeModel.write(to: &w) }
        w.key("basis"); w.openArray()
        for b in basis { w.item(); b.write(to: &w) }
        w.closeArray()
        w.key("burden"); burden.write(to: &w)
        w.key("category"); w.value(category)
        w.member("clause", clause)
        w.key("end"); end.write(to: &w)
        w.key("fingerprint"); w.value(fingerprint)
        w.member("headingPath", headingPath)
        w.key("match"); w.value(match)
        w.key("message"); w.value(message)
        if let model { w.key("model"); model.write(to: &w) }
        if let period { w.key("period"); period.write(to: &w) }
        w.key("ruleId"); w.value(ruleId)
        w.key("severity"); w.value(severity)
        w.key("start"); start.write(to: &w)
        w.member("suppressed", suppressed)
        w.member("suppressionSource", suppressionSource)
        w.key("topic"); w.value(topic)
        w.closeObject()
    }
}

extension JSONReport.DocumentEntry {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("clauses"); w.value(clauses)
        w.key("contentHash"); w.value(contentHash)
        if let date { w.key("date"); date.write(to: &w) }
        w.key("domainSource"); w.value(domainSource)
        w.member("domains", domains)
        w.key("eurosPerYear"); w.value(eurosPerYear)
        w.key("findings"); w.openArray()
        for f in findings { w.item(); f.write(to: &w) }
        w.closeArray()
        w.key("format"); w.value(format)
        w.key("hoursPerYear"); w.value(hoursPerYear)
        w.key("lawDay"); w.value(lawDay)
        w.key("path"); w.value(path)
        w.member("warnings", warnings)
        w.closeObject()
    }
}

extension JSONReport.Line {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("document"); document.write(to: &w)
        w.key("modelTexts"); w.openObject()
        for k in JSONOutput.sortedKeys(modelTexts) { w.key(string: k); modelTexts[k]!.write(to: &w) }
        w.closeObject()
        w.key("rules"); w.openObject()
        for k in JSONOutput.sortedKeys(rules) { w.key(string: k); rules[k]!.write(to: &w) }
        w.closeObject()
        w.key("schemaVersion"); w.value(schemaVersion)
        w.key("type"); w.value(type)
        w.closeObject()
    }
}

extension SARIF.Result {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("level"); w.value(level)
        w.key("locations"); w.openArray()
        for l in locations { w.item(); l.write(to: &w) }
        w.closeArray()
        w.key("message"); w.openObject(); w.key("text"); w.value(message.text); w.closeObject()
        w.key("partialFingerprints"); w.openObject()
        for k in JSONOutput.sortedKeys(partialFingerprints) { w.key(string: k); w.value(partialFingerprints[k]!) }
        w.closeObject()
        w.key("properties"); properties.write(to: &w)
        w.key("ruleId"); w.value(ruleId)
        w.key("ruleIndex"); w.value(ruleIndex)
        if let suppressions {
            w.key("suppressions"); w.openArray()
            for s in suppressions {
                w.item(); w.openObject()
                w.key("justification"); w.value(s.justification)
                w.key("kind"); w.value(s.kind)
                w.key("status"); w.value(s.status)
                w.closeObject()
            }
            w.closeArray()
        }
        w.closeObject()
    }
}

extension SARIF.Location {
    func write(to w: inout JSONOutput) {
        w.openObject()
        if let logicalLocations {
            w.key("logicalLocations"); w.openArray()
            for l in logicalLocations {
                w.item(); w.openObject()
                w.key("fullyQualifiedName"); w.value(l.fullyQualifiedName)
                w.key("kind"); w.value(l.kind)
                w.key("name"); w.value(l.name)
                w.closeObject()
            }
            w.closeArray()
        }
        w.key("physicalLocation"); w.openObject()
        w.key("artifactLocation"); w.openObject(); w.key("uri"); w.value(physicalLocation.artifactLocation.uri); w.closeObject()
        if let region = physicalLocation.region {
            w.key("region"); w.openObject()
            w.member("endColumn", region.endColumn)
            w.member("endLine", region.endLine)
            w.member("startColumn", region.startColumn)
            w.key("startLine"); w.value(region.startLine)
            w.closeObject()
        }
        w.closeObject()
        w.closeObject()
    }
}

extension SARIF.ResultProperties {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.member("clause", clause)
        w.key("eurosPerYear"); w.value(eurosPerYear)
        w.member("headingPath", headingPath)
        w.key("hoursPerYear"); w.value(hoursPerYear)
        w.member("judgedBy", judgedBy)
        w.key("location"); location.write(to: &w)
        w.key("match"); w.value(match)
        w.member("model", model)
        if let period { w.key("period"); period.write(to: &w) }
        w.member("suppressionSource", suppressionSource)
        w.closeObject()
    }
}

extension JSONReport.Period {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.member("from", from)
        w.member("until", until)
        w.closeObject()
    }
}

extension JSONReport.DocumentDateEntry {
    func write(to w: inout JSONOutput) {
        w.openObject()
        w.key("day"); w.value(day)
        w.key("source"); w.value(source)
        w.member("yearOnly", yearOnly)
        w.closeObject()
    }
}
