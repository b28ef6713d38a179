import FaceChartCore
import FaceChartUI

/// Where the charting sidebar puts things, for drawing it and for telling which row a click is on.
struct ChartingSidebar {
    var rect: Rect
    /// The lines above the points list: the pen, the vial new points come from (lot and expiry whole), the safety summary,
    /// the signature or voiding.
    var head: [(String, Style)]
    /// The dose table at the foot.
    var doses: [(String, Style)]
    /// The screen row of the first point shown.
    var listTop: Int
    /// The indices of the points shown.
    var window: Range<Int>

    /// The point listed on screen row `y`, if any.
    func pointIndex(atRow y: Int) -> Int? {
        let index = window.lowerBound + y - listTop
        return window.contains(index) ? index : nil
    }
}

extension ChartingScreen {
    /// The sidebar beside the grid on a screen of `size`.
    func sidebarLayout(
        faceView: FaceView, size: (width: Int, height: Int), environment: ScreenEnvironment, glyphs: Glyphs = .unicode
    ) -> ChartingSidebar {
        let rect = Rect(x: faceView.width + 1, y: 1, width: min(ChartingLayout.maximumSidebarWidth, size.width - faceView.width - 1),
                        height: size.height - 3)
        let product = current
        let vialName = session.vials.count > 1 ? "\(product.id) " : ""
        var head: [(String, Style)] = [
            (penText(glyphs: glyphs), penStyle),
            ("\(session.indication.concern) · \(vialName)\(environment.productName(product.product))", .muted),
        ]
        let vial = "Lot \(product.lot.isEmpty ? "not recorded" : product.lot)" + (product.expiry.map { " · exp \($0)" } ?? "")
        head += Format.wrap(vial, width: rect.width).map { ($0, Style.plain) }
        head.append(safetySummary(environment: environment))
        if let signature = session.signature {
            let addenda = session.addenda.isEmpty ? "" : " · \(session.addenda.count) addend\(session.addenda.count == 1 ? "um" : "a")"
            head.append(("Signed \(signature.signer.name) \(Format.dateTime(signature.signedAt, timeZone: environment.timeZone))"
                + addenda + " (i)", .muted))
        } else if let voiding = session.voiding {
            head.append(("VOIDED: \(voiding.reason) (i)", .warning))
        }
        if !Set(session.points.map { session.vial(for: $0).product }).subtracting([product.product]).isEmpty {
            head.append(("Mixed products: units not interchangeable", .warning))
        }
        // The dose table gives way first, so that the heading and three points always show.
        let doseRoom = max(3, rect.height - head.count - 1 - 3)
        let doses = DoseTableWidget(session: session).lines(width: rect.width, maximumLines: doseRoom)
        let listTop = rect.y + head.count + 1
        let rows = max(1, rect.maxY - doses.count - 1 - listTop)
        let count = session.points.count
        let selectedIndex = selected.flatMap { id in session.points.firstIndex { $0.id == id } } ?? (count - 1)
        let first = max(0, min(selectedIndex - rows / 2, count - rows))
        return ChartingSidebar(rect: rect, head: head, doses: doses, listTop: listTop, window: first..<min(count, first + rows))
    }

    func renderSidebar(into canvas: inout Canvas, faceView: FaceView, environment: ScreenEnvironment) {
        let layout = sidebarLayout(faceView: faceView, size: (canvas.width, canvas.height), environment: environment, glyphs: canvas.glyphs)
        let rect = layout.rect
        for (index, line) in layout.head.enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.y + index, style: line.1, limit: rect.width)
        }
        let count = session.points.count
        let heading = layout.window.count < count
            ? "Points " + Format.scrollPosition(layout.window, of: count, glyphs: canvas.glyphs) + " Tab"
            : "Points (\(count))"
        canvas.put(heading, x: rect.x, y: layout.listTop - 1, style: .title, limit: rect.width)
        for index in layout.window {
            let point = session.points[index]
            let guidance = point.guidance.map { " " + Format.pad($0.abbreviation, 4) } ?? ""
            let line = Format.padLeft("\(index + 1)", 2) + " " + Format.pad(point.region.name, rect.width - 16 - guidance.count) + guidance
                + " " + point.side.letter + Format.padLeft(point.units.description, 6) + " " + point.depth.abbreviation
                + (point.view == .anterior ? "" : " " + point.view.abbreviation.prefix(1))
            canvas.put(Format.pad(line, rect.width), x: rect.x, y: layout.listTop + index - layout.window.lowerBound,
                       style: point.id == selected ? Style.selected : .plain, limit: rect.width)
        }
        if session.points.isEmpty {
            canvas.put("none yet: Enter places one", x: rect.x + 1, y: layout.listTop, style: .muted, limit: rect.width - 1)
        }
        for (index, line) in layout.doses.enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.maxY - layout.doses.count + index, style: line.1, limit: rect.width)
        }
    }

    /// One line: how many checks block, warn or caution, in the style of the worst.
    private func safetySummary(environment: ScreenEnvironment) -> (String, Style) {
        let all = findings
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
}
