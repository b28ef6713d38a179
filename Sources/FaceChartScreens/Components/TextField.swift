import FaceChartUI

/// A one-line text entry: typing inserts at the cursor, Backspace and Delete remove, arrows move.
public struct TextField: Hashable, Sendable {
    public var text: String
    /// Cursor position as a character offset.
    public var cursor: Int
    public var maximumLength: Int

    public init(_ text: String = "", maximumLength: Int = 120) {
        self.text = text
        self.cursor = text.count
        self.maximumLength = maximumLength
    }

    /// Applies an editing key; returns whether the key was an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard text.count < maximumLength, !character.isNewline else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor)
            text.insert(character, at: index)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        default: return false
        }
        return true
    }

    /// Draws the field in `width` columns at `x`, `y`, scrolled so the cursor shows; places the
    /// canvas cursor when `focused`.
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .plain) {
        let characters = Array(text)
        var start = 0
        while ColumnWidth.of(String(characters[start..<cursor])) >= width, start < cursor { start += 1 }
        let visible = String(characters[start...])
        let fieldStyle = focused ? style.with(underline: true) : style
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: fieldStyle)
        canvas.put(visible, x: x, y: y, style: fieldStyle, limit: width)
        if focused {
            canvas.cursor = (x + ColumnWidth.of(String(characters[start..<cursor])), y)
        }
    }
}
