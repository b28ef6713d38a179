import FaceChartUI

/// A one-line text entry: typing and pasting insert at the cursor, Backspace and Delete remove,
/// arrows move. Every edit and every draw costs time in proportion to what changes or shows, never
/// to the whole text, so a long paste stays quick. A full field refuses more and says so.
public struct TextField: Hashable, Sendable {
    private var characters: [Character]
    /// Cursor position as a character offset.
    public private(set) var cursor: Int
    public let maximumLength: Int
    /// How many characters the last edit could not take because the field was full.
    public private(set) var refused = 0
    /// Whether the whole text is selected, as a pre-filled field is when the focus arrives: the next
    /// character or paste replaces it and Backspace clears it; a cursor key keeps it.
    public private(set) var isSelected = false

    public init(_ text: String = "", maximumLength: Int = 120) {
        characters = Array(text)
        cursor = characters.count
        self.maximumLength = maximumLength
    }

    public var text: String { String(characters) }

    /// When the last edit met the limit, a sentence saying so; else nil.
    public var limitNotice: String? {
        switch refused {
        case 0: nil
        case 1: "The field is full: it holds at most \(maximumLength) characters."
        default: "The field is full: it holds at most \(maximumLength) characters; \(refused) pasted characters were left out."
        }
    }

    /// Selects the whole text (nothing when empty), the cursor at its end.
    public mutating func selectAll() {
        isSelected = !characters.isEmpty
        cursor = characters.count
    }

    /// Applies an editing key; returns whether the key was an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        refused = 0
        if isSelected {
            isSelected = false
            switch key {
            case .backspace, .delete, .control("u"):
                characters = []
                cursor = 0
                return true
            case .character(let character) where !character.isNewline:
                characters = []
                cursor = 0
            default: break
            }
        }
        switch key {
        case .character(let character):
            guard !character.isNewline else { return true }
            insert([character])
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters = []
            cursor = 0
        default: return false
        }
        return true
    }

    /// Inserts pasted text at the cursor as one line: each line break (CR LF counts as one) and tab
    /// becomes a space and other control characters are dropped, so a paste never submits a form.
    public mutating func paste(_ pasted: String) {
        refused = 0
        if isSelected {
            isSelected = false
            characters = []
            cursor = 0
        }
        insert(Array(TerminalText.sanitized(pasted)))
    }

    private mutating func insert(_ inserted: [Character]) {
        let room = max(0, maximumLength - characters.count)
        let taken = inserted.prefix(room)
        refused = inserted.count - taken.count
        characters.insert(contentsOf: taken, at: cursor)
        cursor += taken.count
    }

    /// Draws the field in `width` columns at `x`, `y`, scrolled so the cursor shows, with an
    /// ellipsis on the side where text is out of sight; places the canvas cursor when `focused`.
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        guard width > 1 else { return }
        let fieldStyle = focused ? style.with(reverse: isSelected ? true : nil, underline: true) : style
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: fieldStyle)
        var textX = x, room = width
        var start = 0
        var before = columns(from: max(0, cursor - width), to: cursor)
        if cursor > width || before >= width {
            // Scrolled: one column marks the text off to the left; the cursor stays inside the field.
            canvas.put(String(canvas.glyphs.ellipsis), x: x, y: y, style: fieldStyle)
            textX += 1
            room -= 1
            start = cursor
            before = 0
            while start > 0, before + ColumnWidth.of(characters[start - 1]) < room {
                before += ColumnWidth.of(characters[start - 1])
                start -= 1
            }
        }
        // One character more than can show, so that text running past the edge is marked.
        let shown = String(characters[start..<min(characters.count, start + room + 1)])
        canvas.put(shown, x: textX, y: y, style: fieldStyle, limit: room)
        if focused { canvas.cursor = (textX + before, y) }
    }

    private func columns(from start: Int, to end: Int) -> Int {
        characters[start..<end].reduce(0) { $0 + ColumnWidth.of($1) }
    }
}
