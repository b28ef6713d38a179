import FaceChartScreens
import FaceChartUI
import Foundation
import Testing

@Suite struct FormatDateTimeTests {
    /// What a Gregorian calendar in `zone` says `date` is, to the minute.
    func calendarText(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    @Test(arguments: ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"])
    func datesAndTimesAgreeWithTheCalendarAcrossOffsetsAndDaylightSaving(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        // Every 61 hours and 13 minutes from 1950 to 2100: both sides of many daylight-saving changes,
        // midnight, and instants before 1970.
        var seconds = -631_152_000.0
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Format.dateTime(date, timeZone: timeZone) == calendarText(date, timeZone), "\(zone) \(seconds)")
            seconds += 61 * 3_600 + 13 * 60 + 0.5
        }
    }
}
