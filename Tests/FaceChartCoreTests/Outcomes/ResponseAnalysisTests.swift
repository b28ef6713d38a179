import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite("Response over cycles")
struct ResponseAnalysisTests {
    let utc = TimeZone(identifier: "UTC")!

    func migraine(baseline: Int, afterCycle: [Int], cycles: Int = 3, hit6: [Int] = []) -> ResponseAnalysis {
        ResponseAnalysis(
            plan: OutcomeFixtures.migrainePlan,
            cycles: OutcomeFixtures.migraineSessions(cycles: cycles).map { TreatmentCycle(session: $0) },
            reviews: OutcomeFixtures.migraineReviews(baseline: baseline, afterCycle: afterCycle, hit6: hit6), timeZone: utc,
            ingredient: OutcomeFixtures.ingredient)
    }

    @Test func headacheDaysFallOverThreeCyclesWithTheirDoses() throws {
        let analysis = migraine(baseline: 20, afterCycle: [16, 13, 9], hit6: [64, 60, 55])
        let headache = try #require(analysis.series.first { $0.scale.key == "headache-days" })
        #expect(headache.baseline == 20)
        #expect(headache.points.map(\.value) == [16, 13, 9])
        #expect(headache.points.map(\.dose) == [Units(155), Units(155), Units(155)])
        #expect(headache.points.map(\.day) == [OutcomeFixtures.cycleDay(1), OutcomeFixtures.cycleDay(2), OutcomeFixtures.cycleDay(3)])
        let hit6 = try #require(analysis.series.first { $0.scale.key == "hit6" })
        #expect(hit6.points.map(\.value) == [64, 60, 55])
        #expect(!analysis.series.contains { $0.scale.key == "midas" }, "no MIDAS recorded: no series")
        #expect(analysis.stoppingRule == .met(baseline: 20, afterTwoCycles: 13))
        #expect(analysis.findings.map(\.kind) == [.episodic], "9 days a month is episodic; nothing else to report")
    }

    /// 20 -> 15 after two cycles is 25% fewer: the rule fires. Its neighbour, 20 -> 14, is exactly 30%: it does not.
    @Test func stoppingRuleFiresBelowThirtyPercentAndNotAtIt() throws {
        let fires = migraine(baseline: 20, afterCycle: [17, 15], cycles: 2)
        #expect(fires.stoppingRule == .stop(baseline: 20, afterTwoCycles: 15))
        let finding = try #require(fires.findings.first { $0.kind == .stoppingRule })
        #expect(finding.message.contains("20 -> 15") && finding.message.contains("25%"))
        #expect(finding.source.reference.contains("NICE TA260"))

        let neighbour = migraine(baseline: 20, afterCycle: [17, 14], cycles: 2)
        #expect(neighbour.stoppingRule == .met(baseline: 20, afterTwoCycles: 14))
        #expect(!neighbour.findings.contains { $0.kind == .stoppingRule })
    }

