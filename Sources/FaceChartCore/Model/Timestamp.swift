import Foundation

/// A moment in a record, to the millisecond, with the UTC offset of the clock that wrote it, so that the
/// day a session happened on does not depend on where the record is read.
///
/// Written as RFC 3339 (`2026-11-20T19:17:29.528+01:00`). Records from format 1 kept UTC only; their
/// offset is unknown and they are written with `Z`.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let milliseconds: Int64
    /// Seconds east of UTC on the writer's clock at that moment (whole minutes), or `nil` when unknown.
    public let utcOffsetSeconds: Int?

    /// Dates outside these years are typing or clock errors, not treatment records.
    public static let years = 1900...2200

    public init(milliseconds: Int64, utcOffsetSeconds: Int?) {
        self.milliseconds = milliseconds
        self.utcOffsetSeconds = utcOffsetSeconds.map { ($0 / 60) * 60 }
    }

    /// `date` to the millisecond (rounded down), with `timeZone`'s offset at that moment.
    public init(_ date: Date, timeZone: TimeZone) {
        let seconds = date.timeIntervalSince1970
        let milliseconds = seconds.isFinite && abs(seconds) < 1e13 ? Int64((seconds * 1000).rounded(.down)) : 0
        self.init(milliseconds: milliseconds, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// The moment as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Whether the moment lies within `years` (in UTC), so that it can be written.
    public var isInRange: Bool { Self.years.contains(utcDay.year) }

    /// The same moment `seconds` later (or earlier), on the same clock.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(milliseconds: milliseconds + Int64((seconds * 1000).rounded()), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Seconds from `other` to `self`.
    public func seconds(since other: Timestamp) -> Double { Double(milliseconds - other.milliseconds) / 1000 }

    /// The calendar day on the writer's clock; for a moment whose offset is unknown, the day in `fallback`.
    public func localDay(fallback: TimeZone) -> CalendarDate {
        guard let offset = utcOffsetSeconds else { return CalendarDate(date, timeZone: fallback) }
        return CalendarDate(daysSinceEpoch: Self.floorDivide(milliseconds / 1000 + Int64(offset), 86_400))
    }

    /// The calendar day in UTC.
    public var utcDay: CalendarDate { CalendarDate(daysSinceEpoch: Self.floorDivide(floorSeconds, 86_400)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.milliseconds < rhs.milliseconds }

    public var description: String { rfc3339 }

    // MARK: RFC 3339

    /// `2026-11-20T19:17:29.528+01:00`; `Z` when the offset is unknown.
    public var rfc3339: String {
        let offset = utcOffsetSeconds ?? 0
        let local = floorSeconds + Int64(offset)
        let day = CalendarDate(daysSinceEpoch: Self.floorDivide(local, 86_400))
        let secondOfDay = Int(local - Int64(day.daysSinceEpoch) * 86_400)
        let millis = Int(milliseconds - floorSeconds * 1000)
        var text = "\(day)T\(Self.pad(secondOfDay / 3_600)):\(Self.pad(secondOfDay % 3_600 / 60)):"
            + "\(Self.pad(secondOfDay % 60)).\(Self.pad(millis, 3))"
        guard let known = utcOffsetSeconds else { return text + "Z" }
        text += known < 0 ? "-" : "+"
        let minutes = abs(known) / 60
        return text + "\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
    }

    /// Reads RFC 3339 with `T` and an offset (`Z`, `+hh:mm`, `-hh:mm`); fractional digits past the
    /// millisecond are dropped (format-1 files wrote up to ~20). `nil` for anything else, or for a moment
    /// outside `years`.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60,
              let day = CalendarDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        var index = 19
        var millis = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            let digits = index - start
            guard digits >= 1, digits <= 40 else { return nil }
            for position in 0..<3 {
                millis = millis * 10 + (position < digits ? Int(bytes[start + position] - 0x30) : 0)
            }
        }
        let offset: Int?
        let rest = bytes[index...]
        if rest.elementsEqual([UInt8(ascii: "Z")]) {
            offset = nil
        } else {
            guard rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"),
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6),
                  hours < 24, minutes < 60
            else { return nil }
            let magnitude = (hours * 60 + minutes) * 60
            offset = rest.first == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        let localSeconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        self.init(milliseconds: (localSeconds - Int64(offset ?? 0)) * 1000 + Int64(millis), utcOffsetSeconds: offset)
        guard isInRange else { return nil }
    }

    // MARK: Helpers

    private var floorSeconds: Int64 { Int64(Self.floorDivide(milliseconds, 1000)) }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int {
        Int(value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor))
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Timestamp: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "not an RFC 3339 time between 1900 and 2200 (YYYY-MM-DDTHH:MM:SS.sss+hh:mm)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        guard isInRange else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "a time outside \(Self.years)"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
