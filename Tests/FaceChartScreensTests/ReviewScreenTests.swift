import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// The sidebar words of a canvas row (right of the 11-column sample drawing).
func words(_ line: String) -> [String] { line.dropFirst(12).split(separator: " ").map(String.init) }

@Suite struct ReviewScreenTests {
    /// A glabellar-like treatment on the sample drawing, `daysAgo` days before the test clock.
    func original(daysAgo: Int) -> Session {
        var session = SampleRecords.session(id: "original", startedAt: TestEnvironment.timestamp.adding(seconds: -Double(daysAgo) * 86_400), points: 0)
        let view = SampleFaceView.anterior()
        func point(_ id: String, _ column: Int, _ row: Int) -> InjectionPoint {
            let info = view.cell(column: column, row: row)
            return InjectionPoint(id: RecordID(id)!, view: .anterior, position: view.position(column: column, row: row),
                                  region: info.region!, side: info.side, units: Units(4), depth: .intramuscular)
        }
        session.points = [point("a", 5, 1), point("b", 3, 1), point("c", 7, 1)]
        return session
    }

    func makeScreen(daysAgo: Int = 14, environment: ScreenEnvironment) -> ReviewScreen {
        ReviewScreen(patient: SampleRecords.patient(), original: original(daysAgo: daysAgo), review: nil, topUp: nil,
                     views: SampleFaceView.views(), environment: environment)
    }

    func send(_ keys: [Key], to screen: inout ReviewScreen, environment: ScreenEnvironment) -> [Effect] {
        keys.flatMap { screen.update(.key($0), environment: environment).effects }
    }

    @Test func scoresAreSavedPerRegionAndOutOfScaleScoresAreRefused() {
        let environment = TestEnvironment.make()
        var screen = makeScreen(environment: environment)
        #expect(screen.treatedRegions == [.procerus, .corrugator])
        #expect(screen.rows.map(\.title) == ["Procerus", "Corrugator", "Satisf."], "satisfaction is asked once per visit")
        // A digit keeps the score and brings up the next item: rest, maximum, then symmetry.
        let effects = send([.character("1"), .character("2"), .character(" ")], to: &screen, environment: environment)
        #expect(effects.count == 3)
        #expect(screen.review.outcome(for: .procerus) == RegionOutcome(
            region: .procerus, wrinklesAtRest: 1, wrinklesAtMaximum: 2, symmetry: .even))
        #expect(screen.row == 0 && screen.column == 2, "Space steps a value in place")
        #expect(send([.character("7")], to: &screen, environment: environment).isEmpty)
        #expect(screen.message?.kind == .error)
        #expect(send([.tab, .character("9")], to: &screen, environment: environment).isEmpty, "Tab: the next region")
        #expect(screen.review.outcome(for: .corrugator) == nil)
        #expect(screen.row == 1 && screen.column == 0)
        #expect(send([.character("0"), .character("1"), .character("0")], to: &screen, environment: environment).count == 3)
        #expect(screen.review.outcome(for: .corrugator) == RegionOutcome(
            region: .corrugator, wrinklesAtRest: 0, wrinklesAtMaximum: 1, symmetry: .even))
        #expect(screen.row == 2 && screen.column == 0, "past a row's last item, the next row")
        #expect(send([.character("4")], to: &screen, environment: environment).count == 1)
        #expect(screen.review.scores == [ScaleScore(scale: "satisfaction", item: "satisfaction", value: 4)])
        #expect(send([.character("x")], to: &screen, environment: environment).count == 1)
        #expect(screen.review.scores.isEmpty, "x clears the item")
    }

    @Test func sideEffectsToggleAndSave() {
        let environment = TestEnvironment.make()
        var screen = makeScreen(environment: environment)
        let effects = send([.character("e"), .character("1"), .character("5"), .character("1"), .enter], to: &screen, environment: environment)
        #expect(effects.count == 3)
        #expect(screen.review.sideEffects == [ObservedSideEffect(effect: .bruising)])
        #expect(screen.focus == .outcomes)
    }

    @Test func aTopUpIsALinkedSessionRecordedOnTheReview() throws {
        let environment = TestEnvironment.make()
        var screen = makeScreen(environment: environment)
        #expect(send([.character("t")], to: &screen, environment: environment).isEmpty)
        guard case .settingUpTopUp = screen.focus else { Issue.record("expected the top-up's vial form"); return }
        let effects = send([.enter, .character("2"), .left, .left, .enter], to: &screen, environment: environment)
        let sessions = effects.compactMap { effect -> Session? in if case .saveSession(let session) = effect { session } else { nil } }
        let reviews = effects.compactMap { effect -> Review? in if case .saveReview(let review) = effect { review } else { nil } }
        let topUp = try #require(sessions.last)
        #expect(topUp.link == Session.Link(kind: .topUp, session: RecordID("original")!))
        var vial = screen.original.primaryVial
        // The same vial keeps its mixing time (to the minute, as typed), so its age is checked.
        let mixed = try #require(vial.reconstitutedAt)
        vial.reconstitutedAt = Timestamp(milliseconds: mixed.milliseconds / 60_000 * 60_000, utcOffsetSeconds: 0)
        #expect(topUp.primaryVial == vial, "the treatment's vial, with its mixing time")
        #expect(topUp.points.map(\.units) == [Units(2)])
        #expect(topUp.points.first?.side == .right)
        #expect(reviews.last?.topUp == topUp.id)
        #expect(send([.character("q")], to: &screen, environment: environment).isEmpty)
        #expect(screen.focus == .outcomes)

        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let rows = canvas.lines.map(words)
        #expect(rows.contains(["Corrugator", "8", "2", "10"]))
        #expect(rows.contains(["Total", "12", "2", "14"]))
        #expect(canvas.text.contains("R-L: even before, R+2 U now"))
    }

    @Test func aTopUpBeforeDay14AsksFirst() {
        let environment = TestEnvironment.make()
        var screen = makeScreen(daysAgo: 11, environment: environment)
        _ = send([.character("t")], to: &screen, environment: environment)
        #expect(screen.focus == .confirmingEarlyTopUp)
        #expect(screen.message?.text.contains("Day 11") == true)
        _ = send([.character("n")], to: &screen, environment: environment)
        #expect(screen.topUp == nil)
        _ = send([.character("t"), .character("y"), .enter], to: &screen, environment: environment)
        #expect(screen.focus == .topUp)
        #expect(screen.topUp?.priorPoints.count == 3)
    }

    @Test func theScreenShowsTheDayCountAndThePriorTotals() {
        let environment = TestEnvironment.make()
        let screen = makeScreen(environment: environment)
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let lines = canvas.lines
        #expect(lines[0].hasPrefix("FaceChart Ada Example · review of 2026-11-14 · day 14"))
        let rows = lines.map(words)
        #expect(rows.contains(["Procerus", "4", "4"]))
        #expect(rows.contains(["R", "4", "4"]))
        #expect(rows.contains(["Total", "12", "12"]))
    }
}

