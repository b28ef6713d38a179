/// How text is laid out in terminal columns: fitted, padded, aligned, wrapped. Nothing is cut
/// silently: text longer than its room ends in an ellipsis (`…`, which an ASCII canvas draws as its
/// ASCII form).
public enum Format {
    /// The ellipsis that marks cut text.
    public static let ellipsis: Character = Glyphs.unicode.ellipsis

    /// `text` (sanitised) as it is when it fits in `width` columns, else as much as fits in
    /// `width - 1` columns (without trailing spaces) plus an ellipsis: never cut silently.
    public static func clipped(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        let text = TerminalText.sanitized(text)
        guard ColumnWidth.of(text) > width else { return text }
        var result = ""
        var columns = 0
        for character in text {
            let characterColumns = ColumnWidth.of(character)
            if columns + characterColumns > width - 1 { break }
            result.append(character)
            columns += characterColumns
        }
        while result.last == " " { result.removeLast() }
        return result + String(ellipsis)
    }

    /// `text` in exactly `width` columns: padded with spaces, or clipped with an ellipsis when longer.
    public static func pad(_ text: String, _ width: Int) -> String {
        let shown = clipped(text, width)
        return shown + String(repeating: " ", count: max(0, width - ColumnWidth.of(shown)))
    }

    /// Text right-aligned in `width` columns (longer text is left whole: figures are never cut).
    public static func padLeft(_ text: String, _ width: Int) -> String {
        let text = TerminalText.sanitized(text)
        let columns = ColumnWidth.of(text)
        return columns >= width ? text : String(repeating: " ", count: width - columns) + text
    }

    /// Key hints for a footer `width` columns wide, joined with ` · `: the last `kept` (such as
    /// `? keys · q back`) always, and as many of the others, in order, as fit; the `?` screen lists them all.
    public static func hints(_ items: [String], width: Int, keeping kept: Int = 2) -> String {
        let tail = Array(items.suffix(kept))
        var head = Array(items.dropLast(kept))
        while !head.isEmpty, ColumnWidth.of((head + tail).joined(separator: " · ")) > width { head.removeLast() }
        return (head + tail).joined(separator: " · ")
    }

    /// The words of `text` in lines of at most `width` columns; a word longer than a line is broken
    /// across lines rather than cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        let text = TerminalText.sanitized(text)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).flatMap({ pieces(of: String($0), width: width) }) {
            let candidate = current.isEmpty ? word : current + " " + word
            if ColumnWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `word` in pieces of at most `width` columns.
    private static func pieces(of word: String, width: Int) -> [String] {
        guard ColumnWidth.of(word) > width else { return [word] }
        var pieces: [String] = []
        var current = ""
        var columns = 0
        for character in word {
            let characterColumns = ColumnWidth.of(character)
            if columns + characterColumns > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                columns = 0
            }
            current.append(character)
            columns += characterColumns
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
