import FaceChartAssets
import FaceChartCore
import Foundation

/// Treatment courses for the outcome tests: chronic migraine treated with PREEMPT every 12 weeks, and
/// glabellar lines treated with a fixed map, each reviewed with scale scores. Dates are fixed, 10:00 UTC.
public enum OutcomeFixtures {
    /// The bundled scales and review measures.
    public static let catalogue = try! BundledAssets.outcomeCatalogue()

    /// 10:00 UTC on a calendar day.
    public static func date(_ day: CalendarDate, hour: Int = 10) -> Timestamp {
        .utc(Double(day.daysSinceEpoch * 86_400 + hour * 3_600))
    }

    /// The first migraine cycle's day; later cycles follow every 84 days.
    public static let firstCycle = CalendarDate(year: 2026, month: 1, day: 5)!

    /// The day of cycle `number` (1-based) of a course every `interval` days.
    public static func cycleDay(_ number: Int, interval: Int = 84) -> CalendarDate {
        firstCycle.adding(days: (number - 1) * interval)
    }

    /// A signed-off-free draft session on `day` with `points`, for `patient`.
    public static func session(
        _ id: String, on day: CalendarDate, indication: Indication, product: String = "botox", points: [InjectionPoint]
    ) -> Session {
        var vial = SampleRecords.product()
        vial.product = product
        vial.ingredient = ingredient(product)
        return Session(
            id: RecordID(id)!, patient: RecordID("patient-1")!, startedAt: date(day), clinician: SampleRecords.clinician,
            indication: indication, vials: [vial], points: points)
    }

    /// The PREEMPT points (155 U over seven muscles), with ids prefixed by the session's.
    public static func preemptPoints(_ prefix: String) -> [InjectionPoint] {
        let pattern = try! BundledAssets.patternLibrary().pattern("chronic-migraine-preempt")!
        var next = 0
        return pattern.points {
            next += 1
            return RecordID("\(prefix)p\(next)")!
        }
    }

    /// Chronic migraine sessions, one per cycle, 84 days apart.
    public static func migraineSessions(cycles: Int) -> [Session] {
        (1...cycles).map { number in
            session("m\(number)", on: cycleDay(number), indication: Indication(kind: .medical, concern: "Chronic migraine", key: "chronic-migraine"),
                    points: preemptPoints("m\(number)"))
        }
    }

    /// The scores of each migraine cycle's review, made at the next cycle (day 84): the first also records
    /// the baseline. `afterCycle[k]` is the diary's headache days per month after cycle k + 1.
    public static func migraineReviews(baseline: Int, afterCycle: [Int], hit6: [Int] = []) -> [ReviewedScores] {
        afterCycle.enumerated().map { index, days in
            var scores = [ScaleScore(scale: "headache-days", item: "current", value: days)]
            if index == 0 { scores.append(ScaleScore(scale: "headache-days", item: "baseline", value: baseline)) }
            if index < hit6.count { scores.append(ScaleScore(scale: "hit6", item: "total", value: hit6[index])) }
            return ReviewedScores(session: RecordID("m\(index + 1)")!, day: 84, scores: scores)
        }
    }

    /// The same reviews as records, each dated 84 days after its cycle (the next cycle's day), 11:00 UTC.
    public static func migraineReviewRecords(baseline: Int, afterCycle: [Int], hit6: [Int] = []) -> [Review] {
        migraineReviews(baseline: baseline, afterCycle: afterCycle, hit6: hit6).enumerated().map { index, scored in
            Review(
                patient: RecordID("patient-1")!, session: scored.session, createdAt: date(cycleDay(index + 2), hour: 11),
                clinician: SampleRecords.clinician, scores: scored.scores)
        }
    }

    /// The review plan for chronic migraine, due at the 84-day retreatment interval.
    public static var migrainePlan: ReviewPlan {
        catalogue.plan(indicationKey: "chronic-migraine", isMedical: true, retreatmentDays: 84)
    }

    /// A glabellar treatment: procerus 4 U and corrugator `corrugator` U per side, on the bundled anterior view.
    public static func glabellarSession(_ id: String, on day: CalendarDate, corrugator: Int, product: String = "botox-cosmetic") -> Session {
        func point(_ suffix: String, _ region: Region, _ side: Side, _ units: Int, x: Double) -> InjectionPoint {
            InjectionPoint(
                id: RecordID(id + suffix)!, view: .anterior, position: FacePoint(x: x, y: 0.26), region: region, side: side,
                units: Units(units), depth: .intramuscular)
        }
        return session(
            id, on: day, indication: SampleRecords.glabellarLines, product: product,
            points: [
                point("a", .procerus, .midline, 4, x: 0.5), point("b", .corrugator, .right, corrugator, x: 0.43),
                point("c", .corrugator, .left, corrugator, x: 0.57),
            ])
    }

    /// A two-week review scoring the Facial Wrinkle Scale at maximum contraction for the corrugator.
    public static func corrugatorReview(_ session: String, maximum: Int) -> ReviewedScores {
        ReviewedScores(
            session: RecordID(session)!, day: 14,
            scores: [ScaleScore(scale: "fws", item: "maximum", region: .corrugator, value: maximum)])
    }

    /// The plan for glabellar lines.
    public static var glabellarPlan: ReviewPlan {
        catalogue.plan(indicationKey: "glabellar-lines", isMedical: false, retreatmentDays: 90)
    }

    /// Ingredient by product key, as the catalogue has it.
    public static func ingredient(_ product: String) -> String {
        ["botox": "onabotulinumtoxinA", "botox-cosmetic": "onabotulinumtoxinA", "dysport": "abobotulinumtoxinA"][product] ?? product
    }
}
