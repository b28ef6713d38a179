extension Canvas {
    /// Writes `text` word-wrapped into `width` columns from `x`, `y`, in at most `maxRows` rows (the
    /// last ending in an ellipsis when the text needs more); returns the rows used.
    @discardableResult
    public mutating func putWrapped(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain, maxRows: Int) -> Int {
        guard maxRows > 0 else { return 0 }
        var rows = Format.wrap(text, width: width)
        if rows.count > maxRows {
            rows[maxRows - 1] += " " + rows[maxRows]
            rows.removeLast(rows.count - maxRows)
        }
        for (index, row) in rows.enumerated() {
            put(row, x: x, y: y + index, style: style, limit: width)
        }
        return rows.count
    }

    /// Writes a message across the whole width in the rows ending at `bottom`, wrapped and growing
    /// upward (at most `maxRows`) over what was there; returns the first row used.
    @discardableResult
    public mutating func putMessage(_ text: String, bottom: Int, style: Style, maxRows: Int = 3) -> Int {
        let rows = min(maxRows, Format.wrap(text, width: width).count, bottom + 1)
        let top = bottom - rows + 1
        fill(Rect(x: 0, y: top, width: width, height: rows))
        putWrapped(text, x: 0, y: top, width: width, style: style, maxRows: rows)
        return top
    }
}
