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
            cursor: (cursor.column, cursor.row)
        ).render(into: &canvas, at: ChartingLayout.gridOrigin)
        renderSidebar(into: &canvas, faceView: faceView, environment: environment)
        renderStatus(into: &canvas, faceView: faceView, row: canvas.height - 2)
        renderFooter(into: &canvas, faceView: faceView, row: canvas.height - 1)
        switch mode {
        case .help(let overlay):
            overlay.render(into: &canvas, title: "Charting keys", keys: Self.helpKeys)
        case .pickingPattern(let picker):
            picker.render(into: &canvas, patterns: environment.patterns, conversions: environment.conversions,
                          productName: environment.productName)
        case .safety(let overlay):
            overlay.render(into: &canvas, title: "Safety checks", rows: safetyRows(environment: environment),
                           footer: "any key closes this · O overrides a block with a reason")
        case .recordInfo(let overlay):
            overlay.render(into: &canvas, title: "This record", rows: recordRows(environment: environment))
        default: break
        }
    }

    static let helpKeys: [(String, String)] = [
        ("arrows h j k l", "move the cursor (Shift or H J K L: faster)"),
        ("0-9 .", "set the pen's units (e.g. 2.5)"),
        ("d", "cycle the pen's depth ID SC IM DP"),
        ("Enter Space", "place a point with the pen"),
        ("click", "place or select a point there; on the list, select it"),
        ("Tab Shift-Tab", "select the next / previous point (or the wheel)"),
        ("+ -", "selected point: 0.5 U more / less"),
        ("D", "selected point: cycle its depth"),
        ("x", "delete the selected point"),
        ("m", "mirror the selected point to the other side"),
        ("g", "guidance (landmark, EMG, stimulation, ultrasound) for the pen and the selected point"),
        ("u  Ctrl-R", "undo / redo"),
        ("v", "anterior / posterior view"),
        ("t", "apply a treatment pattern (type to find)"),
        ("P", "save this map as a pattern of your own"),
        ("!", "safety checks with their sources"),
        ("O", "override a blocking check, with a reason"),
        ("S", "sign the session (then read-only)"),
        ("A", "add a dated addendum to a signed session"),
        ("i", "this record: signature, addenda, overrides, vials, notes"),
        ("E", "correct the draft's header: clinician, indication, vial"),
        ("N  n", "session notes / the selected point's note"),
        ("V", "void the draft, with a reason (kept, counted nowhere)"),
        ("q Esc", "back (everything is already saved)"),
    ]

    /// The record overlay's rows: signature, addenda, overrides, vials and notes, each whole.
    func recordRows(environment: ScreenEnvironment) -> [Overlay.Row] {
        Overlay.keyRows(recordLines(environment: environment), screenWidth: environment.screenSize.width)
    }

    /// The findings as overlay rows: each finding's verdict, then its source, wrapped.
    func safetyRows(environment: ScreenEnvironment) -> [Overlay.Row] {
        let all = findings(environment: environment)
        guard !all.isEmpty else { return [Overlay.Row("No findings for this session.", style: Style(.ok))] }
        var lines: [(String, Style)] = []
        for finding in all {
            let style: Style = finding.isOverridden ? .muted
                : finding.severity == .block ? Style(.danger, bold: true) : finding.severity == .warning ? .warning : .plain
            let label = finding.isOverridden ? "OVERRIDDEN" : finding.severity.name.uppercased()
            lines.append(("\(label): \(finding.message)", style))
            var source = "  \(finding.source.description)"
            if let note = finding.note { source += " · \(note)" }
            if let reason = finding.overriddenReason { source += " · reason: \(reason)" }
            lines.append((source, .muted))
        }
        return Overlay.textRows(lines, screenWidth: environment.screenSize.width)
    }

    /// `FaceChart`, the patient's name, age and flags; the session's day and status whole on the right.
    private func renderTitle(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let status = !session.signatureIsIntact ? " SIGNATURE BROKEN " : session.isSigned ? " SIGNED "
            : session.isVoided ? " VOIDED " : " draft "
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
            let dilution = session.dilution
            text += " · \(shown.units) U \(shown.depth.abbreviation) = \(Format.millilitres(dilution.millilitres(for: shown.units)))"
                + " (\(Format.trimmed(dilution.syringeMarks(for: shown.units))) marks)"
            if here.count > 1 { text += " · +\(here.count - 1) more here (Tab)" }
        }
        canvas.put(text, x: x, y: row, style: .plain, limit: canvas.width - x)
    }

    private func renderFooter(into canvas: inout Canvas, faceView: FaceView, row: Int) {
        let prompt: (label: String, field: TextField, hint: String)?
        switch mode {
        case .signing(let field): prompt = ("Sign as: ", field, "Enter sign · Esc cancel")
        case .addendum(let field): prompt = ("Addendum: ", field, "Enter next · Esc cancel")
        case .addendumAuthor(_, let field): prompt = ("Addendum by: ", field, "Enter add · Esc back")
        case .overriding(_, let field): prompt = ("Reason: ", field, "Enter record · Esc cancel")
        case .editingNotes(let field): prompt = ("Session notes: ", field, "Enter save · Esc cancel")
        case .editingPointNote(_, let field): prompt = ("Point note: ", field, "Enter save · Esc cancel")
        case .voiding(let field): prompt = ("Void because: ", field, "Enter void · Esc keep")
        case .savingPattern(let field): prompt = ("Pattern name: ", field, "Enter save · Esc cancel")
        case .charting, .help, .pickingPattern, .safety, .recordInfo: prompt = nil
        }
        if let prompt {
            if let message { canvas.putMessage(message.text, bottom: row - 1, style: message.style, maxRows: 2) }
            renderPrompt(prompt.label, field: prompt.field, hint: prompt.hint, into: &canvas, row: row)
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

    /// A labelled one-line text field across the footer, with its keys on the right.
    private func renderPrompt(_ label: String, field: TextField, hint: String, into canvas: inout Canvas, row: Int) {
        canvas.fill(Rect(x: 0, y: row, width: canvas.width, height: 1))
        let labelWidth = ColumnWidth.of(label)
        canvas.put(label, x: 0, y: row, style: .title)
        let hintText = "  " + hint
        let fieldWidth = max(10, canvas.width - labelWidth - ColumnWidth.of(hintText))
        field.render(into: &canvas, x: labelWidth, y: row, width: fieldWidth, focused: true)
        canvas.put(hintText, x: labelWidth + fieldWidth, y: row, style: .muted)
    }
}
