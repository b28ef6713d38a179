import FaceChartCore
import FaceChartUI
import Foundation

/// A session's chart as plain text for the terminal or paper: header, the face grid with its points
/// and legend, the point table and the totals. Built with the same widgets the charting screen uses.
public struct ChartPrinter {
    public var patient: Patient
    public var session: Session
    public var views: [ViewKind: FaceView]
    public var productName: (String) -> String
    public var timeZone: TimeZone
    public var glyphs: Glyphs

    public init(
        patient: Patient, session: Session, views: [ViewKind: FaceView],
        productName: @escaping (String) -> String = { $0 }, timeZone: TimeZone = .current, glyphs: Glyphs = .unicode
    ) {
        self.glyphs = glyphs
        self.patient = patient
        self.session = session
        self.views = views
        self.productName = productName
        self.timeZone = timeZone
    }

    public static let width = 80

    /// The header lines: who, when, why, which vial, status.
    public func headerLines() -> [String] {
        var lines: [String] = []
        var who = patient.name
        if let born = patient.dateOfBirth { who += " (born \(born))" }
        lines.append("FaceChart: \(who)")
        let indication = session.indication.kind == .medical ? "Medical" : "Aesthetic"
        lines.append("Session \(Format.dateTime(session.startedAt, timeZone: timeZone)) · \(indication): \(session.indication.concern) · \(session.clinician)")
        let product = session.primaryVial
        var vial = "\(productName(product.product)) lot \(product.lot.isEmpty ? "-" : product.lot)"
        if let expiry = product.expiry { vial += " exp \(expiry)" }
        vial += " · \(product.vialUnits) U in \(Format.trimmed(product.diluentML)) mL (\(Format.trimmed(session.dilution.unitsPerTenthML)) U/0.1 mL)"
        lines.append(vial)
        if let signature = session.signature {
            lines.append("Signed by \(signature.signer) \(Format.dateTime(signature.signedAt, timeZone: timeZone)): \(signature.meaning)")
            if !session.signatureIsIntact {
                lines.append("WARNING: the record no longer matches its signature: it was changed after signing.")
            }
        } else if let voiding = session.voiding {
            lines.append("VOIDED by \(voiding.by) \(Format.dateTime(voiding.at, timeZone: timeZone)): \(voiding.reason). "
                + "Kept on record; counted in no total, interval or recall.")
        } else {
            lines.append("Draft (not signed)")
        }
        if !patient.flags.isEmpty {
            lines.append("Flags: " + patient.sortedFlags.map(\.shortName).joined(separator: ", "))
        }
        return lines
    }

    /// The legend beside the grid, in `glyphs`.
    public static func legendLines(glyphs: Glyphs = .unicode) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Legend", .title)]
        for depth in Depth.allCases {
            lines.append(("\(glyphs.point(depth)) \(depth.abbreviation) \(depth.name)", FaceGridWidget.style(for: depth)))
        }
        lines.append(("2-9 points in one cell", .muted))
        lines.append(("R/L: the patient's sides", .muted))
        return lines
    }

    /// The whole chart on a canvas.
    public func render() -> Canvas {
        let shownViews = ViewKind.allCases.filter { kind in
            views[kind] != nil && (kind == .anterior || session.points.contains { $0.view == kind })
        }
        // Header and addenda wrap at the page width; the point table is never cut: a long lot widens the page.
        let header = headerLines().map { Format.wrap($0, width: ChartPrinter.width) }
        let gridHeight = shownViews.reduce(0) { $0 + (views[$1]!.height + 1) }
        let table = pointTableLines()
        let doses = DoseTableWidget(points: session.points, dilution: session.dilution).lines(width: 36)
        let addenda = session.addenda.flatMap {
            Format.wrap("Addendum \(Format.dateTime($0.writtenAt, timeZone: timeZone)) \($0.author): \($0.text)", width: ChartPrinter.width)
        }
        let height = header.joined().count + 1 + max(gridHeight, 8 + doses.count) + 1 + table.count + addenda.count + 1
        let width = max(ChartPrinter.width, table.map { ColumnWidth.of(TerminalText.sanitized($0)) }.max() ?? 0)
        var canvas = Canvas(width: width, height: height, glyphs: glyphs)
        var y = 0
        for (index, lines) in header.enumerated() {
            for line in lines {
                canvas.put(line, x: 0, y: y, style: index == 0 ? .title : .plain)
                y += 1
            }
        }
        y += 1
        let gridTop = y
        var gridRight = 0
        for kind in shownViews {
            let view = views[kind]!
            canvas.put(kind.title, x: 0, y: y, style: .muted)
            FaceGridWidget(view: view, points: session.points).render(into: &canvas, at: (0, y + 1))
            y += view.height + 1
            gridRight = max(gridRight, view.width)
        }
        let sideX = gridRight + 2
        var sideY = gridTop
        for (line, style) in ChartPrinter.legendLines(glyphs: glyphs) {
            canvas.put(line, x: sideX, y: sideY, style: style)
            sideY += 1
        }
        sideY += 1
        for (line, style) in doses {
            canvas.put(line, x: sideX, y: sideY, style: style, limit: ChartPrinter.width - sideX)
            sideY += 1
        }
        y = max(y, sideY) + 1
        for line in table + addenda {
            canvas.put(line, x: 0, y: y)
            y += 1
        }
        return canvas
    }

    /// One row per point: number, region, side, units, depth, guidance (when any point records it), product
    /// and lot.
    public func pointTableLines() -> [String] {
        let guided = session.points.contains { $0.guidance != nil }
        var lines = ["  # View  Region                 Side  Units Depth " + (guided ? "Guide " : "") + "Product          Lot"]
        for (index, point) in session.points.enumerated() {
            let product = session.vial(for: point)
            lines.append(Format.padLeft("\(index + 1)", 3) + " " + Format.pad(point.view.abbreviation, 5)
                + " " + Format.pad(point.region.name, 22) + " " + Format.pad(point.side.letter, 5)
                + Format.padLeft(point.units.description, 6) + " " + Format.pad(point.depth.abbreviation, 5)
                + (guided ? " " + Format.pad(point.guidance?.abbreviation ?? "-", 5) : "")
                + " " + Format.pad(productName(product.product), 16) + " " + product.lot)
        }
        if session.points.isEmpty { lines.append("  (no points charted)") }
        let summary = session.summary
        lines.append("Total \(Format.units(summary.total)) · R \(Format.units(summary.right)) · L \(Format.units(summary.left)) · M \(Format.units(summary.midline)) · R-L \(Format.asymmetry(summary.asymmetry)) · \(Format.millilitres(session.dilution.millilitres(for: summary.total)))")
        return lines
    }
}
