import FaceChartCore
import FaceChartUI
import Foundation

/// A session's chart as plain text for the terminal or paper: the header, the face grid with its points
/// and legend, the point table, the totals, and the whole medical record around them (vials, overrides,
/// notes, the review, the signature and every addendum). Built with the same widgets the charting
/// screen uses. Nothing is cut: every line is wrapped to the width it is laid out for.
public struct ChartPrinter {
    public var patient: Patient
    public var session: Session
    public var views: [ViewKind: FaceView]
    public var productName: (String) -> String
    public var timeZone: TimeZone
    /// The review of this session, if one was saved.
    public var review: Review?
    /// For a top-up: the treatment it tops up, when it is on record.
    public var toppedUp: Session?
    /// The scales that name the review's scores.
    public var outcomes: OutcomeCatalogue?
    public var glyphs: Glyphs

    public init(
        patient: Patient, session: Session, views: [ViewKind: FaceView],
        productName: @escaping (String) -> String = { $0 }, timeZone: TimeZone = .current, glyphs: Glyphs = .unicode,
        review: Review? = nil, toppedUp: Session? = nil, outcomes: OutcomeCatalogue? = nil
    ) {
        self.glyphs = glyphs
        self.outcomes = outcomes
        self.patient = patient
        self.session = session
        self.views = views
        self.productName = productName
        self.timeZone = timeZone
        self.review = review
        self.toppedUp = toppedUp
    }

    /// The width used when output is not a terminal.
    public static let width = 80
    /// The side panel's width (legend and dose table) beside the grid.
    static let panelWidth = 36

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

    /// The whole chart laid out for `width` columns (never narrower than the drawing).
    public func render(width requested: Int = ChartPrinter.width) -> Canvas {
        let shownViews = ViewKind.allCases.filter { kind in
            views[kind] != nil && (kind == .anterior || session.points.contains { $0.view == kind })
        }
        let gridWidth = shownViews.map { views[$0]!.width }.max() ?? 0
        let width = max(requested, gridWidth, 20)
        let header = wrapped(headerLines(), width: width)
        let panel = ChartPrinter.legendLines(glyphs: glyphs) + [("", .plain)]
            + DoseTableWidget(session: session).lines(width: ChartPrinter.panelWidth)
        let beside = gridWidth + 2 + ChartPrinter.panelWidth <= width
        let body = wrapped(recordLines(width: width), width: width)
        let gridHeight = shownViews.reduce(0) { $0 + views[$1]!.height + 1 }
        let chartHeight = beside ? max(gridHeight, panel.count) : gridHeight + 1 + panel.count
        var canvas = Canvas(width: width, height: header.count + 1 + chartHeight + 1 + body.count, glyphs: glyphs)
        var y = 0
        for (line, style) in header {
            canvas.put(line, x: 0, y: y, style: y == 0 ? .title : style)
            y += 1
        }
        y += 1
        let gridTop = y
        for kind in shownViews {
            let view = views[kind]!
            canvas.put(kind.title, x: 0, y: y, style: .muted)
            FaceGridWidget(view: view, points: session.points).render(into: &canvas, at: (0, y + 1))
            y += view.height + 1
        }
        var panelX = 0, panelY = y + 1
        if beside { (panelX, panelY) = (gridWidth + 2, gridTop) }
        for (line, style) in panel {
            canvas.put(line, x: panelX, y: panelY, style: style)
            panelY += 1
        }
        y = max(y, panelY) + 1
        for (line, style) in body {
            canvas.put(line, x: 0, y: y, style: style)
            y += 1
        }
        return canvas
    }

    /// Logical lines wrapped to `width`: a line that fits is kept as it is (table spacing and all);
    /// a longer one is wrapped at spaces with its continuation rows indented by the line's `indent`.
    /// Every line break in record text is kept; everything else a terminal would act on is removed
    /// before the text is measured (record text is data).
    func wrapped(_ lines: [PrintedLine], width: Int) -> [(String, Style)] {
        var rows: [(String, Style)] = []
        let hangingLimit = width / 2
        for line in lines {
            let hanging = String(repeating: " ", count: min(line.indent, hangingLimit))
            let breaks = line.text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            for (index, raw) in breaks.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let paragraph = TerminalText.sanitized(String(raw))
                let lead = index == 0 ? "" : hanging
                let text = lead + paragraph
                guard ColumnWidth.of(text) > width else {
                    rows.append((text, line.style))
                    continue
                }
                let first = Format.wrap(paragraph, width: width - lead.count)
                rows.append((lead + first[0], line.style))
                let rest = first.dropFirst().flatMap { Format.wrap($0, width: width - hanging.count) }
                rows += rest.map { (hanging + $0, line.style) }
            }
        }
        return rows
    }
}

/// One logical line of printed text: wrapped later, its continuation rows indented by `indent`.
struct PrintedLine {
    var text: String
    var style: Style = .plain
    var indent = 0
}
