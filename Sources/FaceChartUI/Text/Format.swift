/// How text is laid out in terminal columns: padded, aligned, wrapped.
public enum Format {
    /// Text padded with spaces or clipped to exactly `width` columns.
    public static func pad(_ text: String, _ width: Int) -> String {
        var result = ""
        var columns = 0
        for character in text {
            let characterColumns = ColumnWidth.of(character)
            if columns + characterColumns > width { break }
            result.append(character)
            columns += characterColumns
        }
        return result + String(repeating: " ", count: max(0, width - columns))
    }

    /// Words of `text` in lines of at most `width` columns (a longer word stands alone, clipped later).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if ColumnWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Text right-aligned in `width` columns.
    public static func padLeft(_ text: String, _ width: Int) -> String {
        let columns = ColumnWidth.of(text)
        return columns >= width ? text : String(repeating: " ", count: width - columns) + text
    }
}
