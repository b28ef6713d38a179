import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct TimelineTests {
    let utc = TimeZone(identifier: "UTC")!

    func session(concern: String, points: Int = 3, daysBefore days: Int, today: Date) -> Session {
        var session = SampleRecords.session(startedAt: today.addingTimeInterval(-Double(days) * 86_400), points: points)
        session.indication.concern = concern
        return session
    }

    @Test func theNextTreatmentFollowsTheIndicationAndIngredientsInterval() {
        let today = Date(timeIntervalSince1970: 1_795_860_000)
        let day = CalendarDate(today, timeZone: utc)
        let rules = TestEnvironment.rules
        func next(_ concern: String, product: String = "botox-cosmetic") -> CalendarDate {
            var treated = session(concern: concern, daysBefore: 0, today: today)
            treated.product.product = product
            return Timeline.nextTreatmentDate(after: treated, rules: rules, timeZone: utc)
        }
        #expect(next("Glabellar lines") == day.adding(days: 90))
        #expect(next("Chronic migraine", product: "botox") == day.adding(days: 84))
        #expect(next("Sialorrhea", product: "xeomin") == day.adding(days: 112))
        #expect(next("Sialorrhea", product: "botox") == day.adding(days: 90))
    }

    @Test func anAbandonedEmptyDraftIsNeverDueAReview() {
        let today = Date(timeIntervalSince1970: 1_795_860_000)
        let treated = session(concern: "Glabellar lines", daysBefore: 14, today: today)
        let empty = session(concern: "Glabellar lines", points: 0, daysBefore: 14, today: today)
        let day = CalendarDate(today, timeZone: utc)
        #expect(Timeline.isReviewDue(treated, among: [treated], today: day, timeZone: utc))
        #expect(!Timeline.isReviewDue(empty, among: [empty], today: day, timeZone: utc))
        #expect(!Timeline.isReviewDue(treated, among: [treated], today: day.adding(days: 8), timeZone: utc))
    }
}
