import FaceChartCore
import FaceChartUI
import Foundation

extension ChartingScreen {
    /// Draws the whole screen into `canvas`: title, grid, sidebar, the cursor's cell on the status
    /// row and, on the last row, a message, the danger under the cursor, a prompt or the keys.
    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        guard let faceView = views[view] else { return }
        renderTitle(into: &canvas, environment: environment)
        FaceGridWidget(
            view: faceView, points: session.points, priorPoints: priorPoints, selected: selected,
            cursor: (cursor.column, cursor.row), labels: labels
        ).render(into: &canvas, at: ChartingLayout.gridOrigin)
        renderSidebar(into: &canvas, faceView: faceView, environment: environment)
        renderStatus(into: &canvas, faceView: faceView, row: canvas.height - 2)
        renderFooter(into: &canvas, faceView: faceView, row: canvas.height - 1)
        switch mode {
        case .help(let overlay):
            overlay.render(into: &canvas, keys: Self.keys)
        case .pickingPattern(let picker):
            picker.render(into: &canvas, patterns: environment.patterns, rules: environment.rules, productName: environment.productName)
        case .convertingPattern(let pending): renderConversion(pending, into: &canvas)
        case .vials(let selection): renderVials(selection: selection, into: &canvas, environment: environment)
        case .addingVial(let entry, let focus): renderAddingVial(entry, focus: focus, into: &canvas, environment: environment)
        case .safety(let overlay):
            overlay.render(into: &canvas, title: "Safety checks and limits", rows: safetyRows(environment: environment),
                           footer: "any key closes this · O overrides with a reason")
        case .recordInfo(let overlay):
            overlay.render(into: &canvas, title: "This record", rows: recordRows(environment: environment))
        default: break
        }
    }

    /// The record overlay's rows: signature, addenda, overrides, vials and notes, each whole.
    func recordRows(environment: ScreenEnvironment) -> [Overlay.Row] {
        Overlay.keyRows(recordLines(environment: environment), screenWidth: environment.screenSize.width)
    }

    /// The `!` overlay's rows: the findings and the limits in force, wrapped.
    func safetyRows(environment: ScreenEnvironment) -> [Overlay.Row] {
        Overlay.textRows(safetyLines(environment: environment), screenWidth: environment.screenSize.width)
    }

    /// The lines of the `!` overlay: every finding with its source, then every limit in force for the
    /// session's ingredients and indication with its source.
    func safetyLines(environment: ScreenEnvironment) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let all = findings
        if all.isEmpty { lines.append(("No findings for this session.", Style(.ok))) }
        for finding in all {
            let style: Style = finding.isOverridden ? .muted
                : finding.severity == .block ? Style(.danger, bold: true) : finding.severity == .warning ? .warning : .plain
            let label = finding.isOverridden ? "OVERRIDDEN" : finding.severity.name.uppercased()
            lines.append(("\(label): \(finding.message)", style))
            var source = "  \(finding.source.description)"
            if let note = finding.note { source += " · \(note)" }
            if let reason = finding.overriddenReason { source += " · reason: \(reason) (\(Format.dateTime(finding.override!.at, timeZone: environment.timeZone)))" }
            lines.append((source, .muted))
        }
        if isToxinNaive {
            lines.append(("Toxin-naive: no full treatment before this session (starting doses apply).", .warning))
        }
        let rules = environment.rules
        let indication = rules.indicationKey(of: session)
        let ingredients = session.vials.map(rules.ingredient(of:))
        for ingredient in ingredients.reduce(into: [String](), { list, item in if !list.contains(item) { list.append(item) } }) {
            let name = rules.indications.entry(indication)?.name ?? indication
            lines.append(("", .plain))
            lines.append(("Limits in force: \(ingredient), \(name.lowercased())", .title))
            for limit in rules.describedLimits(ingredient: ingredient, indication: indication) {
                lines.append(("\(limit.text) [\(limit.source.description)]", .plain))
            }
        }
        return lines
    }

    /// `FaceChart`, the patient's name, age and flags; the session's day and status whole on the right.
    private func renderTitle(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let status = (readOnly != nil ? " READ-ONLY" : "")
            + (!session.signatureIsIntact ? " SIGNATURE BROKEN " : session.isSigned ? " SIGNED "
                : session.isVoided ? " VOIDED " : " draft ")
        let day = " \(session.day(in: environment.timeZone))" + status
        let statusStyle: Style = !session.signatureIsIntact ? Style(.danger, bold: true, reverse: true)
            : session.isSigned ? Style(.ok, bold: true) : .muted
        let dayX = max(0, canvas.width - ColumnWidth.of(day))
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        let age = patient.dateOfBirth.map { " (\($0.age(on: environment.today)))" } ?? ""
        let flags = patient.sortedFlags
        let flagText = flags.isEmpty ? "" : " " + flags.map(\.shortName).joined(separator: ", ") + " "
        // The name gives way to the age and flags down to 16 columns, then the flags give way.
        let nameRoom = max(16, dayX - x - ColumnWidth.of(age) - (flags.isEmpty ? 0 : 1 + ColumnWidth.of(flagText)))
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true), limit: min(nameRoom, dayX - x))
        x += canvas.put(age, x: x, y: 0, style: .plain, limit: dayX - x)
        if !flags.isEmpty, dayX - x > 2 {
            let worst = flags[0].severity
            let style: Style = worst == .contraindication ? Style(.danger, bold: true, reverse: true)
                : worst == .warning ? Style(.warning, bold: true, reverse: true) : Style(.warning)
            canvas.put(flagText, x: x + 1, y: 0, style: style, limit: dayX - x - 1)
        }
        canvas.put(day, x: dayX, y: 0, style: statusStyle)
        // No earlier treatment: said where there is room, and always in the ! overlay's limits.
        let naive = " toxin-naive"
        let naiveX = x + (flags.isEmpty ? 0 : 1 + ColumnWidth.of(flagText))
        if isToxinNaive, session.status == .draft, naiveX + ColumnWidth.of(naive) < dayX {
            canvas.put(naive, x: naiveX, y: 0, style: .warning)
        }
    }

    /// The view, the region and side under the cursor, and the selected (else first) point there in
    /// full: units, depth, volume and syringe marks.
    private func renderStatus(into canvas: inout Canvas, faceView: FaceView, row: Int) {
        let info = faceView.cell(column: cursor.column, row: cursor.row)
        let x = canvas.put(faceView.kind.title + " · ", x: 0, y: row, style: .muted)
        guard let region = info.region else {
            let text = info.danger.map { "No injection: \($0.warning)" } ?? "No injection here"
            canvas.put(text, x: x, y: row, style: info.danger == nil ? .muted : .warning, limit: canvas.width - x)
            return
        }
        var text = "\(region.name) \(info.side.letter)"
        let here = pointsUnderCursor()
        if let shown = here.first(where: { $0.id == selected }) ?? here.first {
            let dilution = Dilution(session.vial(for: shown))
            text += " · \(shown.units) U \(shown.depth.abbreviation) = \(Format.millilitres(dilution.millilitres(for: shown.units)))"
                + " (\(Format.trimmed(dilution.syringeMarks(for: shown.units))) marks)"
            if here.count > 1 { text += " · \(here.count) points here, \(Format.units(here.map(\.units).total())) (Tab)" }
        }
        canvas.put(text, x: x, y: row, style: .plain, limit: canvas.width - x)
    }

    private func renderFooter(into canvas: inout Canvas, faceView: FaceView, row: Int) {
        if case .prompt(let prompt, _) = mode {
            if let message { canvas.putMessage(message.text, bottom: row - 1, style: message.style, maxRows: 2) }
            prompt.render(into: &canvas, row: row)
        } else if let message {
            canvas.putMessage(message.text, bottom: row, style: message.style)
        } else if let danger = faceView.cell(column: cursor.column, row: cursor.row).danger,
                  faceView.cell(column: cursor.column, row: cursor.row).region != nil {
            canvas.put("\(canvas.glyphs.danger) DANGER: \(danger.warning)", x: 0, y: row, style: .warning, limit: canvas.width)
        } else {
            let keys = session.status != .draft
                ? ["Read-only", "A addendum", "Tab points", "v view", "i record", "? keys", "q back"]
                : ["Enter place", "0-9 units", "d depth", "Tab select", "m mirror", "u undo", "i record", "? keys", "q back"]
            canvas.put(Format.hints(keys, width: canvas.width), x: 0, y: row, style: .muted, limit: canvas.width)
        }
    }

    private func renderConversion(_ pending: PatternConversion, into canvas: inout Canvas) {
        let rect = Rect(x: 0, y: 1, width: min(canvas.width, 80), height: min(canvas.height - 3, 14))
        canvas.fill(rect)
        canvas.box(rect, title: "Convert a pattern from other units?", style: Style(.warning))
        let points = pending.pattern.points(sides: pending.sides, scale: pending.appliedScale) { RecordID("preview")! }
        var y = rect.y + 1
        for (index, line) in pending.lines(points: points).enumerated() where y < rect.maxY - 1 {
            y += canvas.putWrapped(line, x: rect.x + 2, y: y, width: rect.width - 4,
                                   style: index == 0 ? .warning : index == 4 ? Style(.accent, bold: true) : .plain, maxRows: rect.maxY - 1 - y)
        }
    }
}
