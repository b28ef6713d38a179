import FaceChartCore
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func parsesOnlyRealDays() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-04-31") == nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2024-1-01") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("2024-06-15")?.description == "2024-06-15")
    }

    @Test func dayArithmetic() throws {
        let start = try #require(CalendarDate("2024-01-31"))
        #expect(start.adding(days: 1).description == "2024-02-01")
        #expect(start.adding(days: 29).description == "2024-02-29")
        #expect(start.adding(days: 90).description == "2024-04-30")
        #expect(start.adding(days: -31).description == "2023-12-31")
        #expect(start.days(until: try #require(CalendarDate("2024-04-30"))) == 90)
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(try #require(CalendarDate("2000-03-01")).daysSinceEpoch == 11_017)
        for offset in stride(from: -40_000, through: 60_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
    }

    @Test func ageInFullYears() throws {
        let birth = try #require(CalendarDate("1980-06-15"))
        #expect(birth.age(on: try #require(CalendarDate("2024-06-14"))) == 43)
        #expect(birth.age(on: try #require(CalendarDate("2024-06-15"))) == 44)
    }

    @Test func ordersByDay() throws {
        #expect(try #require(CalendarDate("2024-01-31")) < (try #require(CalendarDate("2024-02-01"))))
    }
}
