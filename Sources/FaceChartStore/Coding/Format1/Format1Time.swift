import FaceChartCore
import Foundation

/// Format 1's dates: ISO 8601 in UTC with as many fractional digits as the `Date` needed, read back to
/// exactly the `Date` written (format-1 signature digests depend on every bit of it).
enum Format1Time {
    /// Seconds from 1970-01-01 to 2001-01-01, the reference date `Date` counts from.
    private static let referenceOffset = 978_307_200

    /// Reads `2024-05-01T09:30:00.25Z` (any number of fractional digits, `Z` required).
    static func date(from text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"),
              let whole = Timestamp(rfc3339: String(decoding: bytes[0..<19], as: UTF8.self) + "Z")
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
        let seconds = Int(whole.milliseconds / 1000)
        // Whole seconds and fraction add exactly when they came from one `Date`.
        return Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset) + fraction)
    }

    /// The format-2 time of a format-1 date: to the millisecond (rounded down), offset unknown.
    static func timestamp(_ date: Date) -> Timestamp {
        Timestamp(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)), utcOffsetSeconds: nil)
    }
}
