import FaceChartCore
import Foundation
import Testing

@Suite struct TimestampTests {
    @Test func writesMillisecondsAndTheWritersOffset() {
        let utc = Timestamp(milliseconds: 1_795_860_000_500, utcOffsetSeconds: 0)
        #expect(utc.rfc3339 == "2026-11-28T10:00:00.500+00:00")
        let kolkata = Timestamp(milliseconds: 1_795_860_000_007, utcOffsetSeconds: 19_800)
        #expect(kolkata.rfc3339 == "2026-11-28T15:30:00.007+05:30")
        let newYork = Timestamp(milliseconds: 1_795_860_000_000, utcOffsetSeconds: -18_000)
        #expect(newYork.rfc3339 == "2026-11-28T05:00:00.000-05:00")
        #expect(Timestamp(milliseconds: 1_795_860_000_000, utcOffsetSeconds: nil).rfc3339 == "2026-11-28T10:00:00.000Z")
    }

    @Test(arguments: [
        "2026-11-28T10:00:00.500+00:00", "2026-11-28T15:30:00.007+05:30", "2026-11-28T05:00:00.000-05:00",
        "2026-11-28T10:00:00.000Z", "1969-12-31T23:59:59.999+00:00", "2200-12-31T23:59:59.999+00:00",
    ])
    func readsBackWhatItWrites(text: String) throws {
        let time = try #require(Timestamp(rfc3339: text))
        #expect(time.rfc3339 == text)
    }

    @Test func readsFormatOnesLongFractionsToTheMillisecond() throws {
        let time = try #require(Timestamp(rfc3339: "2025-11-20T09:17:29.5288263559341431Z"))
        #expect(time.milliseconds == 1_763_630_249_528)
        #expect(time.utcOffsetSeconds == nil)
        #expect(Timestamp(rfc3339: "2025-11-20T09:17:29Z")?.milliseconds == 1_763_630_249_000)
    }

    @Test(arguments: [
        "2026-11-28 10:00:00.000+00:00", "2026-11-28T10:00:00.000", "2026-02-30T10:00:00.000Z", "2026-11-28T24:00:00Z",
        "2026-11-28T10:00:00.000+5:30", "1850-01-01T00:00:00Z", "2026-11-28T10:00:00.Z", "2026-11-28T10:00:00.000+00:60",
    ])
    func refusesWhatIsNotRFC3339OrOutOfRange(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func theDayIsTheWritersDayWhereverItIsRead() {
        // 21:30 in Sydney (UTC+11) is 10:30 UTC the same day.
        let sydney = Timestamp(milliseconds: 1_795_861_800_000, utcOffsetSeconds: 39_600)
        #expect(sydney.rfc3339 == "2026-11-28T21:30:00.000+11:00")
        for zone in ["UTC", "America/Los_Angeles", "Asia/Tokyo"] {
            #expect(sydney.localDay(fallback: TimeZone(identifier: zone)!) == CalendarDate("2026-11-28"))
        }
        let late = Timestamp(milliseconds: 1_795_915_800_000, utcOffsetSeconds: 39_600)  // 12:30 next day Sydney
        #expect(late.localDay(fallback: TimeZone(identifier: "UTC")!) == CalendarDate("2026-11-29"))
        let unknown = Timestamp(milliseconds: 1_795_915_800_000, utcOffsetSeconds: nil)  // 01:30 UTC on the 29th
        #expect(unknown.localDay(fallback: TimeZone(identifier: "America/Los_Angeles")!) == CalendarDate("2026-11-28"))
    }

    @Test func madeFromADateItKeepsMillisecondsAndTheZonesOffsetThatDay() {
        let date = Date(timeIntervalSince1970: 1_795_860_000.123_456)
        let paris = Timestamp(date, timeZone: TimeZone(identifier: "Europe/Paris")!)
        #expect(paris.milliseconds == 1_795_860_000_123)
        #expect(paris.utcOffsetSeconds == 3_600)
        let summer = Timestamp(Date(timeIntervalSince1970: 1_782_000_000), timeZone: TimeZone(identifier: "Europe/Paris")!)
        #expect(summer.utcOffsetSeconds == 7_200)
    }

    @Test func ordersByTheMomentNotTheClock() {
        let early = Timestamp(milliseconds: 1_000, utcOffsetSeconds: 36_000)
        let late = Timestamp(milliseconds: 2_000, utcOffsetSeconds: -36_000)
        #expect(early < late)
        #expect(late.seconds(since: early) == 1)
    }
}
