import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Several vials per session: each point names its vial, `b` switches or opens one, totals and volume are
/// per vial, a top-up keeps its vial's mixing time.
@Suite struct ChartingVialTests {
    let environment = TestEnvironment.make()

    /// A draft with the sample's two vials (v1 C1234A, v2 C9999B) and no points.
    func makeScreen() -> ChartingScreen {
        var session = SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 0)
        session.points = []
        return ChartingScreen(patient: SampleRecords.patient(), session: session, views: SampleFaceView.views())
    }

    func type(_ text: String) -> [Key] { text.map { .character($0) } }

    @discardableResult
    func send(_ keys: [Key], to screen: inout ChartingScreen) -> [Session] {
        keys.flatMap { key in
            screen.update(.key(key), environment: environment).effects.compactMap { effect -> Session? in
                if case .saveSession(let session) = effect { return session }
                return nil
            }
        }
    }

    @Test func newPointsComeFromTheCurrentVialAndBSwitchesIt() throws {
        var screen = makeScreen()
        #expect(screen.currentVial == RecordID("v2"), "the latest opened vial is current")
        send([.enter], to: &screen)
        send([.character("b"), .up, .enter], to: &screen)
        #expect(screen.currentVial == RecordID("v1"))
        #expect(screen.message?.text == "New points come from v1: Botox Cosmetic lot C1234A.")
        send([.character("l"), .enter], to: &screen)
        #expect(screen.session.points.map(\.vial.rawValue) == ["v2", "v1"])
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("Glabellar lines · v1 Botox Cosmetic"))
        #expect(text.contains("Lot C1234A · exp 2027-06-30"))
        #expect(text.contains("v1: 4 U = 0.10 mL (4 U/0.1 mL)"))
        #expect(text.contains("v2: 4 U = 0.10 mL (4 U/0.1 mL)"))
    }

    @Test func nOpensAnotherVialWhoseLotAndMixingTimeTravelWithItsPoints() throws {
        var screen = makeScreen()
        var keys: [Key] = [.character("b"), .character("n")]
        keys += type("LOT3") + [.tab] + type("2027-01-31") + [.tab, .tab, .tab] + type("09:00") + [.enter]
        let saved = send(keys, to: &screen)
        let opened = try #require(saved.last?.vials.last)
        #expect(opened.id == RecordID("v3"))
        #expect(opened.lot == "LOT3")
        #expect(opened.product == "botox-cosmetic" && opened.ingredient == "onabotulinumtoxinA")
        #expect(opened.reconstitutedAt == TestEnvironment.timestamp.adding(seconds: -3_600))
        #expect(screen.currentVial == opened.id)
        let placed = send([.enter], to: &screen)
        #expect(placed.last?.points.first?.vial == opened.id)
    }

    @Test func anExpiredLotIsRefusedInTheVialForm() {
        var screen = makeScreen()
        var keys: [Key] = [.character("b"), .character("n")]
        keys += type("OLD") + [.tab] + type("2020-01-01") + [.enter]
        #expect(send(keys, to: &screen).isEmpty)
        #expect(screen.session.vials.count == 2)
        #expect(screen.message?.text == "Lot OLD expired on 2020-01-01: use an unexpired vial.")
        guard case .addingVial(_, let focus) = screen.mode else { Issue.record("expected the vial form"); return }
        #expect(focus == .expiry)
    }

    @Test func aPatternLandsOnTheCurrentVial() {
        var environment = TestEnvironment.make()
        environment.patterns = [ChartingSafetyAndPatternTests.pattern]
        var screen = makeScreen()
        for key in [Key.character("b"), .up, .enter, .character("t"), .enter] {
            _ = screen.update(.key(key), environment: environment)
        }
        #expect(screen.session.points.count == 3)
        #expect(screen.session.points.allSatisfy { $0.vial == RecordID("v1") })
    }

    @Test func aTopUpOfTheSameVialKeepsItsMixingTimeSoItsAgeIsChecked() throws {
        let environment = TestEnvironment.make()
        var screen = ReviewScreenTests().makeScreen(environment: environment)
        let original = screen.original.primaryVial
        _ = screen.update(.key(.character("t")), environment: environment)
        guard case .settingUpTopUp(let setup) = screen.focus else { Issue.record("expected the top-up's vial form"); return }
        let kept = try #require(original.reconstitutedAt)
        #expect(setup.vial.mixedAt.text == Format.dateTime(kept.date, timeZone: environment.timeZone))
        _ = screen.update(.key(.enter), environment: environment)
        let topUp = try #require(screen.topUp)
        #expect(topUp.session.primaryVial.reconstitutedAt?.milliseconds == (kept.milliseconds / 60_000) * 60_000)
        #expect(topUp.findings.contains { $0.rule == SafetyRule.vialLifetime })
    }

    @Test func anotherLotForTheTopUpIsAnotherVialWithoutTheOldMixingTime() throws {
        var entry = VialEntry(vial: SampleRecords.product(), products: TestEnvironment.products, keepsMixingTime: true, timeZone: .gmt)
        #expect(!entry.mixedAt.text.isEmpty)
        entry.handle(.character("X"), in: .lot, products: TestEnvironment.products)
        #expect(entry.mixedAt.text.isEmpty)
        entry.handle(.backspace, in: .lot, products: TestEnvironment.products)
        #expect(entry.mixedAt.text == Format.dateTime(try #require(SampleRecords.product().reconstitutedAt).date, timeZone: .gmt))
    }
}
