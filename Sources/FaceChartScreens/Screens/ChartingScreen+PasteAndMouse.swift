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
        case .signing, .signingReason, .addendum, .addendumAuthor, .overriding, .savingPattern:
            guard var field = promptField else { return }
            into(&field)
            promptField = field
        case .addingVial(var entry, let focus):
            if let notice = entry.paste(text, in: focus) { message = .warning(notice) }
            mode = .addingVial(entry, focus: focus)
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
        case .charting, .help, .safety, .recordInfo, .convertingPattern, .confirmingDose, .confirmingSecondPoint, .vials:
            message = .warning("Paste ignored: on the chart, keys place and change points. Paste into a prompt (S, A, P, t).")
        }
    }

    /// A click on the grid places a point there, or selects the one already there; a click on a row
    /// of the points list (or of the pattern picker) selects it; the wheel selects the next or
    /// previous point. A figure being typed is taken first, as a key would take it; a refused one
    /// stays refused and the click does nothing.
    mutating func handle(_ mouse: MouseEvent, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        if case .pickingPattern(var picker) = mode, mouse.kind == .press {
            picker.click(atRow: mouse.y, patterns: environment.patterns, rules: environment.rules, screenSize: environment.screenSize)
            mode = .pickingPattern(picker)
        }
        guard case .charting = mode, mouse.kind != .release, takeTypedFigure() else { return [] }
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
                select(at: index)
            }
            return []
        }
        cursors[view] = GridCell(column: column, row: row)
        if let existing = pointsUnderCursor().first {
            selected = existing.id
            message = StatusMessage("Selected \(existing.region.name) \(existing.side.letter) \(existing.units) U \(existing.depth.abbreviation).")
            return []
        }
        return place(pen.units, at: cursor, faceView: faceView, environment: environment)
    }

    /// Takes a figure being typed into the pen; false (and says why) when it is refused.
    private mutating func takeTypedFigure() -> Bool {
        guard let entry = penEntry else { return true }
        guard let units = entry.units else {
            message = .error("\(entry.refusal ?? "'\(entry.text)' is not a dose.") Nothing done: Backspace corrects it, Esc clears it.")
            return false
        }
        pen.units = units
        penEntry = nil
        return true
    }
}
