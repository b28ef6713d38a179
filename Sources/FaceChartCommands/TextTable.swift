import FaceChartUI

/// A plain-text table whose columns are as wide as their widest cell, so nothing (a lot number, a
/// key) is ever clipped. Cells are record text, so they are sanitised before they are measured.
///
/// A table too long to hold (every patient of a large practice) is printed in two passes over its
/// rows instead: `measure` each row, then `line(_:)` each row.
public struct TextTable {
    public let headers: [String]
    /// Columns whose cells are right-aligned (figures).
    public let rightAligned: Set<Int>
    public private(set) var rows: [[String]] = []
    /// The widest cell of each column among the headers and the rows added or measured.
    public private(set) var widths: [Int]

    public init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
        widths = headers.map(ColumnWidth.of)
    }

    /// Adds a row of cells, sanitised.
    public mutating func add(_ row: [String]) {
        let clean = row.map(TerminalText.sanitized)
        rows.append(clean)
        measure(clean)
    }

    /// Widens the columns to fit `row` without keeping it.
    public mutating func measure(_ row: [String]) {
        for (column, cell) in row.enumerated() {
            widths[column] = max(widths[column], ColumnWidth.of(TerminalText.sanitized(cell)))
        }
    }

    /// The header line and one line per row, columns two spaces apart, no trailing spaces.
    public var lines: [String] { ([headers] + rows).map(line) }

    /// One row laid out in the columns measured so far.
    public func line(_ row: [String]) -> String {
        let cells = row.indices.map { column in
            let cell = TerminalText.sanitized(row[column])
            return rightAligned.contains(column) ? Format.padLeft(cell, widths[column]) : Format.pad(cell, widths[column])
        }
        var line = cells.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
