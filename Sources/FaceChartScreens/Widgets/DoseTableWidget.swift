import FaceChartCore
import FaceChartUI

/// The figures beside a chart: units per region split by side, R and L totals with the asymmetry,
/// the session total and the volume to draw at the session's dilution; with several vials, the units and
/// volume of each at its own dilution.
public struct DoseTableWidget {
    public var points: [InjectionPoint]
    public var dilution: Dilution?
    /// Every vial of the session with what it gave; more than one replaces the single-dilution lines.
    public var vials: [VialTotal]

    public init(points: [InjectionPoint], dilution: Dilution?, vials: [VialTotal] = []) {
        self.points = points
        self.dilution = dilution
        self.vials = vials
    }

    /// The widget for a whole session: its points, first dilution and vials.
    public init(session: Session) {
        self.init(points: session.points, dilution: session.dilution, vials: session.vialTotals)
    }

    /// The lines, each exactly `width` columns, with their styles; at most `maximumLines`, the
    /// region rows that do not fit summed up in one line.
    public func lines(width: Int, maximumLines: Int = .max) -> [(String, Style)] {
        let summary = DoseSummary(points: points)
        var lines: [(String, Style)] = []
        let nameWidth = max(8, width - 20)
        lines.append((Format.pad("Region", nameWidth) + Format.padLeft("R", 5) + Format.padLeft("L", 5)
            + Format.padLeft("M", 5) + Format.padLeft("Tot", 5), .muted))
        let totalsLines = vials.count > 1 ? 2 + vials.count : dilution.map { $0.vialUnits > .zero } == true ? 3 : 2
        var regions = summary.regions[...]
        var hidden: [DoseSummary.RegionTotal] = []
        if 1 + regions.count + totalsLines > maximumLines {
            let kept = max(0, maximumLines - 1 - totalsLines - 1)
            hidden = Array(regions.dropFirst(kept))
            regions = regions.prefix(kept)
        }
        for region in regions {
            func cell(_ units: Units) -> String { Format.padLeft(units == .zero ? "" : units.description, 5) }
            lines.append((Format.pad(region.region.name, nameWidth) + cell(region.right) + cell(region.left)
                + cell(region.midline) + Format.padLeft(region.total.description, 5), .plain))
        }
        if !hidden.isEmpty {
            lines.append(("+\(hidden.count) more regions, \(Format.units(hidden.map(\.total).total()))", .muted))
        }
        lines.append(("R \(Format.units(summary.right))  L \(Format.units(summary.left))  R-L \(Format.asymmetry(summary.asymmetry))",
            summary.asymmetry == .zero ? .plain : Style(.warning)))
        let pointsText = "\(summary.pointCount) point\(summary.pointCount == 1 ? "" : "s")"
        if vials.count > 1 {
            let sameScale = Set(vials.map(\.vial.ingredient)).count == 1
            let volume = Format.millilitres(vials.map(\.millilitres).reduce(0, +))
            lines.append((sameScale ? "Total \(Format.units(summary.total)) in \(pointsText) = \(volume)"
                : "\(pointsText) = \(volume); units of different products not added", Style(.title, bold: true)))
            for total in vials {
                let vial = total.vial
                // The lot is on the vial's own line (header, b): an identifier is never clipped here.
                lines.append(("\(vial.id): \(Format.units(total.units)) = \(Format.millilitres(total.millilitres)) "
                    + "(\(Format.trimmed(Dilution(vial).unitsPerTenthML)) U/0.1 mL)", total.isOverdrawn ? .warning : .muted))
            }
            return lines.map { (Format.pad($0.0, width), $0.1) }
        }
        var total = "Total \(Format.units(summary.total)) in \(pointsText)"
        if let dilution, dilution.vialUnits > .zero {
            total += " = \(Format.millilitres(dilution.millilitres(for: summary.total)))"
        }
        lines.append((total, Style(.title, bold: true)))
        if let dilution, dilution.vialUnits > .zero {
            lines.append(("\(Format.trimmed(dilution.unitsPerTenthML)) U/0.1 mL; U-100 marks: \(Format.trimmed(dilution.syringeMarks(for: summary.total)))", .muted))
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
