import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct HistoryReportTests {
    let environment = TestEnvironment.make()

    func makeReport(
        sessions: [Session] = SampleHistory.sessions(), reviews: [Review] = [SampleHistory.review()],
        today: CalendarDate? = nil
    ) -> HistoryReport {
        HistoryReport(
            patient: SampleRecords.patient(), sessions: sessions, reviews: reviews, today: today ?? environment.today,
            timeZone: environment.timeZone, rules: environment.rules, productName: environment.productName)
    }

    /// The whole report for two treatments 100 days apart, a top-up and one review, on the test clock.
    @Test func wholeReportOnTheFixedClock() {
        let expected = """
            History: Ada Example (born 1980-02-29)
            3 sessions: 2 full treatments, 1 top-up · 1 review · today 2026-11-28

            Sessions
            Date        Indication          Product           Total  Status         Interval
            2026-08-20  Glabellar lines     Botox Cosmetic     12 U  signed
            2026-09-03  Glabellar lines     Botox Cosmetic      2 U  signed top-up  day 14
            2026-11-28  Glabellar lines     Botox Cosmetic     24 U  draft          100 days
            Intervals between full treatments: 100 days

            Units per region, per treatment (oldest first; top-ups added as +n)
            Botox Cosmetic: 2 treatments, 2026-08-20 to 2026-11-28
            Region                 Trend  Units (█ the row's highest, · none)
            Frontalis              ·█     - → 4
            Procerus               ▄█     4 → 8
            Corrugator             ▇█     8+2 → 12
            Total                  ▅█     12+2 → 24

            Outcomes at review (Facial Wrinkle Scale 0 none-3 severe; satisfaction 1-5)
            Treated     Reviewed    Region                 Rest  Max  Symmetry  Satisf.
            2026-08-20  2026-09-03  Procerus                  0    1  even            4
                                    Corrugator                1    2  R higher        3
                                    Side effects: Headache
                                    Top-up given at this review

            Dates from the latest full treatment
            Treated 2026-11-28 (day 0 today) · Glabellar lines · Botox Cosmetic
              Review due              2026-12-12  day 14, in 14 days
              Earliest next treatment 2027-02-26  day 90, in 90 days (L, glabellar lines)
              Expected wear-off (effect timeline; a month counted as 30 days):
                Frontalis, Procerus, Corrugator
                  2027-02-26 to 2027-03-28 (days 90-120)
                  Source: Upper face | onset 2-3 days; peak 10-14 days; lasts 3-4 months | P
            """
        #expect(makeReport().text() == expected)
    }

    @Test func everyLineFitsTheWidthAndTheLineCountDoesNotDependOnIt() {
        let report = makeReport()
        for width in [40, 80, 120] {
            let lines = report.lines(width: width)
            #expect(lines.count == report.lines().count)
            #expect(lines.allSatisfy { ColumnWidth.of($0.0) == width })
        }
    }

    @Test func intervalsBetweenFullTreatmentsSkipTopUps() {
        let report = makeReport()
        #expect(report.intervals.map(\.days) == [100])
        #expect(report.treatments.map(\.session.id.rawValue) == ["s1", "s2"])
        #expect(report.treatments[0].topUps.map(\.id.rawValue) == ["t1"])
        #expect(report.treatments[0].total == Units(14))
    }

    @Test func aTreatmentSoonerThanNinetyDaysIsFlagged() {
        var early = SampleHistory.second()
        early.startedAt = SampleHistory.date(10, 1)
        let report = makeReport(sessions: [SampleHistory.first(), early], reviews: [], today: CalendarDate("2026-10-01"))
        let lines = report.lines()
        let warning = lines.first { $0.0.contains("came 42 days after") }
        #expect(warning?.1 == .warning)
        #expect(warning?.0.contains("2026-10-01 came 42 days after 2026-08-20, sooner than 90 days (L)") == true)
        #expect(lines.contains { $0.0.contains("the interval for glabellar lines with onabotulinumtoxinA") })
        #expect(lines.first { $0.0.hasPrefix("2026-10-01") }?.1 == .warning)
    }

    @Test func an84DayMigraineScheduleIsNotFlaggedButAGlabellarOneIs() {
        func sessions(_ concern: String, product: String) -> [Session] {
            var first = SampleHistory.first()
            var second = SampleHistory.second()
            first.indication = Indication(kind: .medical, concern: concern)
            second.indication = first.indication
            first.vials[0].product = product
            second.vials[0].product = product
            second.startedAt = first.startedAt.adding(seconds: 84 * 86_400)
            return [first, second]
        }
        let migraine = makeReport(sessions: sessions("Chronic migraine", product: "botox"), reviews: [])
        #expect(migraine.earlyRetreatments.isEmpty)
        #expect(!migraine.lines().contains { $0.1 == .warning && $0.0.contains("sooner than") })
        let glabellar = makeReport(sessions: sessions("Glabellar lines", product: "botox-cosmetic"), reviews: [])
        #expect(glabellar.earlyRetreatments.map(\.days) == [84])
        #expect(glabellar.earlyRetreatments.first?.interval.days == 90)
    }

    @Test func treatmentsOfDifferentIndicationsAreNotEarlyRetreatments() {
        var migraine = SampleHistory.first()
        migraine.indication = Indication(kind: .medical, concern: "Chronic migraine")
        var glabellar = SampleHistory.second()
        glabellar.startedAt = migraine.startedAt.adding(seconds: 30 * 86_400)
        #expect(makeReport(sessions: [migraine, glabellar], reviews: []).earlyRetreatments.isEmpty)
    }

    @Test func sparklinesScaleToTheRowsHighestAndMarkUntreated() {
        #expect(HistoryReport.sparkline([Units(4), Units(8)]) == "▄█")
        #expect(HistoryReport.sparkline([.zero, Units(1), Units(16)]) == "·▁█")
        #expect(HistoryReport.sparkline([Units(20), Units(20)]) == "██")
        #expect(HistoryReport.sparkline([.zero]) == "·")
    }

    @Test func figuresKeepTheLatestWhenTheyDoNotFit() {
        let values = (1...30).map { (session: Units($0), topUp: Units.zero) }
        let text = HistoryReport.figures(values, width: 20)
        #expect(text.hasPrefix("… "))
        #expect(text.hasSuffix("29 → 30"))
        #expect(ColumnWidth.of(text) <= 20)
    }

    @Test func eachProductIsChartedOnItsOwn() {
        var dysport = SampleHistory.second()
        dysport.vials[0].product = "dysport"
        let text = makeReport(sessions: [SampleHistory.first(), dysport]).text()
        #expect(text.contains("Units are product-specific: each product is charted on its own."))
        #expect(text.contains("Botox Cosmetic: 1 treatment, 2026-08-20"))
        #expect(text.contains("Dysport: 1 treatment, 2026-11-28"))
    }

    @Test func aMissedReviewAndWearOffUnderWayAreSaid() {
        let report = makeReport(sessions: [SampleHistory.first()], reviews: [], today: CalendarDate("2026-11-28"))
        let text = report.text()
        #expect(text.contains("Review due              2026-09-03  day 14, 86 days ago, no review recorded"))
        #expect(text.contains("Earliest next treatment 2026-11-18  day 90, reached"))
        #expect(text.contains("2026-11-18 to 2026-12-18 (days 90-120), wearing off now"))
    }

    @Test func aReviewedTreatmentSaysWhenAndScoresShowOverTime() {
        var secondReview = SampleHistory.review()
        secondReview.session = RecordID("s2")!
        secondReview.createdAt = SampleHistory.date(12, 12)
        secondReview.updatedAt = SampleHistory.date(12, 12)
        secondReview.topUp = nil
        secondReview.sideEffects = []
        secondReview.outcomes = [RegionOutcome(region: .corrugator, wrinklesAtRest: 0, wrinklesAtMaximum: 1, satisfaction: 5)]
        let text = makeReport(reviews: [SampleHistory.review(), secondReview], today: CalendarDate("2026-12-20")).text()
        #expect(text.contains("2026-11-28  2026-12-12  Corrugator                0    1  -               5"))
        #expect(text.contains("  Corrugator             rest 1 → 0 · max 2 → 1 · satisfaction 3 → 5"))
        #expect(text.contains("day 14, reviewed 2026-12-12"))
    }

    @Test func unsupportedRegionsAndWeakFiguresAreMarked() {
        var session = SampleHistory.second()
        session.points.append(SampleHistory.point("m1", .masseter, .right, 20, column: 1, row: 4))
        session.points.append(SampleHistory.point("m2", .mentalis, .midline, 4, column: 5, row: 4))
        let text = makeReport(sessions: [session], reviews: []).text()
        #expect(text.contains("    Masseter\n      2027-03-28 to 2027-05-27 (days 120-180)\n"
            + "      Source: Masseter | visible ~1 month; lasts 4-6 months | W (typical range,\n      clinician's judgement)"))
        #expect(text.contains("    Mentalis\n      not supported: no published duration for this region; clinician's\n      judgement"))
    }

    @Test func anEmptyHistorySaysSo() {
        let text = makeReport(sessions: [], reviews: []).text()
        #expect(text.contains("  No sessions yet."))
        #expect(text.contains("  No reviews recorded."))
        #expect(text.contains("0 sessions: 0 full treatments, 0 top-ups · 0 reviews"))
    }
}
