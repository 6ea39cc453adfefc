import TenderXML

/// The numbering definitions of a DOCX (`word/numbering.xml`) and the counters Word keeps while
/// it lays the document out, to reconstruct the number it shows in front of a paragraph.
///
/// Word's model: a paragraph names a numbering instance (`w:num`, by `numId`) and a level
/// (`ilvl`). Instances point at an abstract definition (`w:abstractNum`) that holds, per level,
/// the start value, the number format and the label text (`%1.%2.`). Instances of the same
/// abstract definition share their counters; an instance with a `w:startOverride` restarts them
/// the first time it is used. Raising a level restarts the levels below it (unless
/// `w:lvlRestart` says otherwise).
struct DocxNumbering {
    struct Level {
        var start = 0
        var format = ListNumberFormat.decimal
        var text = ""
        /// `w:isLgl`: every placeholder in the label is written as a decimal.
        var legal = false
        /// `w:lvlRestart`: restart after this 1-based level; 0 never restarts; nil: after any higher level.
        var restartAfter: Int?
        /// `w:pStyle`: the paragraph style linked to this level.
        var style: String?
    }

    private struct Instance {
        var abstractId: String
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    /// Counters per abstract definition and level; nil: not started since the last restart.
    private var counters: [String: [Int?]] = [:]
    private var usedInstances = Set<String>()

    init(_ root: XMLTree.Element?, w: String) {
        guard let root else { return }
        for abstract in root.elements("abstractNum", namespace: w) {
            guard let id = abstract.attribute("abstractNumId", namespace: w) else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.elements("lvl", namespace: w) {
                guard let ilvl = DocxNumbering.levelIndex(lvl.attribute("ilvl", namespace: w)) else { continue }
                levels[ilvl] = DocxNumbering.level(lvl, w: w)
            }
            abstracts[id] = levels
        }
        for num in root.elements("num", namespace: w) {
            guard let id = num.attribute("numId", namespace: w),
                  let abstractId = num.element("abstractNumId", namespace: w)?.attribute("val", namespace: w) else { continue }
            var instance = Instance(abstractId: abstractId)
            for override in num.elements("lvlOverride", namespace: w) {
                guard let ilvl = DocxNumbering.levelIndex(override.attribute("ilvl", namespace: w)) else { continue }
                if let start = override.element("startOverride", namespace: w)?.attribute("val", namespace: w).flatMap({ Int($0) }) {
                    instance.startOverrides[ilvl] = ListNumberFormat.clamped(start)
                }
                if let lvl = override.element("lvl", namespace: w) {
                    instance.levelOverrides[ilvl] = DocxNumbering.level(lvl, w: w)
                }
            }
            instances[id] = instance
        }
    }

    /// A level index from the document (`w:ilvl`): Word has levels 0 to 8; others are ignored.
    private static func levelIndex(_ value: String?) -> Int? {
        guard let n = value.flatMap({ Int($0) }), (0...8).contains(n) else { return nil }
        return n
    }

    private static func level(_ lvl: XMLTree.Element, w: String) -> Level {
        var level = Level()
        level.start = ListNumberFormat.clamped(lvl.element("start", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) } ?? 0)
        level.format = ListNumberFormat(docx: lvl.element("numFmt", namespace: w)?.attribute("val", namespace: w))
        level.text = lvl.element("lvlText", namespace: w)?.attribute("val", namespace: w) ?? ""
        if let legal = lvl.element("isLgl", namespace: w) {
            level.legal = legal.attribute("val", namespace: w).map { $0 != "0" && $0 != "false" } ?? true
        }
        level.restartAfter = lvl.element("lvlRestart", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) }
        level.style = lvl.element("pStyle", namespace: w)?.attribute("val", namespace: w)
        return level
    }

    private func levelDefinition(_ instance: Instance, _ ilvl: Int) -> Level? {
        instance.levelOverrides[ilvl] ?? abstracts[instance.abstractId]?[ilvl]
    }

    /// The level that a style is linked to in instance `numId` (`w:pStyle` in a level).
    func level(linkedTo style: String?, numId: String) -> Int? {
        guard let style, let instance = instances[numId], let levels = abstracts[instance.abstractId] else { return nil }
        return levels.first { $0.value.style == style }?.key
    }

    /// Advances the counters for a paragraph numbered (`numId`, `ilvl`) and returns the label Word
    /// shows, e.g. `"3.2"` or `"Artikel 4"`; nil for bullets, `numId` 0 and unknown numbering.
    mutating func next(numId: String, ilvl rawLevel: Int) -> String? {
        guard numId != "0", let instance = instances[numId] else { return nil }
        let ilvl = min(max(rawLevel, 0), 8)
        guard let level = levelDefinition(instance, ilvl) else { return nil }
        let key = instance.abstractId
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        if usedInstances.insert(numId).inserted {
            for (overridden, _) in instance.startOverrides where overridden < 9 { values[overridden] = nil }
        }
        let start = instance.startOverrides[ilvl] ?? level.start
        values[ilvl] = values[ilvl].map { ListNumberFormat.counted(after: $0) } ?? start
        for deeper in (ilvl + 1)..<9 {
            let restart = levelDefinition(instance, deeper)?.restartAfter
            // lvlRestart is 1-based: restart after level r means when a level <= r (1-based) counts.
            if restart == nil || (restart! > 0 && ilvl + 1 <= restart!) { values[deeper] = nil }
        }
        counters[key] = values
        // A bullet (or a fixed text with no counter) is not a number: no label.
        if level.format == .none, !level.text.contains("%") { return nil }
        return render(level.text, values: values, instance: instance, legal: level.legal)
    }

    private func render(_ text: String, values: [Int?], instance: Instance, legal: Bool) -> String? {
        var out = ""
        var chars = Substring(text)
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "%", let digit = chars.first, let n = digit.wholeNumberValue, (1...9).contains(n) {
                chars = chars.dropFirst()
                let level = n - 1
                let definition = levelDefinition(instance, level)
                let value = values[level] ?? instance.startOverrides[level] ?? definition?.start ?? 1
                let format = legal ? .decimal : (definition?.format ?? .decimal)
                out += format == .none ? "" : format.render(value)
            } else {
                out.append(c)
            }
        }
        let trimmed = ParagraphBlocks.trimmed(out)
        return trimmed.isEmpty ? nil : trimmed
    }
}
