import FaceChartUI

/// A plain-text table whose columns are as wide as their widest cell, so nothing (a lot number, a
/// key) is ever clipped. Cells are record text, so they are sanitised before they are measured.
struct TextTable {
    let headers: [String]
    /// Columns whose cells are right-aligned (figures).
    let rightAligned: Set<Int>
    private(set) var rows: [[String]] = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.sanitized)) }

    /// The header line and one line per row, columns two spaces apart, no trailing spaces.
    var lines: [String] {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { ColumnWidth.of($0[column]) }.max() ?? 0
        }
        return ([headers] + rows).map { row in
            let cells = row.indices.map { column in
                rightAligned.contains(column)
                    ? Format.padLeft(row[column], widths[column]) : Format.pad(row[column], widths[column])
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
