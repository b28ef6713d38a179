import FaceChartCore
import Foundation

/// The sortable UTC prefix of session file names, `20240501T093000Z`: files list in start order.
enum FileStamp {
    /// The stamp of `time` (whole seconds, UTC); `nil` outside `Timestamp.years`.
    static func text(for time: Timestamp) -> String? {
        guard time.isInRange else { return nil }
        let utc = Timestamp(milliseconds: time.milliseconds, utcOffsetSeconds: 0).rfc3339
        // 2024-05-01T09:30:00.000+00:00 -> 20240501T093000Z
        let digits = utc.prefix(19).filter { $0 != "-" && $0 != ":" }
        return digits + "Z"
    }

    /// Reads a stamp back (whole seconds), or `nil` when `text` is not one.
    static func time(from text: Substring) -> Timestamp? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        let rfc3339 = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.dropFirst(6).prefix(2))T"
            + "\(text.dropFirst(9).prefix(2)):\(text.dropFirst(11).prefix(2)):\(text.dropFirst(13).prefix(2))+00:00"
        return Timestamp(rfc3339: rfc3339)
    }
}
