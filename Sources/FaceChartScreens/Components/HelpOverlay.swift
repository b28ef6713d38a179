import FaceChartUI

/// A box in the middle of the screen listing keys and what they do; any key closes it.
public enum HelpOverlay {
    public static func render(into canvas: inout Canvas, title: String, lines: [(String, String)]) {
        let keyWidth = min(16, lines.map { ColumnWidth.of($0.0) }.max() ?? 0)
        let width = min(canvas.width - 2, max(40, keyWidth + 2 + (lines.map { ColumnWidth.of($0.1) }.max() ?? 0) + 4))
        let height = min(canvas.height - 2, lines.count + 4)
        let rect = Rect(x: (canvas.width - width) / 2, y: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: title, style: Style(.accent))
        for (index, line) in lines.prefix(height - 4).enumerated() {
            let y = rect.y + 1 + index
            canvas.put(Format.pad(line.0, keyWidth), x: rect.x + 2, y: y, style: Style(.accent, bold: true))
            canvas.put(line.1, x: rect.x + 4 + keyWidth, y: y, limit: rect.width - keyWidth - 6)
        }
        canvas.put("any key closes this", x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: rect.width - 4)
    }
}
