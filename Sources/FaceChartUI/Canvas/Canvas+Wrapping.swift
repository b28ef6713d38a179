extension Canvas {
    /// Writes `text` word-wrapped into `width` columns from `x`, `y`, at most `maxRows` rows; returns the rows used.
    @discardableResult
    public mutating func putWrapped(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain, maxRows: Int) -> Int {
        let rows = Format.wrap(text, width: width)
        for (index, row) in rows.prefix(maxRows).enumerated() {
            put(row, x: x, y: y + index, style: style, limit: width)
        }
        return min(rows.count, maxRows)
    }
}