    @Test func stoppingRuleWaitsForTwoCyclesAndSaysWhatIsMissing() {
        #expect(migraine(baseline: 20, afterCycle: [19], cycles: 1).stoppingRule == .notYet)
        let noBaseline = ResponseAnalysis(
            plan: OutcomeFixtures.migrainePlan,
            cycles: OutcomeFixtures.migraineSessions(cycles: 2).map { TreatmentCycle(session: $0) },
            reviews: [ReviewedScores(session: RecordID("m2")!, day: 84, scores: [ScaleScore(scale: "headache-days", item: "current", value: 18)])],
            timeZone: utc)
        #expect(noBaseline.stoppingRule == .needs("the baseline headache days per month"))
        #expect(migraine(baseline: 20, afterCycle: [16], cycles: 2).stoppingRule
            == .needs("the headache days per month after the second cycle"))
        #expect(MigraineStoppingRule.evaluate(indicationKey: "cervical-dystonia", cyclesGiven: 3, baseline: 20, afterTwoCycles: 19) == .notYet)
    }

    /// A diary entered at the visit of cycle 3 (day 0) describes the month after cycle 2; one entered at
    /// the first visit is the baseline.
    @Test func aDiaryEnteredAtAVisitCountsForTheCycleBefore() throws {
        let reviews = [
            ReviewedScores(session: RecordID("m1")!, day: 0, scores: [ScaleScore(scale: "headache-days", item: "current", value: 22)]),
            ReviewedScores(session: RecordID("m3")!, day: 0, scores: [ScaleScore(scale: "headache-days", item: "current", value: 17)]),
        ]
        let analysis = ResponseAnalysis(
            plan: OutcomeFixtures.migrainePlan,
            cycles: OutcomeFixtures.migraineSessions(cycles: 3).map { TreatmentCycle(session: $0) }, reviews: reviews, timeZone: utc)
        let headache = try #require(analysis.series.first)
        #expect(headache.baseline == 22)
        #expect(headache.points.map(\.value) == [nil, 17, nil])
        #expect(analysis.stoppingRule == .stop(baseline: 22, afterTwoCycles: 17))
    }

    @Test func episodicMigraineIsPointedOut() throws {
        let analysis = migraine(baseline: 20, afterCycle: [16, 12, 9])
        let finding = try #require(analysis.findings.first { $0.kind == .episodic })
        #expect(finding.message.contains("9 headache days per month"))
        #expect(!migraine(baseline: 20, afterCycle: [18, 17, 16]).findings.contains { $0.kind == .episodic })
    }

    func glabellar(_ sessions: [Session], _ maxima: [Int]) -> ResponseAnalysis {
        ResponseAnalysis(
            plan: OutcomeFixtures.glabellarPlan, cycles: sessions.map { TreatmentCycle(session: $0) },
            reviews: zip(sessions, maxima).map { OutcomeFixtures.corrugatorReview($0.0.id.rawValue, maximum: $0.1) },
            timeZone: utc, productName: { $0 == "dysport" ? "Dysport" : "Botox Cosmetic" }, ingredient: OutcomeFixtures.ingredient)
    }

    @Test func aClearlyWeakerResponseAtTheSameDoseIsAFinding() throws {
        let days = [CalendarDate(year: 2026, month: 1, day: 5)!, CalendarDate(year: 2026, month: 4, day: 10)!, CalendarDate(year: 2026, month: 7, day: 15)!]
        let sessions = zip(["g1", "g2", "g3"], days).map { OutcomeFixtures.glabellarSession($0.0, on: $0.1, corrugator: 8) }
        let analysis = glabellar(sessions, [0, 1, 2])
        let corrugator = try #require(analysis.series.first { $0.region == .corrugator })
        #expect(corrugator.points.map(\.dose) == [Units(16), Units(16), Units(16)])
        #expect(corrugator.points.map(\.value) == [0, 1, 2])
        let finding = try #require(analysis.findings.first { $0.kind == .weakerResponse })
        #expect(finding.message.hasPrefix("Corrugator: FWS 2 after 16 U Botox Cosmetic on 2026-07-15, against 0 after 16 U on 2026-01-05"))
        #expect(finding.message.contains("secondary non-response") && finding.message.contains("lowest effective dose"))
        #expect(finding.source.grade == .label)
        #expect(!analysis.series.contains { $0.region == .procerus }, "an unscored region has no series")
    }

    @Test func aSmallDropOrAHigherEarlierDoseIsNoFinding() {
        let days = [CalendarDate(year: 2026, month: 1, day: 5)!, CalendarDate(year: 2026, month: 4, day: 10)!]
        let same = [OutcomeFixtures.glabellarSession("g1", on: days[0], corrugator: 8), OutcomeFixtures.glabellarSession("g2", on: days[1], corrugator: 8)]
        #expect(!glabellar(same, [1, 2]).findings.contains { $0.kind == .weakerResponse }, "one grade is within the clear change of 2")
        let lower = [OutcomeFixtures.glabellarSession("g1", on: days[0], corrugator: 8), OutcomeFixtures.glabellarSession("g2", on: days[1], corrugator: 4)]
        #expect(!glabellar(lower, [0, 2]).findings.contains { $0.kind == .weakerResponse }, "half the dose: not the same dose")
        let better = [OutcomeFixtures.glabellarSession("g1", on: days[0], corrugator: 8), OutcomeFixtures.glabellarSession("g2", on: days[1], corrugator: 8)]
        #expect(glabellar(better, [3, 0]).findings.isEmpty)
    }

    @Test func aProductSwitchIsAFindingAndStopsTheComparison() throws {
        let days = [CalendarDate(year: 2026, month: 1, day: 5)!, CalendarDate(year: 2026, month: 4, day: 10)!]
        let sessions = [
            OutcomeFixtures.glabellarSession("g1", on: days[0], corrugator: 8),
            OutcomeFixtures.glabellarSession("g2", on: days[1], corrugator: 20, product: "dysport"),
        ]
        let analysis = glabellar(sessions, [0, 3])
        let finding = try #require(analysis.findings.first { $0.kind == .productSwitched })
        #expect(finding.message.contains("2026-04-10: Botox Cosmetic (onabotulinumtoxinA) to Dysport (abobotulinumtoxinA)"))
        #expect(!analysis.findings.contains { $0.kind == .weakerResponse }, "units of two products are never compared")
        let sameIngredient = [
            OutcomeFixtures.glabellarSession("g1", on: days[0], corrugator: 8),
            OutcomeFixtures.glabellarSession("g2", on: days[1], corrugator: 8, product: "botox"),
        ]
        #expect(!glabellar(sameIngredient, [0, 0]).findings.contains { $0.kind == .productSwitched }, "Botox and Botox Cosmetic are one toxin")
    }
}
