import FaceChartCore
import FaceChartUI
import Foundation

/// Two sessions' doses side by side: units per region and per side (R, L, midline, total) for A and B
/// and the difference B-A, with the sessions' dates as column headers.
public struct DoseDifferenceWidget {
    public var a: Session
    public var b: Session
    public var timeZone: TimeZone

    public init(a: Session, b: Session, timeZone: TimeZone) {
        self.a = a
        self.b = b
        self.timeZone = timeZone
    }

    /// One row of figures.
    public struct Row: Hashable, Sendable {
        public var label: String
        public var a: Units?
        public var b: Units?

        /// B-A, counting a missing figure as zero.
        public var difference: Units { (b ?? .zero) - (a ?? .zero) }
    }

    /// The region rows (regions treated in either session, top of the face first), then R, L, M and Total.
    public var rows: [Row] {
        let summaryA = a.summary, summaryB = b.summary
        let treated = Set(summaryA.regions.map(\.region) + summaryB.regions.map(\.region))
        var rows = Region.allCases.filter(treated.contains).map { region in
            Row(label: region.name,
                a: summaryA.regions.first { $0.region == region }?.total,
                b: summaryB.regions.first { $0.region == region }?.total)
        }
        rows.append(Row(label: "R side", a: summaryA.right, b: summaryB.right))
        rows.append(Row(label: "L side", a: summaryA.left, b: summaryB.left))
        rows.append(Row(label: "Midline", a: summaryA.midline, b: summaryB.midline))
        rows.append(Row(label: "Total", a: summaryA.total, b: summaryB.total))
        return rows
    }

    /// `+4`, `-2.5` or `0`.
    public static func signed(_ units: Units) -> String {
        units > .zero ? "+\(units)" : units.description
    }

    /// The lines, each exactly `width` columns.
    public func lines(width: Int) -> [(String, Style)] {
        let dayA = a.day(in: timeZone), dayB = b.day(in: timeZone)
        let full = width >= 14 + 3 * 11
        let columnWidth = full ? 11 : (dayA.year == dayB.year ? 7 : 9)
        func label(_ day: CalendarDate) -> String {
            let text = day.description
            if full { return text }
            return dayA.year == dayB.year ? String(text.suffix(5)) : String(text.suffix(8))
        }
        let regionWidth = max(6, width - 3 * columnWidth)
        var lines: [(String, Style)] = []
        if a.primaryVial.product != b.primaryVial.product {
            lines.append(("Different products: units not comparable", .warning))
        }
        lines.append((Format.pad("", regionWidth) + Format.padLeft("A", columnWidth) + Format.padLeft("B", columnWidth)
            + Format.padLeft("B-A", columnWidth), .muted))
        lines.append((Format.pad("Region", regionWidth) + Format.padLeft(label(dayA), columnWidth)
            + Format.padLeft(label(dayB), columnWidth) + Format.padLeft("", columnWidth), Style(.muted, underline: true)))
        let all = rows
        for (index, row) in all.enumerated() {
            let style: Style = row.label == "Total" ? Style(.normal, bold: true) : .plain
            if index == all.count - 4 { lines.append((String(repeating: "─", count: max(0, width)), .muted)) }
            lines.append((Format.pad(row.label, regionWidth - 1) + " " + Format.padLeft(row.a.map(\.description) ?? "-", columnWidth)
                + Format.padLeft(row.b.map(\.description) ?? "-", columnWidth)
                + Format.padLeft(DoseDifferenceWidget.signed(row.difference), columnWidth), style))
        }
        return lines.map { (Format.pad($0.0, width), $0.1) }
    }

    /// Draws the lines into `rect`, returning the rows used.
    @discardableResult
    public func render(into canvas: inout Canvas, rect: Rect) -> Int {
        let all = lines(width: rect.width)
        for (index, line) in all.prefix(rect.height).enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.y + index, style: line.1, limit: rect.width)
        }
        return min(all.count, rect.height)
    }
}
