import Foundation

extension LineChart {
    /// The chart as an inline `<svg>` element; every text is escaped.
    public var svg: String {
        let (left, top, right, bottom) = plot
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        out += " role=\"img\" aria-label=\"\(title.escapedForHTML)\">\n"
        out += "<title>\(title.escapedForHTML)</title>\n<desc>\(summary.escapedForHTML)</desc>\n"
        for rectangle in shadedRectangles {
            out += "<rect class=\"chart-shade\" x=\"\(n(rectangle.x))\" y=\"\(n(top))\" width=\"\(n(rectangle.width))\""
            out += " height=\"\(n(bottom - top))\" fill=\"currentColor\" fill-opacity=\"0.12\"/>\n"
        }
        out += "<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.15\">\n"
        for tick in valueTicks {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\"/>\n"
        }
        out += "</g>\n<g class=\"chart-axis\" fill=\"currentColor\" font-size=\"12\">\n"
        out +=
            "<line x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\" stroke=\"currentColor\"/>\n"
        out +=
            "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"currentColor\"/>\n"
        for tick in valueTicks {
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Self.label(tick))</text>\n"
        }
        for tick in timeTicks {
            let tickX = x(tick.time)
            out += "<line x1=\"\(n(tickX))\" y1=\"\(n(bottom))\" x2=\"\(n(tickX))\" y2=\"\(n(bottom + 5))\""
            out += " stroke=\"currentColor\"/>\n"
            out += "<text x=\"\(n(tickX))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">"
            out += "\(tick.label.escapedForHTML)</text>\n"
        }
        out += "<text class=\"chart-axis-title\" x=\"\(n((left + right) / 2))\" y=\"\(n(height - 8))\""
        out += " text-anchor=\"middle\">\(timeAxisLabel.escapedForHTML)</text>\n"
        let middle = (top + bottom) / 2
        out += "<text class=\"chart-axis-title\" x=\"16\" y=\"\(n(middle))\" text-anchor=\"middle\""
        out += " transform=\"rotate(-90 16 \(n(middle)))\">\(valueAxisLabel.escapedForHTML)</text>\n</g>\n"
        if let threshold {
            let lineY = y(threshold)
            out += "<line class=\"chart-threshold\" x1=\"\(n(left))\" y1=\"\(n(lineY))\" x2=\"\(n(right))\""
            out += " y2=\"\(n(lineY))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            if !thresholdLabel.isEmpty {
                out += "<text class=\"chart-threshold-label\" x=\"\(n(left + 6))\" y=\"\(n(lineY - 6))\""
                out += " fill=\"currentColor\" font-size=\"12\">\(thresholdLabel.escapedForHTML)</text>\n"
            }
        }
        if !points.isEmpty {
            let coordinates = points.map { "\(n(x($0.time))),\(n(y($0.value)))" }.joined(separator: " ")
            out += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\""
            out += " stroke-linejoin=\"round\" points=\"\(coordinates)\"/>\n"
            // Markers help when there are few points; a month of 6-hour points would be a solid bead string.
            if points.count <= 48 {
                out += "<g class=\"chart-points\" fill=\"currentColor\">\n"
                for point in points {
                    out += "<circle cx=\"\(n(x(point.time)))\" cy=\"\(n(y(point.value)))\" r=\"2.5\"/>\n"
                }
                out += "</g>\n"
            }
        }
        return out + "</svg>"
    }

    /// A coordinate with one decimal, the same on every platform.
    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let text = String(Int(tenths) / 10) + (Int(tenths) % 10 == 0 ? "" : ".\(abs(Int(tenths) % 10))")
        return tenths < 0 && Int(tenths) / 10 == 0 ? "-" + text : text
    }

    /// A tick value without a trailing `.0`: `200`, `0.5`.
    static func label(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%g", value)
    }
}
