import FaceChartCore
import Foundation

extension ChartingScreen {
    /// Draws the whole screen into `canvas`.
    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        guard let faceView = views[view] else { return }
        let width = canvas.width, height = canvas.height
        renderTitle(into: &canvas, environment: environment)

        let origin = ChartingLayout.gridOrigin
        FaceGridWidget(
            view: faceView, points: session.points, priorPoints: priorPoints, selected: selected,
            cursor: (cursor.column, cursor.row)
        ).render(into: &canvas, at: origin)

        let sidebar = Rect(x: faceView.width + 1, y: 1, width: min(ChartingLayout.maximumSidebarWidth, width - faceView.width - 1),
                           height: height - 3)
        renderSidebar(into: &canvas, rect: sidebar, environment: environment)
        renderStatus(into: &canvas, faceView: faceView, row: height - 2)
        renderFooter(into: &canvas, row: height - 1)
        switch mode {
        case .help: HelpOverlay.render(into: &canvas, title: "Charting keys", lines: ChartingScreen.helpLines)
        case .pickingPattern(let picker):
            picker.render(into: &canvas, patterns: environment.patterns, rules: environment.rules, productName: environment.productName)
        case .convertingPattern(let pending): renderConversion(pending, into: &canvas)
        case .vials(let selection): renderVials(selection: selection, into: &canvas, environment: environment)
        case .addingVial(let entry, let focus): renderAddingVial(entry, focus: focus, into: &canvas, environment: environment)
        case .safety(let offset): renderSafety(into: &canvas, offset: offset, environment: environment)
        case .recordInfo:
            HelpOverlay.render(into: &canvas, title: "This record (any key closes)", lines: recordLines(environment: environment))
        default: break
        }
    }

    /// At most 18 lines: what a 24-row terminal shows.
    static let helpLines: [(String, String)] = [
        ("arrows h j k l", "move the cursor (Shift or H J K L: faster)"),
        ("0-9 .", "type the pen's units; a pause or a key takes them"),
        ("Esc Backspace", "while typing: clear / correct the figure"),
        ("d", "cycle the pen's depth ID SC IM DP IG"),
        ("Enter Space click", "place a point (on a point: select; again: ask)"),
        ("Tab Shift-Tab", "select the next / previous point"),
        ("+ - D x m", "selected point: ±0.5 U, depth, delete, mirror"),
        ("g", "guidance (landmark, EMG, stimulation, ultrasound)"),
        ("u  Ctrl-R  v", "undo / redo · next view"),
        ("b", "vials: choose the one new points come from, or open another"),
        ("t  P", "apply a treatment pattern / save this map as one"),
        ("y c", "confirm a dose / a converted pattern when asked"),
        ("!  O", "safety checks and limits / override one, with a reason"),
        ("S  A i", "sign / dated addendum to a signed one / this record"),
        ("E  N  n", "correct the header / session notes / point note"),
        ("V", "void the draft, with a reason (kept, counted nowhere)"),
        ("q Esc", "back (everything is already saved)"),
    ]

    private func renderTitle(into canvas: inout Canvas, environment: ScreenEnvironment) {
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true))
        if let born = patient.dateOfBirth {
            x += canvas.put(" (\(born.age(on: environment.today)))", x: x, y: 0, style: .plain)
        }
        let flags = patient.sortedFlags
        if !flags.isEmpty {
            let worst = flags[0].severity
            let style: Style = worst == .contraindication ? Style(.danger, bold: true, reverse: true)
                : worst == .warning ? Style(.warning, bold: true, reverse: true) : Style(.warning)
            x += 1
            x += canvas.put(" " + flags.map(\.shortName).joined(separator: ", ") + " ", x: x, y: 0, style: style)
        }
        let status = !session.signatureIsIntact ? " SIGNATURE BROKEN " : session.isSigned ? " SIGNED "
            : session.isVoided ? " VOIDED " : " draft "
        let day = " \(session.day(in: environment.timeZone))" + status
        let statusStyle: Style = !session.signatureIsIntact ? Style(.danger, bold: true, reverse: true)
            : session.isSigned ? Style(.ok, bold: true) : .muted
        let statusX = max(0, canvas.width - ColumnWidth.of(day))
        canvas.put(day, x: statusX, y: 0, style: statusStyle)
        // No earlier treatment: said where there is room, and always in the ! overlay's limits.
        let naive = " toxin-naive"
        if isToxinNaive, session.status == .draft, x + ColumnWidth.of(naive) < statusX {
            canvas.put(naive, x: x, y: 0, style: .warning)
        }
    }

    private func renderSidebar(into canvas: inout Canvas, rect: Rect, environment: ScreenEnvironment) {
        var y = rect.y
        let penStyle: Style = penEntry?.refusal != nil ? Style(.danger, bold: true, reverse: true)
            : penEntry != nil ? Style(.accent, bold: true, reverse: true) : Style(.accent, bold: true)
        canvas.put(penText, x: rect.x, y: y, style: penStyle, limit: rect.width)
        y += 1
        let product = current
        let vialText = session.vials.count > 1 ? "\(product.id) " : ""
        canvas.put("\(session.indication.concern) · \(vialText)\(environment.productName(product.product)) \(product.lot)",
                   x: rect.x, y: y, style: .muted, limit: rect.width)
        y += 1
        let safety = safetySummary(environment: environment)
        canvas.put(safety.0, x: rect.x, y: y, style: safety.1, limit: rect.width)
        y += 1
        if let signature = session.signature {
            let addenda = session.addenda.isEmpty ? "" : " · \(session.addenda.count) addend\(session.addenda.count == 1 ? "um" : "a")"
            canvas.put("Signed \(signature.signer.name) \(Format.dateTime(signature.signedAt, timeZone: environment.timeZone))"
                + addenda + " (i)", x: rect.x, y: y, style: .muted, limit: rect.width)
            y += 1
        } else if let voiding = session.voiding {
            canvas.put("VOIDED: \(voiding.reason) (i)", x: rect.x, y: y, style: .warning, limit: rect.width)
            y += 1
        }
        let otherProducts = Set(session.points.map { session.vial(for: $0).product }).subtracting([product.product])
        if !otherProducts.isEmpty {
            canvas.put("Mixed products: units not interchangeable", x: rect.x, y: y, style: .warning, limit: rect.width)
            y += 1
        }

        let doses = DoseTableWidget(session: session).lines(width: rect.width)
        let listRows = max(1, rect.maxY - y - doses.count - 1)
        canvas.put("Points (\(session.points.count))", x: rect.x, y: y, style: .title)
        y += 1
        let rows = listRows - 1
        let selectedIndex = selected.flatMap { id in session.points.firstIndex { $0.id == id } } ?? (session.points.count - 1)
        let first = max(0, min(selectedIndex - rows / 2, session.points.count - rows))
        for (offset, point) in session.points.enumerated().dropFirst(first).prefix(max(0, rows)) {
            let guidance = point.guidance.map { " " + Format.pad($0.abbreviation, 4) } ?? ""
            let line = Format.padLeft("\(offset + 1)", 2) + " " + Format.pad(Format.clipped(point.region.name, rect.width - 17 - guidance.count), rect.width - 17 - guidance.count) + guidance
                + " " + point.side.letter + Format.padLeft(point.units.description, 6) + " " + point.depth.abbreviation
                + (point.view == .anterior ? "" : " " + point.view.abbreviation.prefix(1))
            let style: Style = point.id == selected ? Style.selected : .plain
            canvas.put(Format.pad(line, rect.width), x: rect.x, y: y, style: style, limit: rect.width)
            y += 1
        }
        if session.points.isEmpty {
            canvas.put("none yet: Enter places one", x: rect.x + 1, y: y, style: .muted, limit: rect.width - 1)
        }
        y = rect.maxY - doses.count
        for (line, style) in doses {
            canvas.put(line, x: rect.x, y: y, style: style, limit: rect.width)
            y += 1
        }
    }

    private func renderStatus(into canvas: inout Canvas, faceView: FaceView, row: Int) {
        let info = faceView.cell(column: cursor.column, row: cursor.row)
        let prefix = faceView.kind.title + " · "
        let x = canvas.put(prefix, x: 0, y: row, style: .muted)
        var text: String
        var style: Style = .plain
        if let region = info.region {
            text = "\(region.name) \(info.side.letter)"
            let here = pointsUnderCursor()
            if !here.isEmpty {
                text += " · " + here.map {
                    let dilution = Dilution(session.vial(for: $0))
                    return "\($0.units) U \($0.depth.abbreviation) = \(Format.millilitres(dilution.millilitres(for: $0.units))) (\(Format.trimmed(dilution.syringeMarks(for: $0.units))) marks)"
                }.joined(separator: ", ")
            }
            if let danger = info.danger {
                text += " · DANGER: \(danger.warning)"
                style = .warning
            }
        } else {
            text = info.danger.map { "No injection: \($0.warning)" } ?? "No injection here"
            style = .muted
        }
        canvas.put(text, x: x, y: row, style: style, limit: canvas.width - x)
    }

    private func renderFooter(into canvas: inout Canvas, row: Int) {
        switch mode {
        case .signing(let field):
            if let message { canvas.put(message.text, x: 0, y: row - 1, style: message.style, limit: canvas.width) }
            renderPrompt("Sign as: ", field: field, hint: "Enter sign · Esc cancel", into: &canvas, row: row)
        case .signingReason(_, let field):
            if let message { canvas.put(message.text, x: 0, y: row - 1, style: message.style, limit: canvas.width) }
            renderPrompt("Reason: ", field: field, hint: "Enter sign · Esc cancel", into: &canvas, row: row)
        case .addendum(let field): renderPrompt("Addendum: ", field: field, hint: "Enter next · Esc cancel", into: &canvas, row: row)
        case .addendumAuthor(_, let field):
            renderPrompt("Addendum by: ", field: field, hint: "Enter add · Esc back", into: &canvas, row: row)
        case .overriding(_, let field): renderPrompt("Reason: ", field: field, hint: "Enter record · Esc cancel", into: &canvas, row: row)
        case .editingNotes(let field): renderPrompt("Session notes: ", field: field, hint: "Enter save · Esc cancel", into: &canvas, row: row)
        case .editingPointNote(_, let field): renderPrompt("Point note: ", field: field, hint: "Enter save · Esc cancel", into: &canvas, row: row)
        case .voiding(let field):
            if let message { canvas.put(message.text, x: 0, y: row - 1, style: message.style, limit: canvas.width) }
            renderPrompt("Void because: ", field: field, hint: "Enter void · Esc keep", into: &canvas, row: row)
        case .savingPattern(let field): renderPrompt("Pattern name: ", field: field, hint: "Enter save · Esc cancel", into: &canvas, row: row)
        case .charting, .help, .pickingPattern, .safety, .convertingPattern, .confirmingDose, .confirmingSecondPoint, .vials,
             .addingVial, .recordInfo:
            if let message {
                canvas.put(message.text, x: 0, y: row, style: message.style, limit: canvas.width)
            } else {
                let hints = session.isSigned
                    ? "Read-only · A addendum · Tab points · v view · ? keys · q back"
                    : "Enter place · 0-9 units · d depth · Tab select · m mirror · u undo · ? keys · q back"
                canvas.put(hints, x: 0, y: row, style: .muted, limit: canvas.width)
            }
        }
    }

    /// A labelled one-line text field across the footer, with its keys on the right.
    private func renderPrompt(_ label: String, field: TextField, hint: String, into canvas: inout Canvas, row: Int) {
        canvas.put(label, x: 0, y: row, style: .title)
        let hintText = "  " + hint
        let fieldWidth = max(10, canvas.width - label.count - hintText.count)
        field.render(into: &canvas, x: label.count, y: row, width: fieldWidth, focused: true)
        canvas.put(hintText, x: label.count + fieldWidth, y: row, style: .muted)
    }

    /// One line: how many checks block, warn or caution, in the style of the worst.
    private func safetySummary(environment: ScreenEnvironment) -> (String, Style) {
        let all = findings(environment: environment)
        let blocks = all.filter(\.isBlocking).count
        let warnings = all.filter { $0.severity == .warning }.count
        let cautions = all.filter { $0.severity == .caution }.count
        let overridden = all.filter(\.isOverridden).count
        guard !all.isEmpty else { return ("Safety: no findings", Style(.ok)) }
        var parts: [String] = []
        if blocks > 0 { parts.append("\(blocks) block") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if cautions > 0 { parts.append("\(cautions) caution\(cautions == 1 ? "" : "s")") }
        if overridden > 0 { parts.append("\(overridden) overridden") }
        let style: Style = blocks > 0 ? Style(.danger, bold: true, reverse: true) : warnings > 0 ? .warning : Style(.warning)
        return ("Safety: " + parts.joined(separator: ", ") + " (!)", style)
    }

    /// The lines of the `!` overlay: every finding with its source, then every limit in force for the
    /// session's ingredients and indication with its source.
    func safetyLines(environment: ScreenEnvironment) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let all = findings(environment: environment)
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

    private func renderSafety(into canvas: inout Canvas, offset: Int, environment: ScreenEnvironment) {
        let rect = Rect(x: 0, y: 1, width: canvas.width, height: canvas.height - 2)
        canvas.fill(rect)
        canvas.box(rect, title: "Safety checks and limits", style: Style(.accent))
        let width = rect.width - 4
        let rows = safetyLines(environment: environment).flatMap { line in
            (line.0.isEmpty ? [""] : Format.wrap(line.0, width: width)).map { ($0, line.1) }
        }
        let visible = max(1, rect.height - 3)
        let first = min(offset, max(0, rows.count - visible))
        for (index, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            canvas.put(row.0, x: rect.x + 2, y: rect.y + 1 + index, style: row.1, limit: width)
        }
        let more = rows.count > visible ? " · j k scroll (\(first + 1)-\(min(rows.count, first + visible)) of \(rows.count))" : ""
        canvas.put("any other key closes this · O overrides with a reason" + more, x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: width)
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
