import FaceChartCore
import FaceChartUI

/// Draws a face view with its points: the art, the R/L labels, a glyph per depth, a count where
/// several points share a cell, the selected point and the cursor.
public struct FaceGridWidget {
    public var view: FaceView
    public var points: [InjectionPoint]
    /// Points from an earlier session drawn in another style (a review's original map).
    public var priorPoints: [InjectionPoint]
    public var selected: RecordID?
    public var cursor: (column: Int, row: Int)?

    /// Draws `points` over `priorPoints`: with prior points present, the new ones are marked as top-ups.
    public init(
        view: FaceView, points: [InjectionPoint], priorPoints: [InjectionPoint] = [], selected: RecordID? = nil,
        cursor: (column: Int, row: Int)? = nil
    ) {
        self.view = view
        self.points = points.filter { $0.view == view.kind }
        self.priorPoints = priorPoints.filter { $0.view == view.kind }
        self.selected = selected
        self.cursor = cursor
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
        drawPoints(priorPoints, into: &canvas, at: origin, prior: true)
        drawPoints(points, into: &canvas, at: origin, prior: false)
        if let cursor, (0..<view.width).contains(cursor.column), (0..<view.height).contains(cursor.row) {
            let x = origin.x + cursor.column, y = origin.y + cursor.row
            var cell = canvas[x, y]
            if cell.character == " " { cell.character = "+" }
            cell.style = cell.style.with(reverse: true)
            canvas[x, y] = cell
        }
    }

    private func drawPoints(_ points: [InjectionPoint], into canvas: inout Canvas, at origin: (x: Int, y: Int), prior: Bool) {
        var byCell: [Int: [InjectionPoint]] = [:]
        for point in points {
            let (column, row) = view.cellCoordinates(of: point.position)
            byCell[row * view.width + column, default: []].append(point)
        }
        for (key, cellPoints) in byCell {
            let column = key % view.width, row = key / view.width
            let first = cellPoints[0]
            let glyph: Character = cellPoints.count > 1 ? Character(String(min(cellPoints.count, 9))) : canvas.glyphs.point(first.depth)
            var style = prior ? Style(.muted)
                : priorPoints.isEmpty ? FaceGridWidget.style(for: first.depth) : Style(.topUp, bold: true, underline: true)
            if !prior, let selected, cellPoints.contains(where: { $0.id == selected }) {
                style = style.with(reverse: true, underline: true)
            }
            canvas.put(String(glyph), x: origin.x + column, y: origin.y + row, style: style)
        }
    }

    /// The R and L letters in the art's outer columns are side labels, not part of the drawing.
    private func isSideLabel(column: Int, row: Int) -> Bool {
        column < 3 || column >= view.width - 3
    }
}
