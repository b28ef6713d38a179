import FaceChartCore
import Foundation

/// Times as records print them: on the clock that wrote them, so a printed day is the day charted.
enum LocalTime {
    /// `2026-11-20 19:17` on the writer's clock (in `fallback` for format-1 times without an offset).
    static func minute(_ time: Timestamp, fallback: TimeZone) -> String {
        let text = onWritersClock(time, fallback: fallback).rfc3339
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// The RFC 3339 text with the writer's offset (or `fallback`'s when the offset is unknown).
    static func iso(_ time: Timestamp, fallback: TimeZone) -> String { onWritersClock(time, fallback: fallback).rfc3339 }

    /// `time` with a known offset: its own, else `fallback`'s at that moment.
    static func onWritersClock(_ time: Timestamp, fallback: TimeZone) -> Timestamp {
        guard time.utcOffsetSeconds == nil else { return time }
        return Timestamp(milliseconds: time.milliseconds, utcOffsetSeconds: fallback.secondsFromGMT(for: time.date))
    }
}
