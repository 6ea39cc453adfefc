/// A bar chart as inline SVG: no script, no fonts or images from elsewhere, readable in print.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as the reader should see it, e.g. `€ 12.300`.
        var valueText: String
        /// A CSS colour.
        var color: String
    }

    var bars: [Bar]
    /// What the chart shows, for screen readers (`aria-label`) and as the SVG title.
    var caption: String

    static let width = 760.0

    /// Horizontal bars, one row per item: label left, bar, value right of the bar.
    func horizontal() -> String {
        let rowHeight = 28.0, barHeight = 18.0, labelWidth = 330.0, valueSpace = 100.0
        let barSpace = Self.width - labelWidth - valueSpace
        let height = Double(bars.count) * rowHeight + 8
        let maximum = bars.map(\.value).max() ?? 0
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width.svg) \(height.svg)\" "
        svg += "role=\"img\" aria-label=\"\(HTMLText.escape(caption))\"><title>\(HTMLText.escape(caption))</title>\n"
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * rowHeight + 4
            let w = maximum > 0 ? max(bar.value > 0 ? 2 : 0, bar.value / maximum * barSpace) : 0
            let label = Self.shortened(bar.label, to: 42)
            svg += "<g><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.valueText))</title>"
            svg += "<text x=\"\((labelWidth - 8).svg)\" y=\"\((y + barHeight - 4).svg)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(label))</text>"
            svg += "<rect x=\"\(labelWidth.svg)\" y=\"\(y.svg)\" width=\"\(w.svg)\" height=\"\(barHeight.svg)\" rx=\"2\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\((labelWidth + w + 6).svg)\" y=\"\((y + barHeight - 4).svg)\" class=\"value\">\(HTMLText.escape(bar.valueText))</text></g>\n"
        }
        return svg + "</svg>"
    }

    /// Vertical bars, one column per item (years), value above each bar.
    func vertical() -> String {
        let height = 260.0, top = 24.0, bottom = 32.0, left = 20.0, right = 20.0
        let plotHeight = height - top - bottom
        let slot = (Self.width - left - right) / Double(max(bars.count, 1))
        let barWidth = min(64, slot * 0.6)
        let maximum = bars.map(\.value).max() ?? 0
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width.svg) \(height.svg)\" "
        svg += "role=\"img\" aria-label=\"\(HTMLText.escape(caption))\"><title>\(HTMLText.escape(caption))</title>\n"
        svg += "<line x1=\"\(left.svg)\" y1=\"\((height - bottom).svg)\" x2=\"\((Self.width - right).svg)\" y2=\"\((height - bottom).svg)\" class=\"axis\"/>\n"
        for (i, bar) in bars.enumerated() {
            let h = maximum > 0 ? max(bar.value > 0 ? 2 : 0, bar.value / maximum * plotHeight) : 0
            let center = left + slot * (Double(i) + 0.5)
            let x = center - barWidth / 2, y = height - bottom - h
            svg += "<g><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(bar.valueText))</title>"
            svg += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(barWidth.svg)\" height=\"\(h.svg)\" rx=\"2\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(center.svg)\" y=\"\((y - 6).svg)\" text-anchor=\"middle\" class=\"value\">\(HTMLText.escape(bar.valueText))</text>"
            svg += "<text x=\"\(center.svg)\" y=\"\((height - bottom + 18).svg)\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(bar.label))</text></g>\n"
        }
        return svg + "</svg>"
    }

    /// `text` cut to `limit` characters with an ellipsis; the full text stays in the tooltip.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

extension Double {
    /// A coordinate with at most one decimal, without a trailing `.0`: stable, compact SVG.
    var svg: String {
        let tenths = (self * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
