import FaceChartCore
import Foundation

/// How figures read on screen and on paper.
public enum Format {
    /// `4 U`, `2.5 U`.
    public static func units(_ units: Units) -> String { "\(units) U" }

    /// Millilitres to two decimals: `0.10 mL`.
    public static func millilitres(_ value: Double) -> String { "\(fixed(value, digits: 2)) mL" }

    /// A decimal with a fixed number of digits after the point, without locale surprises.
    public static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A figure with up to two decimals and no trailing zeros: `4`, `2.5`, `1.25`.
    public static func trimmed(_ value: Double) -> String {
        var text = fixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A signed asymmetry, `R+2 U`, `L+1.5 U` or `even`.
    public static func asymmetry(_ difference: Units) -> String {
        if difference == .zero { return "even" }
        return difference > .zero ? "R+\(difference) U" : "L+\(Units.zero - difference) U"
    }

    /// `2026-11-28 14:05` in the local time zone.
    public static func dateTime(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// `2026-11-28 14:05` on the clock that wrote `time` (in `timeZone` when its offset is unknown).
    public static func dateTime(_ time: Timestamp, timeZone: TimeZone = .current) -> String {
        guard let offset = time.utcOffsetSeconds else { return dateTime(time.date, timeZone: timeZone) }
        return dateTime(time.date, timeZone: TimeZone(secondsFromGMT: offset) ?? timeZone)
    }

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

    /// `text` when it fits in `width` columns, else as much as fits followed by `…`: never cut silently.
    public static func clipped(_ text: String, _ width: Int) -> String {
        ColumnWidth.of(text) <= width ? text : pad(text, max(0, width - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Text right-aligned in `width` columns.
    public static func padLeft(_ text: String, _ width: Int) -> String {
        let columns = ColumnWidth.of(text)
        return columns >= width ? text : String(repeating: " ", count: width - columns) + text
    }
}
