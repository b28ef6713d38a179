import FaceChartUI

/// A box over the screen holding rows of text: the keys of a screen, the safety findings, a
/// checklist. Rows wrap to the screen's width, and when there are more than the screen holds the
/// box scrolls (arrows, j k, PgUp PgDn, Space) and says where it is; any other key closes it.
public struct Overlay: Hashable, Sendable {
    /// One row: an optional key (drawn as a key) and text.
    public struct Row: Hashable, Sendable {
        public var key: String
        public var text: String
        public var style: Style

        public init(key: String = "", _ text: String, style: Style = .plain) {
            self.key = key
            self.text = text
            self.style = style
        }
    }

    /// The first row shown.
    public var offset = 0

    public init() {}

    /// Rows for keys and what they do, the descriptions wrapped for a screen `screenWidth` wide.
    public static func keyRows(_ keys: [(String, String)], screenWidth: Int) -> [Row] {
        let keyWidth = min(16, keys.map { ColumnWidth.of($0.0) }.max() ?? 0)
        let textWidth = max(10, innerWidth(screenWidth: screenWidth) - keyWidth - 2)
        return keys.flatMap { key, text in
            Format.wrap(text, width: textWidth).enumerated().map { index, line in
                Row(key: index == 0 ? key : " ", line)
            }
        }
    }

    /// Rows for lines of text, each wrapped for a screen `screenWidth` wide.
    public static func textRows(_ lines: [(String, Style)], screenWidth: Int) -> [Row] {
        lines.flatMap { text, style in
            Format.wrap(text, width: innerWidth(screenWidth: screenWidth)).map { Row($0, style: style) }
        }
    }

    /// The widest text a box can hold on a screen `screenWidth` wide.
    public static func innerWidth(screenWidth: Int) -> Int { max(10, screenWidth - 6) }

    /// How many rows a box shows on a screen `screenHeight` tall: all but the borders, the footer
    /// and a row of screen above and below.
    public static func visibleRows(screenHeight: Int) -> Int { max(1, screenHeight - 5) }

    /// Applies a key; returns whether the box stays open. Scrolling keys scroll a box whose rows
    /// do not all show; every other key, and any key on a box that shows everything, closes it.
    public mutating func handle(_ key: Key, rowCount: Int, screenHeight: Int) -> Bool {
        let visible = Self.visibleRows(screenHeight: screenHeight)
        let last = max(0, rowCount - visible)
        guard last > 0 else { return false }
        switch key {
        case .down, .character("j"): offset = min(last, offset + 1)
        case .up, .character("k"): offset = max(0, offset - 1)
        case .pageDown, .character(" "): offset = min(last, offset + max(1, visible - 1))
        case .pageUp: offset = max(0, offset - max(1, visible - 1))
        case .home, .character("g"): offset = 0
        case .end, .character("G"): offset = last
        default: return false
        }
        return true
    }

    /// Draws the box in the middle of `canvas`, with `footer` on its last row inside.
    public func render(into canvas: inout Canvas, title: String, rows: [Row], footer: String = "any key closes this") {
        let keyWidth = min(16, rows.map { ColumnWidth.of($0.key) }.max() ?? 0)
        let textX = keyWidth > 0 ? keyWidth + 2 : 0
        let widest = rows.map { textX + ColumnWidth.of($0.text) }.max() ?? 0
        let visible = min(rows.count, Self.visibleRows(screenHeight: canvas.height))
        let first = min(offset, max(0, rows.count - visible))
        var footer = footer
        if visible < rows.count {
            footer = Format.scrollPosition(first..<first + visible, of: rows.count, glyphs: canvas.glyphs) + " j k scroll · other keys close"
        }
        let width = min(canvas.width - 2, max(40, widest + 4, ColumnWidth.of(footer) + 4, ColumnWidth.of(title) + 6))
        let height = visible + 3
        let rect = Rect(x: (canvas.width - width) / 2, y: max(0, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: title, style: Style(.accent))
        for (index, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = rect.y + 1 + index
            if keyWidth > 0 { canvas.put(Format.pad(row.key, keyWidth), x: rect.x + 2, y: y, style: Style(.accent, bold: true)) }
            canvas.put(row.text, x: rect.x + 2 + textX, y: y, style: row.style, limit: rect.width - 4 - textX)
        }
        canvas.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: rect.width - 4)
    }
}

extension Overlay {
    /// Passes `key` to a screen's open keys overlay, if any: true when the overlay took it (scrolled,
    /// or closed and is now nil), false when none is open.
    public static func take(_ key: Key, by overlay: inout Overlay?, keys: [(String, String)], environment: ScreenEnvironment) -> Bool {
        guard var open = overlay else { return false }
        let rows = keyRows(keys, screenWidth: environment.screenSize.width).count
        overlay = open.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? open : nil
        return true
    }

    /// Draws a box of keys and what they do, wrapped to the canvas.
    public func render(into canvas: inout Canvas, title: String, keys: [(String, String)]) {
        render(into: &canvas, title: title, rows: Self.keyRows(keys, screenWidth: canvas.width))
    }
}
