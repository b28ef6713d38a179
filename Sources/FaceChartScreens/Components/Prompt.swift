import FaceChartUI

/// A one-line question at the foot of a screen: a label, a text field and its keys. Typing and pasting
/// go into the field; Enter answers, Esc withdraws.
public struct Prompt: Hashable, Sendable {
    /// What a key did to the prompt.
    public enum Answer: Hashable, Sendable {
        /// The field took the key (or ignored it); the prompt stays.
        case typing
        /// Enter, with the field's text.
        case submitted(String)
        /// Esc.
        case withdrawn
    }

    /// `Sign as: `.
    public var label: String
    /// `Enter sign · Esc cancel`.
    public var hint: String
    public var field: TextField

    public init(_ label: String, hint: String, text: String = "", maximumLength: Int = 120) {
        self.label = label
        self.hint = hint
        field = TextField(text, maximumLength: maximumLength)
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Answer {
        switch key {
        case .enter: return .submitted(field.text)
        case .escape: return .withdrawn
        default:
            field.handle(key)
            return .typing
        }
    }

    /// Pasted text goes into the field, as one line.
    public mutating func paste(_ text: String) { field.paste(text) }

    /// The label, the field and its keys across row `y`.
    public func render(into canvas: inout Canvas, row y: Int) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1))
        let labelWidth = ColumnWidth.of(label)
        canvas.put(label, x: 0, y: y, style: .title)
        let hintText = "  " + hint
        let fieldWidth = max(10, canvas.width - labelWidth - ColumnWidth.of(hintText))
        field.render(into: &canvas, x: labelWidth, y: y, width: fieldWidth, focused: true)
        canvas.put(hintText, x: labelWidth + fieldWidth, y: y, style: .muted)
    }
}