@Suite struct TopUpVialTests {
    @Test func aTopUpFromANewVialRecordsThatVialsLot() throws {
        let environment = TestEnvironment.make()
        var screen = ReviewScreenTests().makeScreen(environment: environment)
        _ = screen.update(.key(.character("t")), environment: environment)
        guard case .settingUpTopUp(let setup) = screen.focus else { Issue.record("expected the top-up's vial"); return }
        #expect(setup.chosen == 0 && setup.offers.map(\.origin) == [.treatment(day: screen.original.day(in: environment.timeZone))])
        #expect(setup.message?.text == "Top-up vial: Enter keeps the treatment's (lot C1234A) with its mixing time; Tab then arrows for today's vials or a new one.")
        for key in [Key.tab, .tab, .tab, .control("u")] + "NEWLOT".map({ Key.character($0) }) + [.enter, .enter] {
            _ = screen.update(.key(key), environment: environment)
        }
        let topUp = try #require(screen.topUp?.session)
        #expect(topUp.primaryVial.lot == "NEWLOT")
        #expect(topUp.link == Session.Link(kind: .topUp, session: screen.original.id))
        #expect(topUp.points.count == 1)
    }

    @Test func theVialMixedTimeIsRecordedAndAFutureTimeRefused() {
        let environment = TestEnvironment.make()
        var unmixed = SampleRecords.product()
        unmixed.reconstitutedAt = nil
        let today = VialOffer(vial: unmixed, origin: .openedToday(at: TestEnvironment.timestamp.adding(seconds: -3_600), by: environment.user))
        var setup = SessionSetupScreen(
            patient: SampleRecords.patient(), previous: SampleRecords.session(points: 0), products: TestEnvironment.products,
            offers: [today], clinician: environment.user, timeZone: environment.timeZone)
        _ = setup.update(.key(.backTab), environment: environment)
        _ = setup.update(.key(.backTab), environment: environment)
        #expect(setup.focus == .mixedAt)
        for character in "11:30" { _ = setup.update(.key(.character(character)), environment: environment) }
        #expect(setup.chosen == nil, "a vial's field typed into makes a new vial")
        #expect(setup.update(.key(.enter), environment: environment).effects.isEmpty)
        #expect(setup.message?.text.hasPrefix("Vial mixed") == false)
        #expect(setup.message?.text.contains("not a past time") == true)
        for _ in 0..<5 { _ = setup.update(.key(.backspace), environment: environment) }
        for character in "09:15" { _ = setup.update(.key(.character(character)), environment: environment) }
        let outcome = setup.update(.key(.enter), environment: environment)
        guard case .saveSession(let session)? = outcome.effects.first else { Issue.record("expected a saved session"); return }
        #expect(session.primaryVial.reconstitutedAt == TestEnvironment.timestamp.adding(seconds: -45 * 60))
        #expect(outcome.effects.last == .keepChairVial(session.primaryVial, openedAt: TestEnvironment.timestamp, by: environment.user),
                "a new vial is kept for the day's next sessions")
    }
}
