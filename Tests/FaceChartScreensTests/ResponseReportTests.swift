import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite("Response over cycles in the history")
struct ResponseReportTests {
    let environment = TestEnvironment.make()

    func report(_ sessions: [Session], _ reviews: [Review], today: CalendarDate = CalendarDate(year: 2026, month: 9, day: 20)!) -> HistoryReport {
        HistoryReport(
            patient: SampleRecords.patient(), sessions: sessions, reviews: reviews, today: today, timeZone: environment.timeZone,
            rules: environment.rules, productName: environment.productName, ingredient: environment.ingredient, outcomes: environment.outcomes)
    }

    func migraine(baseline: Int, afterCycle: [Int], hit6: [Int] = []) -> [String] {
        report(
            OutcomeFixtures.migraineSessions(cycles: afterCycle.count),
            OutcomeFixtures.migraineReviewRecords(baseline: baseline, afterCycle: afterCycle, hit6: hit6)
        ).text().components(separatedBy: "\n")
    }

    @Test func migraineHistoryShowsHeadacheDaysFallingOverThreeCyclesWithDosesPerRegion() throws {
        let lines = migraine(baseline: 20, afterCycle: [16, 13, 9], hit6: [64, 60, 55])
        let start = try #require(lines.firstIndex(of: "Response over cycles: units per region and the scores after each cycle"))
        let section = Array(lines[start...])
        #expect(section[1] == "Chronic migraine · Botox · Headache days, HIT-6, MIDAS · review next cycle, day")
        #expect(section.contains("                          Baseline  2026-01-05  2026-03-30  2026-06-22"))
        for (region, units) in [("Procerus", 5), ("Corrugator", 10), ("Frontalis", 20), ("Temporalis", 40), ("Occipitalis", 30),
                                ("Cerv. paraspinal", 20), ("Trapezius", 30)] {
            let cell = Format.padLeft("\(units) U", 12)
            #expect(section.contains(Format.pad(region, 22) + String(repeating: " ", count: 12) + cell + cell + cell), "\(region)")
        }
        #expect(section.contains("Total                                    155 U       155 U       155 U"))
        #expect(section.contains("Headache days                   20          16          13           9"))
        #expect(section.contains(Format.pad("HIT-6", 34) + ["64", "60", "55"].map { Format.padLeft($0, 12) }.joined()), "no HIT-6 baseline")
        #expect(section.contains("    20 ┤█ ▂"), "the bar chart starts at the baseline")
        #expect(section.contains("       └B 1 2 3"))
        #expect(section.contains("  Stopping rule (NICE TA260, P): headache days 20 -> 13 per month after two"))
        #expect(lines.contains { $0.hasPrefix("  Review due              2026-09-14  day 84") }, "migraine is reviewed at the next cycle")
    }

    @Test func stoppingRuleFiresOnItsFixtureAndNotOnItsNeighbour() {
        let fires = migraine(baseline: 20, afterCycle: [17, 15]).joined(separator: "\n")
        #expect(fires.contains("! Stopping rule: headache days 20 -> 15 per month after two cycles, 25% fewer"))
        let neighbour = migraine(baseline: 20, afterCycle: [17, 14]).joined(separator: "\n")
        #expect(!neighbour.contains("! Stopping rule"))
        #expect(neighbour.contains("headache days 20 -> 14 per month after two\n  cycles, 30% fewer: an adequate response"))
    }

    func glabellarHistory(products: [String], corrugator: [Int], maxima: [Int]) -> String {
        let days = [CalendarDate(year: 2026, month: 1, day: 5)!, CalendarDate(year: 2026, month: 4, day: 10)!, CalendarDate(year: 2026, month: 7, day: 15)!]
        let sessions = (0..<maxima.count).map {
            OutcomeFixtures.glabellarSession("g\($0 + 1)", on: days[$0], corrugator: corrugator[$0], product: products[$0])
        }
        let reviews = sessions.enumerated().map { index, session in
            Review(
                patient: session.patient, session: session.id, createdAt: OutcomeFixtures.date(days[index].adding(days: 14)),
                clinician: SampleRecords.clinician, outcomes: [RegionOutcome(region: .corrugator, wrinklesAtRest: 0, wrinklesAtMaximum: maxima[index])])
        }
        return report(sessions, reviews).text()
    }

    @Test func aWeakerResponseAtTheSameDoseShowsInTheTableAndAsAFinding() {
        let text = glabellarHistory(products: ["botox-cosmetic", "botox-cosmetic", "botox-cosmetic"], corrugator: [8, 8, 8], maxima: [0, 1, 2])
        #expect(text.contains(Format.pad("Corrugator", 22) + ["16 U: 0", "16 U: 1", "16 U: 2"].map { Format.padLeft($0, 12) }.joined()))
        #expect(text.contains("  Corrugator: units ███ FWS ▁▃▆ (cycles 1,2,3)"), "FWS 0, 1, 2 on its 0-3 range")
        #expect(text.contains("  ! Corrugator: FWS 2 after 16 U Botox Cosmetic on 2026-07-15, against 0 after\n  16 U on 2026-01-05: clearly weaker at the same dose."))
        #expect(text.contains("lowest effective dose at the longest feasible interval. (L: Botox prescribing"))
    }

    @Test func aProductSwitchIsShownAndNotComparedAcross() {
        let text = glabellarHistory(products: ["botox-cosmetic", "dysport", "dysport"], corrugator: [8, 20, 20], maxima: [0, 0, 3])
        let flat = text.replacingOccurrences(of: "\n  ", with: " ")
        #expect(flat.contains("! Product switched on 2026-04-10: Botox Cosmetic (onabotulinumtoxinA) to Dysport (abobotulinumtoxinA)."))
        #expect(text.contains(Format.pad("Product", 22) + ["Botox Cosm…", "Dysport", "Dysport"].map { Format.padLeft($0, 12) }.joined()),
                "a cut name is marked")
        #expect(flat.contains("! Corrugator: FWS 3 after 40 U Dysport on 2026-07-15, against 0 after 40 U on 2026-04-10"),
                "compared within Dysport only")
    }

    @Test func everyLineFitsTheWidth() {
        for width in [60, 80, 120] {
            let lines = report(
                OutcomeFixtures.migraineSessions(cycles: 3),
                OutcomeFixtures.migraineReviewRecords(baseline: 20, afterCycle: [16, 13, 9])
            ).lines(width: width)
            #expect(lines.allSatisfy { ColumnWidth.of($0.0) == width }, "width \(width)")
        }
    }

    @Test func theHistoryScreenShowsTheResponseSection() {
        var screen = HistoryScreen(
            patient: SampleRecords.patient(), sessions: OutcomeFixtures.migraineSessions(cycles: 3),
            reviews: OutcomeFixtures.migraineReviewRecords(baseline: 20, afterCycle: [16, 13, 9]), viewportHeight: 80)
        var canvas = Canvas(width: 80, height: 80)
        _ = screen.update(.resized(width: 80, height: 80), environment: environment)
        screen.render(into: &canvas, environment: environment)
        #expect(canvas.text.contains("Response over cycles: units per region and the scores after each cycle"))
        #expect(canvas.text.contains("Headache days                   20          16          13           9"))
    }

    @Test func withoutTheScalesThereIsNoResponseSection() {
        let bare = HistoryReport(
            patient: SampleRecords.patient(), sessions: OutcomeFixtures.migraineSessions(cycles: 2), reviews: [],
            today: environment.today, timeZone: environment.timeZone, rules: environment.rules)
        #expect(!bare.text().contains("Response over cycles"))
    }
}
