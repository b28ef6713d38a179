import FaceChartCore
import FaceChartUI
import Foundation

/// How figures read on screen and on paper.
extension Format {
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
        // Arithmetic on the zone's offset at that instant, not a Calendar per call: a listing of a large
        // practice formats one date per patient.
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(CalendarDate(daysSinceEpoch: days)) \(two(rest / 3_600)):\(two(rest / 60 % 60))"
    }

    /// `2026-11-28 14:05` on the clock that wrote `time` (in `timeZone` when its offset is unknown).
    public static func dateTime(_ time: Timestamp, timeZone: TimeZone = .current) -> String {
        guard let offset = time.utcOffsetSeconds else { return dateTime(time.date, timeZone: timeZone) }
        return dateTime(time.date, timeZone: TimeZone(secondsFromGMT: offset) ?? timeZone)
    }
}

extension Format {
    /// Where a scrolled list is: `9-16 of 40 ▲▼`, for rows `window` of `count`.
    public static func scrollPosition(_ window: Range<Int>, of count: Int, glyphs: Glyphs) -> String {
        "\(window.lowerBound + 1)-\(window.upperBound) of \(count) \(glyphs.moreAbove)\(glyphs.moreBelow)"
    }
}
