import FaceChartCore
import FaceChartUI

/// Draws a face view with its points: the art, the R/L labels, a glyph per depth (a top-up's points their
/// own, `+`), a count where several points share a cell, the selected point and the cursor; on request,
/// each point's units or its number in the points list beside it.
public struct FaceGridWidget {
    /// What is written beside each point (or cell of points).
    public enum Labels: Hashable, Sendable, CaseIterable {
        /// The glyphs alone.
        case none
        /// The units, `4`; a cell of several points, its count and total, `2x8`.
        case units
        /// The point's number in the list, `3`; a cell of several, their numbers, `3,4`.
        case numbers
    }

    /// The glyph of a point added at a review.
    public static let topUpGlyph: Character = "+"

    public var view: FaceView
    public var points: [InjectionPoint]
    /// Points from an earlier session drawn in another style (a review's original map).
    public var priorPoints: [InjectionPoint]
    /// Points added at a review, among `points`; with prior points present, every point is one.
    public var topUps: Set<RecordID>
    public var selected: RecordID?
    public var cursor: (column: Int, row: Int)?
    public var labels: Labels
    /// Each point's number in the list (1 first), as `points` were given.
    private let numbers: [RecordID: Int]

    /// Draws `points` over `priorPoints`: with prior points present, the new ones are top-ups.
    public init(
        view: FaceView, points: [InjectionPoint], priorPoints: [InjectionPoint] = [], topUps: Set<RecordID> = [],
        selected: RecordID? = nil, cursor: (column: Int, row: Int)? = nil, labels: Labels = .none
    ) {
        self.view = view
        numbers = Dictionary(points.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        self.points = points.filter { $0.view == view.kind }
        self.priorPoints = priorPoints.filter { $0.view == view.kind }
        self.topUps = priorPoints.isEmpty ? topUps : Set(points.map(\.id))
        self.selected = selected
        self.cursor = cursor
        self.labels = labels
    }

    /// The style of a point's glyph for its depth.
    public static func style(for depth: Depth) -> Style {
        switch depth {
        case .intradermal: Style(.intradermal, bold: true)
        case .subcutaneous: Style(.subcutaneous, bold: true)
        case .intramuscular: Style(.intramuscular, bold: true)
        case .deep, .intraglandular: Style(.deep, bold: true)
        }
    }

    /// Draws the view with its top-left corner at `origin`.
    public func render(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        for row in 0..<view.height {
            for column in 0..<view.width {
                let character = view.art[row][column]
                let style: Style = (character == "R" || character == "L") && isSideLabel(column: column, row: row)
                    ? Style(.label, bold: true) : Style(.drawing)
                canvas.put(String(character), x: origin.x + column, y: origin.y + row, style: style)
            }
        }
        let priorCells = cells(of: priorPoints), cells = cells(of: points)
        drawPoints(priorCells, into: &canvas, at: origin, prior: true)
        drawPoints(cells, into: &canvas, at: origin, prior: false)
        if labels != .none {
            let taken = Set(priorCells.map(\.key) + cells.map(\.key))
            for (key, cellPoints) in cells.sorted(by: { $0.key < $1.key }) {
                drawLabel(for: cellPoints, at: key, avoiding: taken, into: &canvas, origin: origin)
            }
        }
        if let cursor, (0..<view.width).contains(cursor.column), (0..<view.height).contains(cursor.row) {
            let x = origin.x + cursor.column, y = origin.y + cursor.row
            var cell = canvas[x, y]
            if cell.character == " " { cell.character = "+" }
            cell.style = cell.style.with(reverse: true)
            canvas[x, y] = cell
        }
    }

    /// The points by cell (`row * width + column`), in the order given.
    private func cells(of points: [InjectionPoint]) -> [Int: [InjectionPoint]] {
        var byCell: [Int: [InjectionPoint]] = [:]
        for point in points {
            let (column, row) = view.cellCoordinates(of: point.position)
            byCell[row * view.width + column, default: []].append(point)
        }
        return byCell
    }

    private func drawPoints(_ byCell: [Int: [InjectionPoint]], into canvas: inout Canvas, at origin: (x: Int, y: Int), prior: Bool) {
        for (key, cellPoints) in byCell {
            let column = key % view.width, row = key / view.width
            let first = cellPoints[0]
            let isTopUp = !prior && cellPoints.contains { topUps.contains($0.id) }
            let glyph: Character = cellPoints.count > 1 ? Character(String(min(cellPoints.count, 9)))
                : isTopUp ? Self.topUpGlyph : canvas.glyphs.point(first.depth)
            var style = prior ? Style(.muted) : isTopUp ? Style(.topUp, bold: true, underline: true) : FaceGridWidget.style(for: first.depth)
            if !prior, let selected, cellPoints.contains(where: { $0.id == selected }) {
                style = style.with(reverse: true, underline: true)
            }
            canvas.put(String(glyph), x: origin.x + column, y: origin.y + row, style: style)
        }
    }

    /// Writes a cell's label from the column after it, over the drawing but never over another point's
    /// cell or past the view's edge. A dose is never cut: a label that does not fit whole shows as an
    /// ellipsis (the status line and the points list give it in full).
    private func drawLabel(
        for cellPoints: [InjectionPoint], at key: Int, avoiding taken: Set<Int>, into canvas: inout Canvas, origin: (x: Int, y: Int)
    ) {
        let column = key % view.width, row = key / view.width
        let text: String
        switch labels {
        case .none: return
        case .units:
            text = cellPoints.count == 1 ? cellPoints[0].units.description
                : "\(cellPoints.count)x\(cellPoints.map(\.units).total())"
        case .numbers:
            text = cellPoints.compactMap { numbers[$0.id].map(String.init) }.joined(separator: ",")
        }
        var room = 0
        while column + 1 + room < view.width, room < text.count, !taken.contains(key + 1 + room) { room += 1 }
        guard room > 0 else { return }
        let style = Style(cellPoints.contains { topUps.contains($0.id) } ? .topUp : .label, bold: true)
        let shown = room >= text.count ? text : String(canvas.glyphs.ellipsis)
        canvas.put(shown, x: origin.x + column + 1, y: origin.y + row, style: style)
    }

    /// The R and L letters in the art's outer columns are side labels, not part of the drawing.
    private func isSideLabel(column: Int, row: Int) -> Bool {
        column < 3 || column >= view.width - 3
    }
}
