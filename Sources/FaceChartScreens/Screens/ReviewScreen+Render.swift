import FaceChartCore

extension ReviewScreen {
    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        if case .settingUpTopUp(let setup) = focus {
            setup.render(into: &canvas, environment: environment)
            return
        }
        if focus == .topUp, let topUp {
            topUp.render(into: &canvas, environment: environment)
        } else {
            renderGrid(into: &canvas)
        }
        renderTitle(into: &canvas, environment: environment)
        let sidebarX = (views[.anterior]?.width ?? 41) + 1
        let sidebar = Rect(x: sidebarX, y: 1, width: min(ChartingLayout.maximumSidebarWidth, canvas.width - sidebarX),
                           height: canvas.height - 3)
        canvas.fill(sidebar)
        renderSidebar(into: &canvas, rect: sidebar, environment: environment)
        if focus != .topUp { renderFooter(into: &canvas) }
        switch focus {
        case .help: HelpOverlay.render(into: &canvas, title: "Review keys", lines: ReviewScreen.helpLines)
        case .sideEffects: renderSideEffects(into: &canvas)
        default: break
        }
    }

    static let helpLines: [(String, String)] = [
        ("j k arrows", "choose a treated region"),
        ("h l Tab", "choose a column: Rest, Max, Symmetry, Sat, Note"),
        ("0-3", "Facial Wrinkle Scale at rest / at maximum contraction"),
        ("1-5", "patient satisfaction (Sat column)"),
        ("Space", "symmetry: even, R higher, L higher"),
        ("Enter", "edit the region's note (Note column)"),
        ("x Backspace", "clear the cell"),
        ("e", "side-effects checklist"),
        ("t", "chart top-up points (a linked session)"),
        ("q Esc", "back (everything is already saved)"),
    ]

    private func renderGrid(into canvas: inout Canvas) {
        let kind: ViewKind = original.points.contains { $0.view == .anterior } || original.points.isEmpty ? .anterior : .posterior
        guard let view = views[kind] else { return }
        let added = topUp?.session.points ?? []
        let widget = added.isEmpty
            ? FaceGridWidget(view: view, points: original.points)
            : FaceGridWidget(view: view, points: added, priorPoints: original.points)
        widget.render(into: &canvas, at: ChartingLayout.gridOrigin)
    }

    private func renderTitle(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1))
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true))
        let day = dayCount(environment: environment)
        x += canvas.put(" · review of \(original.day(in: environment.timeZone)) · ", x: x, y: 0)
        let inWindow = Timeline.reviewWindow.contains(day)
        canvas.put("day \(day)", x: x, y: 0, style: inWindow ? Style(.ok, bold: true) : .warning)
    }

    private func renderSidebar(into canvas: inout Canvas, rect: Rect, environment: ScreenEnvironment) {
        var y = rect.y
        if focus == .topUp, let topUp {
            canvas.put(topUp.pen.label + " " + String(topUp.pen.depth.glyph) + "  (top-up)", x: rect.x, y: y, style: Style(.topUp, bold: true), limit: rect.width)
            y += 1
        } else {
            y += renderOutcomes(into: &canvas, x: rect.x, y: y, width: rect.width)
            let effects = review.sideEffects.map(\.effect.name)
            canvas.put("Side effects (e): " + (effects.isEmpty ? "none" : effects.joined(separator: ", ")), x: rect.x, y: y,
                       style: effects.isEmpty ? .muted : .warning, limit: rect.width)
            y += 1
        }
        let table = TopUpTableWidget(original: original.points, topUp: topUp?.session.points ?? []).lines(width: rect.width)
        let top = max(y + 1, rect.maxY - table.count)
        for (index, line) in table.enumerated() where top + index < rect.maxY {
            canvas.put(line.0, x: rect.x, y: top + index, style: line.1, limit: rect.width)
        }
    }

    /// The outcome table; returns the rows used.
    private func renderOutcomes(into canvas: inout Canvas, x: Int, y: Int, width: Int) -> Int {
        let nameWidth = width - 24
        canvas.put(Format.pad("Outcome", nameWidth) + "Rest Max Symmetry Sat", x: x, y: y, style: Style(.muted, underline: true), limit: width)
        var rows = 1
        for (index, region) in treatedRegions.enumerated() {
            let outcome = review.outcome(for: region)
            let cells: [(Column, String, Int)] = [
                (.rest, outcome?.wrinklesAtRest.map(String.init) ?? "-", 5),
                (.maximum, outcome?.wrinklesAtMaximum.map(String.init) ?? "-", 4),
                (.symmetry, outcome?.symmetry?.label ?? "-", 9),
                (.satisfaction, outcome?.satisfaction.map(String.init) ?? "-", 3),
            ]
            let isRow = index == row && focus != .topUp
            var column = x
            column += canvas.put(Format.pad(region.name + ((outcome?.note.isEmpty ?? true) ? "" : " *"), nameWidth), x: column, y: y + rows,
                                 style: isRow && self.column == .note ? .selected : (isRow ? Style(.accent, bold: true) : .plain))
            for (cellColumn, text, cellWidth) in cells {
                let style: Style = isRow && self.column == cellColumn ? .selected : .plain
                column += canvas.put(Format.pad(text, cellWidth), x: column, y: y + rows, style: style)
            }
            rows += 1
        }
        if let region = currentRegion, let note = review.outcome(for: region)?.note, !note.isEmpty {
            canvas.put("Note: \(note)", x: x, y: y + rows, style: .muted, limit: width)
            rows += 1
        }
        return rows
    }

    private func renderFooter(into canvas: inout Canvas) {
        let row = canvas.height - 1
        canvas.fill(Rect(x: 0, y: canvas.height - 2, width: canvas.width, height: 2))
        if case .editingNote(let field) = focus {
            let label = "Note: "
            canvas.put(label, x: 0, y: row, style: .title)
            field.render(into: &canvas, x: label.count, y: row, width: canvas.width - label.count - 26, focused: true)
            canvas.put("  Enter keep · Esc cancel", x: canvas.width - 25, y: row, style: .muted)
            return
        }
        let region = currentRegion.map { "\($0.name) · \(columnHint)" } ?? "No points in the treatment."
        canvas.put(region, x: 0, y: canvas.height - 2, style: .plain, limit: canvas.width)
        if let message {
            canvas.put(message.text, x: 0, y: row, style: message.style, limit: canvas.width)
        } else {
            canvas.put("0-3 score · Space symmetry · Enter note · e side effects · t top-up · ? keys · q back",
                       x: 0, y: row, style: .muted, limit: canvas.width)
        }
    }

    private var columnHint: String {
        switch column {
        case .rest: "wrinkles at rest: 0 none, 1 mild, 2 moderate, 3 severe"
        case .maximum: "wrinkles at maximum contraction: 0-3"
        case .symmetry: "symmetry: Space cycles even, R higher, L higher"
        case .satisfaction: "satisfaction: 1 very unhappy to 5 very happy"
        case .note: "note: Enter edits"
        }
    }

    private func renderSideEffects(into canvas: inout Canvas) {
        let lines = SideEffect.allCases.enumerated().map { index, effect in
            ("\(index + 1)", "[\(review.hasSideEffect(effect) ? "x" : " ")] \(effect.name)")
        }
        HelpOverlay.render(into: &canvas, title: "Side effects: 1-8 toggle, Enter done", lines: lines)
    }
}
