/// An in-memory grid of styled cells that every screen renders into. The terminal backend draws it;
/// tests and the printed chart read it back as text.
///
/// Text written here is never cut silently: what does not fit ends in an ellipsis. Record text is
/// data: control characters and escape sequences are dropped before they reach a cell.
public struct Canvas: Hashable, Sendable {
    /// One terminal cell. A wide character fills its own cell and marks the next as a continuation.
    public struct Cell: Hashable, Sendable {
        public var character: Character
        public var style: Style
        public var isContinuation: Bool

        public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
            self.character = character
            self.style = style
            self.isContinuation = isContinuation
        }
    }

    public let width: Int
    public let height: Int
    /// The glyphs this canvas is drawn with; an ASCII canvas maps Unicode glyphs in text to their ASCII forms.
    public let glyphs: Glyphs
    private let drawsASCII: Bool
    public private(set) var cells: [Cell]
    /// Where the terminal should leave its cursor (for text fields), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
    }

    private struct CursorPosition: Hashable, Sendable {
        var x: Int
        var y: Int
    }

    private var cursorPosition: CursorPosition?

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        drawsASCII = glyphs.isASCII
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` on row `y`, within `limit` columns (and the canvas edge). Text
    /// that does not fit ends in an ellipsis in the last column it may use (cut spaces need none).
    /// Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let end = min(width, limit.map { x + $0 } ?? width)
        guard end > x else { return 0 }
        let characters = Array(TerminalText.sanitized(text))
        var column = x
        for (index, original) in characters.enumerated() {
            let character = drawsASCII ? Glyphs.asciiForm(of: original) ?? original : original
            let columns = ColumnWidth.of(character)
            if columns == 0 { continue }
            if column + columns > end {
                if characters[index...].contains(where: { $0 != " " }) {
                    markCut(x: end - 1, y: y, from: x, writtenTo: column, style: style)
                }
                return end - x
            }
            if column >= 0 {
                self[column, y] = Cell(character, style: style)
                if columns == 2 { self[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
            }
            column += columns
        }
        return max(0, column - x)
    }

    /// Puts the ellipsis in column `x` (not left of `start`), blanking a wide character just
    /// written (before column `written`) that it halves.
    private mutating func markCut(x: Int, y: Int, from start: Int, writtenTo written: Int, style: Style) {
        guard x >= max(0, start) else { return }
        if x < written, self[x, y].isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: style) }
        self[x, y] = Cell(glyphs.ellipsis, style: style)
    }

    /// Fills `rect` with one character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        guard rect.width > 0, rect.height > 0 else { return }
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(character, style: style) }
        }
    }

    /// Draws a single-line box around `rect`, with an optional title on the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .muted) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put(String(glyphs.horizontal), x: x, y: rect.y, style: style)
            put(String(glyphs.horizontal), x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put(String(glyphs.vertical), x: rect.x, y: y, style: style)
            put(String(glyphs.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        put(String(glyphs.topLeft), x: rect.x, y: rect.y, style: style)
        put(String(glyphs.topRight), x: rect.maxX - 1, y: rect.y, style: style)
        put(String(glyphs.bottomLeft), x: rect.x, y: rect.maxY - 1, style: style)
        put(String(glyphs.bottomRight), x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: .title, limit: rect.width - 4)
        }
    }

    /// The rows as text, trailing spaces kept, continuation cells skipped.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            return line
        }
    }

    /// The rows as text with trailing spaces removed and trailing empty rows dropped, as printed.
    public var text: String {
        var rows = lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.glyphs == rhs.glyphs && lhs.cells == rhs.cells
            && lhs.cursorPosition == rhs.cursorPosition
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
