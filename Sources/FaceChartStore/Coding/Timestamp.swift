import FaceChartCore
import Foundation

/// The store's own date format: ISO 8601 in UTC with exactly as many fractional digits as the `Date`
/// needs, so that every date reads back equal to the one written.
enum Timestamp {
    /// Seconds from 1970-01-01 to 2001-01-01, the reference date `Date` counts from.
    private static let referenceOffset = 978_307_200
    /// Dates outside these years are typing or clock errors, not treatment records.
    static let years = 1900...2200

    /// `2024-05-01T09:30:00.25Z`; `nil` when the date is not finite or outside `years`.
    static func string(from date: Date) -> String? {
        guard let (seconds, fraction) = split(date), let stamp = civil(seconds) else { return nil }
        let text = "\(pad(stamp.year, 4))-\(pad(stamp.month, 2))-\(pad(stamp.day, 2))T"
            + "\(pad(stamp.hour, 2)):\(pad(stamp.minute, 2)):\(pad(stamp.second, 2))"
        return fraction == 0 ? text + "Z" : text + "." + fractionDigits(fraction) + "Z"
    }

    /// Reads what `string(from:)` writes (any number of fractional digits, `Z` required).
    static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60,
              let calendarDay = CalendarDate(year: year, month: month, day: day)
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            let digits = bytes[19..<(bytes.count - 1)]
            guard digits.first == UInt8(ascii: "."), digits.count >= 2, digits.count <= 40,
                  digits.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  let value = Double("0" + String(decoding: digits, as: UTF8.self))
            else { return nil }
            fraction = value
        }
        let seconds = calendarDay.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second
        // Whole seconds and fraction add exactly when they came from one `Date`.
        return Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset) + fraction)
    }

    /// `20240501T093000Z`, the sortable prefix of session file names; `nil` as for `string(from:)`.
    static func fileStamp(from date: Date) -> String? {
        guard let (seconds, _) = split(date), let stamp = civil(seconds) else { return nil }
        return "\(pad(stamp.year, 4))\(pad(stamp.month, 2))\(pad(stamp.day, 2))T"
            + "\(pad(stamp.hour, 2))\(pad(stamp.minute, 2))\(pad(stamp.second, 2))Z"
    }

    /// Reads a `fileStamp` back (whole seconds).
    static func date(fromFileStamp text: Substring) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        let iso = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))T"
            + "\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2)):\(text.dropFirst(13).prefix(2))Z"
        return date(from: iso)
    }

    /// Whole seconds since 1970 and the exact fraction of a second left over.
    private static func split(_ date: Date) -> (Int, Double)? {
        let reference = date.timeIntervalSinceReferenceDate
        guard reference.isFinite, abs(reference) < 1e11 else { return nil }
        let whole = reference.rounded(.down)
        return (Int(whole) + referenceOffset, reference - whole)
    }

    private struct Civil { var year, month, day, hour, minute, second: Int }

    private static func civil(_ seconds: Int) -> Civil? {
        var days = seconds / 86_400
        var remainder = seconds % 86_400
        if remainder < 0 {
            days -= 1
            remainder += 86_400
        }
        let day = CalendarDate(daysSinceEpoch: days)
        guard years.contains(day.year) else { return nil }
        return Civil(year: day.year, month: day.month, day: day.day, hour: remainder / 3_600,
                     minute: remainder % 3_600 / 60, second: remainder % 60)
    }

    /// The digits after "0." of `fraction` (0 < fraction < 1), in the shortest form that reads back
    /// to the same Double, written without an exponent.
    private static func fractionDigits(_ fraction: Double) -> String {
        let text = "\(fraction)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return String(text.drop(while: { $0 != "." }).dropFirst())
        }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        let mantissa = text[..<e].filter { $0 != "." }
        return String(repeating: "0", count: max(0, -exponent - 1)) + mantissa
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
