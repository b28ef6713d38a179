extension Canvas {
    /// Writes `text` word-wrapped into `width` columns from `x`, `y`, at most `maxRows` rows; returns the rows used.
    @discardableResult
    public mutating func putWrapped(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain, maxRows: Int) -> Int {
        var rows: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if ColumnWidth.of(candidate) > width, !line.isEmpty {
                rows.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { rows.append(line) }
        for (index, row) in rows.prefix(maxRows).enumerated() {
            put(row, x: x, y: y + index, style: style, limit: width)
        }
        return min(rows.count, maxRows)
    }
}
