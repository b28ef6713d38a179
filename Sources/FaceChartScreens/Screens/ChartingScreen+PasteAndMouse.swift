import FaceChartCore
import FaceChartUI

extension ChartingScreen {
    /// Pasted text goes into the open prompt's field; on the chart itself, where keys place and
    /// change points, it is ignored.
    mutating func paste(_ text: String) {
        func into(_ field: inout TextField) {
            field.paste(text)
            if let notice = field.limitNotice { message = .warning(notice) }
        }
        switch mode {
        case .signing(var field):
            into(&field)
            mode = .signing(field)
        case .addendum(var field):
            into(&field)
            mode = .addendum(field)
        case .addendumAuthor(let text, var field):
            into(&field)
            mode = .addendumAuthor(text: text, author: field)
        case .overriding(let rule, var field):
            into(&field)
            mode = .overriding(rule: rule, reason: field)
        case .savingPattern(var field):
            into(&field)
            mode = .savingPattern(field)
        case .editingNotes(var field):
            into(&field)
            mode = .editingNotes(field)
        case .editingPointNote(let point, var field):
            into(&field)
            mode = .editingPointNote(point: point, note: field)
        case .voiding(var field):
            into(&field)
            mode = .voiding(field)
        case .pickingPattern(var picker):
            picker.paste(text)
            mode = .pickingPattern(picker)
        case .charting, .help, .safety, .recordInfo:
            message = .warning("Paste ignored: on the chart, keys place and change points. Paste into a prompt (S, A, P, t).")
        }
    }

    /// A click on the grid places a point there, or selects the one already there; a click on a row
    /// of the points list (or of the pattern picker) selects it; the wheel selects the next or
    /// previous point.
    mutating func handle(_ mouse: MouseEvent, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        if case .pickingPattern(var picker) = mode, mouse.kind == .press {
            picker.click(atRow: mouse.y, patterns: environment.patterns, screenSize: environment.screenSize)
            mode = .pickingPattern(picker)
        }
        guard case .charting = mode else { return [] }
        switch mouse.kind {
        case .scrollUp, .scrollDown:
            selectNeighbour(step: mouse.kind == .scrollDown ? 1 : -1, environment: environment)
            return []
        case .release:
            return []
        case .press:
            break
        }
        let column = mouse.x - ChartingLayout.gridOrigin.x, row = mouse.y - ChartingLayout.gridOrigin.y
        guard (0..<faceView.width).contains(column), (0..<faceView.height).contains(row) else {
            let layout = sidebarLayout(faceView: faceView, size: environment.screenSize, environment: environment)
            if mouse.x >= layout.rect.x, let index = layout.pointIndex(atRow: mouse.y) {
                penEntry = nil
                select(at: index)
            }
            return []
        }
        penEntry = nil
        cursors[view] = GridCell(column: column, row: row)
        if let existing = pointsUnderCursor().first {
            selected = existing.id
            message = StatusMessage("Selected \(existing.region.name) \(existing.side.letter) \(existing.units) U \(existing.depth.abbreviation).")
            return []
        }
        return placePoint(at: cursor, faceView: faceView, environment: environment)
    }
}
