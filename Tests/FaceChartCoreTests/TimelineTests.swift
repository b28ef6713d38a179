import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct TimelineTests {
    let utc = TimeZone(identifier: "UTC")!

    func session(concern: String, points: Int = 3, daysBefore days: Int, today: Date) -> Session {
        var session = SampleRecords.session(
            startedAt: Timestamp(today.addingTimeInterval(-Double(days) * 86_400), timeZone: utc), points: points)
        session.indication.concern = concern
        return session
    }

    @Test func theNextTreatmentFollowsTheIndicationsInterval() {
        let today = Date(timeIntervalSince1970: 1_795_860_000)
        let day = CalendarDate(today, timeZone: utc)
        #expect(Timeline.nextTreatmentDate(after: session(concern: "Glabellar lines", daysBefore: 0, today: today), timeZone: utc) == day.adding(days: 90))
        #expect(Timeline.nextTreatmentDate(after: session(concern: "Chronic migraine", daysBefore: 0, today: today), timeZone: utc) == day.adding(days: 84))
        #expect(Timeline.nextTreatmentDate(after: session(concern: "Sialorrhea", daysBefore: 0, today: today), timeZone: utc) == day.adding(days: 112))
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
