import FaceChartCore
import FaceChartUI

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
        renderSidebar(into: &canvas, rect: sidebar)
        if focus != .topUp { renderFooter(into: &canvas) }
        switch focus {
        case .help(let overlay):
            overlay.render(into: &canvas, keys: Self.keys)
        case .sideEffects, .editingSideEffect: renderSideEffects(into: &canvas)
        default: break
        }
    }

    private func renderGrid(into canvas: inout Canvas) {
        guard let faceView = views[view] ?? views.values.first else { return }
        // The treated points with the units each was given; a top-up's points have their own glyph.
        let added = topUp?.session.points ?? []
        FaceGridWidget(view: faceView, points: original.points + added, topUps: Set(added.map(\.id)), labels: .units)
            .render(into: &canvas, at: ChartingLayout.gridOrigin)
    }

    /// `FaceChart`, the patient's name (giving way when long), the treatment's day and the day count.
    private func renderTitle(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1))
        let day = dayCount(environment: environment)
        let treated = " · review of \(original.day(in: environment.timeZone)) · ", count = "day \(day) "
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true),
                        limit: canvas.width - x - ColumnWidth.of(treated + count))
        x += canvas.put(treated, x: x, y: 0)
        canvas.put(count, x: x, y: 0, style: plan.isDue(onDay: day) ? Style(.ok, bold: true) : .warning)
    }

    private func renderSidebar(into canvas: inout Canvas, rect: Rect) {
        var y = rect.y
        let table = TopUpTableWidget(original: original.points, topUp: topUp?.session.points ?? []).lines(width: rect.width)
        if focus == .topUp, let topUp {
            canvas.put(topUp.pen.label + " " + String(canvas.glyphs.point(topUp.pen.depth)) + "  (top-up)", x: rect.x, y: y, style: Style(.topUp, bold: true), limit: rect.width)
            y += 1
        } else {
            canvas.put("\(original.indication.concern) · due \(plan.dueText)", x: rect.x, y: y, style: .muted, limit: rect.width)
            y += 1
            let budget = max(2, rect.maxY - y - table.count - 3)
            let (lines, cursorLine) = scoreLines(width: rect.width)
            let first = max(0, min(cursorLine - budget / 2, lines.count - budget))
            for line in lines.dropFirst(first).prefix(budget) {
                line.draw(&canvas, rect.x, y)
                y += 1
            }
            if let note = currentNote, !note.isEmpty {
                canvas.put("Note: \(note)", x: rect.x, y: y, style: .muted, limit: rect.width)
                y += 1
            }
            let effects = review.sideEffects.map(ReviewScreen.describe)
            y += canvas.putWrapped("Side effects (e): " + (effects.isEmpty ? "none" : effects.joined(separator: ", ")), x: rect.x, y: y,
                                   width: rect.width, style: effects.isEmpty ? .muted : .warning, maxRows: 3)
        }
        let top = max(y + 1, rect.maxY - table.count)
        let points = viewPointLines(width: rect.width)
        for (index, line) in points.prefix(max(0, top - y)).enumerated() {
            canvas.put(line.0, x: rect.x, y: y + index, style: line.1, limit: rect.width)
        }
        for (index, line) in table.enumerated() where top + index < rect.maxY {
            canvas.put(line.0, x: rect.x, y: top + index, style: line.1, limit: rect.width)
        }
    }

    /// The note of the current row: its region's, or the review's for per-visit rows.
    private var currentNote: String? {
        guard let current = rows[safe: row] else { return nil }
        return current.region.map { review.outcome(for: $0)?.note ?? "" } ?? review.notes
    }

    // MARK: Scores table

    /// A piece of text at a column offset on one line of the table.
    struct TableLine {
        var pieces: [(x: Int, text: String, style: Style)]

        func draw(_ canvas: inout Canvas, _ x: Int, _ y: Int) {
            for piece in pieces { canvas.put(piece.text, x: x + piece.x, y: y, style: piece.style) }
        }
    }

    /// The rows of scores laid out in `width` columns: the row's name, then its items, wrapping under the
    /// name; with the line of the cursor's row, so that the sidebar can keep it in view.
    func scoreLines(width: Int) -> (lines: [TableLine], cursorLine: Int) {
        let nameWidth = max(10, min(18, width - 26))
        var lines: [TableLine] = []
        var cursorLine = 0
        if rows.isEmpty {
            return ([TableLine(pieces: [(0, "No scales for this indication.", .muted)])], 0)
        }
        for (index, scoreRow) in rows.enumerated() {
            let isRow = index == row && focus != .topUp
            var noted = false
            if let region = scoreRow.region { noted = !(review.outcome(for: region)?.note.isEmpty ?? true) }
            let name = Format.clipped(scoreRow.title + (noted ? " *" : ""), nameWidth - 1)
            var line = TableLine(pieces: [(0, name, isRow ? Style(.accent, bold: true) : .plain)])
            var x = nameWidth
            if isRow { cursorLine = lines.count }
            var cells = scoreRow.fields.enumerated().map { fieldIndex, field -> (String, Style) in
                var text = cellText(field)
                let selected = isRow && fieldIndex == min(column, scoreRow.fields.count - 1)
                if selected, !entry.isEmpty { text = "\(field.item.short) \(entry)_" }
                return (text, selected ? .selected : (value(of: field) == nil ? .muted : .plain))
            }
            if let scale = scoreRow.scale, let aggregate = scale.aggregate,
               let total = scale.aggregateValue(review.scaleScores.values(of: scale.key)) {
                cells.append(("\(aggregate.short) \(OutcomeScale.format(total))", Style(.normal, bold: true)))
            }
            for (text, style) in cells {
                if x > nameWidth, x + ColumnWidth.of(text) > width {
                    lines.append(line)
                    line = TableLine(pieces: [])
                    x = nameWidth
                }
                line.pieces.append((x, text, style))
                x += ColumnWidth.of(text) + 1
            }
            lines.append(line)
        }
        return (lines, cursorLine)
    }

    // MARK: Points on the view

    /// The treated points on the shown view with their units, per region and side.
    func viewPointLines(width: Int) -> [(String, Style)] {
        let points = original.points(on: view)
        guard !points.isEmpty else { return [("\(view.title): no treated points (v: next view)", .muted)] }
        var lines: [(String, Style)] = [("\(view.title) view, units given:", Style(.muted, underline: true))]
        for region in DoseSummary(points: points).regions.map(\.region) {
            let sides = [Side.right, .left, .midline].compactMap { side -> String? in
                let units = points.filter { $0.region == region && $0.side == side }.map(\.units)
                return units.isEmpty ? nil : "\(side.letter) " + units.map(\.description).joined(separator: "+")
            }
            lines.append((Format.pad(Format.clipped(region.name, 16), 16) + " " + sides.joined(separator: "  "), .plain))
        }
        return lines.map { (Format.pad($0.0, width), $0.1) }
    }

    // MARK: Footer

    private func renderFooter(into canvas: inout Canvas) {
        let row = canvas.height - 1
        canvas.fill(Rect(x: 0, y: canvas.height - 2, width: canvas.width, height: 2))
        if case .editingNote(let prompt) = focus {
            if let message { canvas.put(message.text, x: 0, y: row - 1, style: message.style, limit: canvas.width) }
            prompt.render(into: &canvas, row: row)
            return
        }
        canvas.put(fieldHint, x: 0, y: canvas.height - 2, style: .plain, limit: canvas.width)
        if let message {
            canvas.putMessage(message.text, bottom: row, style: message.style)
        } else {
            let keys = ["type a score", "Space step", "Enter note", "e effects", "t top-up", "v view", "? keys", "q back"]
            canvas.put(Format.hints(keys, width: canvas.width),
                       x: 0, y: row, style: .muted, limit: canvas.width)
        }
    }

    /// What the item under the cursor is and what it accepts.
    private var fieldHint: String {
        guard let current = rows[safe: self.row], let field = currentField else { return "No scales for this review." }
        return "\(current.region?.name ?? field.scale.name) · \(rangeText(field.item))"
    }
}
