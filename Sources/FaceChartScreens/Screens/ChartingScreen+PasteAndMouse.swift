import FaceChartCore
import FaceChartUI

extension ChartingScreen {
    /// Pasted text goes into the open prompt's field; on the chart itself, where keys place and
    /// change points, it is ignored.
    mutating func paste(_ text: String) {
        switch mode {
        case .prompt(var prompt, let purpose):
            prompt.paste(text)
            if let notice = prompt.field.limitNotice { message = .warning(notice) }
            mode = .prompt(prompt, for: purpose)
        case .addingVial(var entry, let focus):
            if let notice = entry.paste(text, in: focus) { message = .warning(notice) }
            mode = .addingVial(entry, focus: focus)
        case .pickingPattern(var picker):
            picker.paste(text)
            mode = .pickingPattern(picker)
        case .charting, .help, .safety, .recordInfo, .convertingPattern, .confirmingDose, .confirmingSecondPoint, .vials, .movingPoint:
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
        guard case .charting = mode, mouse.kind != .release,
              case .continues(let taken) = takeFigure(before: nil)
        else { return [] }
        switch mouse.kind {
        case .scrollUp, .scrollDown:
            selectNeighbour(step: mouse.kind == .scrollDown ? 1 : -1, environment: environment)
            return taken
        case .release:
            return taken
        case .press:
            return taken + click(mouse, faceView: faceView, environment: environment)
        }
    }

    /// A click: on the grid, places a point there or selects the one already there; on the points list,
    /// selects that point.
    private mutating func click(_ mouse: MouseEvent, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
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
        if readOnly != nil {
            message = .warning("Read-only here: nothing can be changed.")
            return []
        }
        return place(pen.units, at: cursor, faceView: faceView, environment: environment)
    }
}
