import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct TimelineTests {
    let utc = TimeZone(identifier: "UTC")!

    func session(concern: String, points: Int = 3, daysBefore days: Int, today: Date) -> Session {
        var session = SampleRecords.session(
            startedAt: Timestamp(today.addingTimeInterval(-Double(days) * 86_400), timeZone: utc), points: points)
        let kind: Indication.Kind = concern.contains("lines") ? .aesthetic : .medical
        session.indication = Indication(
            kind: kind, concern: concern, key: TestEnvironment.rules.indications.key(forConcern: concern, kind: kind))
        return session
    }

    @Test func theNextTreatmentFollowsTheIndicationAndIngredientsInterval() {
        let today = Date(timeIntervalSince1970: 1_795_860_000)
        let day = CalendarDate(today, timeZone: utc)
        let rules = TestEnvironment.rules
        func next(_ concern: String, product: String = "botox-cosmetic") -> CalendarDate {
            var treated = session(concern: concern, daysBefore: 0, today: today)
            treated.vials[0].product = product
            treated.vials[0].ingredient = rules.ingredient(of: product)
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
        #expect(Timeline.isReviewDue(treated, reviews: [], today: day, timeZone: utc))
        #expect(!Timeline.isReviewDue(empty, reviews: [], today: day, timeZone: utc))
        #expect(!Timeline.isReviewDue(treated, reviews: [], today: day.adding(days: 8), timeZone: utc))
    }

    @Test func aReviewIsDoneOnlyOnceAnOutcomeIsScored() {
        let today = Date(timeIntervalSince1970: 1_795_860_000)
        let treated = session(concern: "Glabellar lines", daysBefore: 14, today: today)
        let day = CalendarDate(today, timeZone: utc)
        var review = Review(
            patient: treated.patient, session: treated.id, createdAt: .utc(1_795_860_000), clinician: SampleRecords.clinician,
            topUp: RecordID("top-up")!)
        #expect(Timeline.isReviewDue(treated, reviews: [review], today: day, timeZone: utc))
        review.outcomes = [RegionOutcome(region: .procerus, wrinklesAtMaximum: 1)]
        #expect(!Timeline.isReviewDue(treated, reviews: [review], today: day, timeZone: utc))
    }
}
