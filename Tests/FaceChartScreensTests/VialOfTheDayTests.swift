import FaceChartCore
@testable import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// The vial of the day in session setup: entered once, offered to every session that day, newest first;
/// a lot from an earlier day never chosen for the user.
@Suite struct VialOfTheDayTests {
    let environment = TestEnvironment.make()
    let utc = TimeZone(identifier: "UTC")!

    func vial(_ lot: String, product: String = "botox-cosmetic") -> Vial {
        Vial(product: product, ingredient: "onabotulinumtoxinA", lot: lot, expiry: CalendarDate(year: 2027, month: 6, day: 30),
             vialUnits: Units(100), diluentHundredthsML: 250)
    }

    /// A chair that opened `lots` today, an hour apart (the last newest), and C0LD yesterday.
    func chair(_ lots: [String]) -> ScreenEnvironment {
        var vials = ChairVials().opening(vial("C0LD"), at: TestEnvironment.timestamp.adding(seconds: -86_400), by: environment.user, timeZone: utc)
        for (index, lot) in lots.enumerated() {
            vials = vials.opening(vial(lot), at: TestEnvironment.timestamp.adding(seconds: Double(index - lots.count) * 3_600),
                                  by: environment.user, timeZone: utc)
        }
        var chaired = environment
        chaired.chairVials = vials
        return chaired
    }

    func setup(_ environment: ScreenEnvironment, previous: Session? = SampleRecords.session(points: 0)) -> SessionSetupScreen {
        SessionSetupScreen(
            patient: SampleRecords.patient(), previous: previous, products: environment.products, offers: environment.vialOffers,
            clinician: environment.user, timeZone: environment.timeZone)
    }

    @Test func todaysNewestVialIsOfferedFirstAndEnterAcceptsTheForm() throws {
        let environment = chair(["A111", "B222"])
        #expect(environment.vialOffers.map(\.vial.lot) == ["B222", "A111", "C0LD"])
        var form = setup(environment)
        #expect(form.focus == .concern && form.concern.isSelected, "the focus starts on the concern, its text selected")
        #expect(form.chosen == 0)
        let result = form.update(.key(.enter), environment: environment)
        guard case .saveSession(let session)? = result.effects.first else { Issue.record("expected the session"); return }
        #expect(result.effects.count == 1, "today's vial is kept already")
        #expect(session.primaryVial.lot == "B222")
        #expect(session.clinician == environment.user)
        #expect(result.navigation == .sessionCreated(SampleRecords.patient(), session))
    }

    @Test func withNoVialTodayTheLastVisitsLotIsNotFilledIn() {
        let environment = chair([])
        var form = setup(environment)
        #expect(form.chosen == nil)
        #expect(form.vial.lot.text.isEmpty && form.vial.expiry.text.isEmpty, "the last session's lot C1234A is not offered silently")
        #expect(environment.products[form.vial.productIndex].key == "botox-cosmetic", "its product and saline are")
        #expect(form.message?.text == "No vial opened here today yet: type its lot and expiry once; the next sessions offer it.")
        #expect(form.update(.key(.enter), environment: environment).effects.isEmpty)
        #expect(form.focus == .lot)
        for character in "N3W" { _ = form.update(.key(.character(character)), environment: environment) }
        _ = form.update(.key(.tab), environment: environment)
        for character in "2027-01-31" { _ = form.update(.key(.character(character)), environment: environment) }
        let result = form.update(.key(.enter), environment: environment)
        guard case .saveSession(let session)? = result.effects.first else { Issue.record("expected the session"); return }
        #expect(result.effects.last == .keepChairVial(session.primaryVial, openedAt: TestEnvironment.timestamp, by: environment.user))
    }

    @Test func anEarlierDaysVialIsChosenOnlyOnPurposeAndSaysSo() {
        let environment = chair(["A111"])
        var form = setup(environment)
        _ = form.update(.key(.tab), environment: environment)
        #expect(form.focus == .vial)
        _ = form.update(.key(.character("2")), environment: environment)
        #expect(form.chosen == 1 && form.vial.lot.text == "C0LD")
        #expect(form.message?.kind == .warning)
        let result = form.update(.key(.enter), environment: environment)
        guard case .saveSession(let session)? = result.effects.first else { Issue.record("expected the session"); return }
        #expect(result.effects.last == .keepChairVial(session.primaryVial, openedAt: TestEnvironment.timestamp, by: environment.user),
                "in use today, it becomes one of today's")
        _ = form.update(.key(.right), environment: environment)
        #expect(form.chosen == nil && form.vial.lot.text.isEmpty, "after the offers, a new vial")
    }

    @Test func typingIntoAChosenVialMakesItANewOne() {
        let environment = chair(["A111"])
        var form = setup(environment)
        for key in [Key.tab, .tab, .tab, .control("u")] { _ = form.update(.key(key), environment: environment) }
        #expect(form.focus == .lot && form.chosen == nil)
    }

    @Test func theChairKeepsAWeekOfVialsNewestFirstEachOnce() {
        let base = TestEnvironment.timestamp
        var vials = ChairVials()
        for day in 0..<10 {
            vials = vials.opening(vial("L\(day)"), at: base.adding(seconds: Double(day - 9) * 86_400), by: environment.user, timeZone: utc)
        }
        #expect(vials.entries.map(\.vial.lot) == ["L9", "L8", "L7", "L6", "L5", "L4", "L3", "L2"])
        let again = vials.opening(vial("L9"), at: base.adding(seconds: 60), by: environment.user, timeZone: utc)
        #expect(again == vials, "a vial opened today already is kept once")
        let reused = vials.opening(vial("L5"), at: base.adding(seconds: 60), by: environment.user, timeZone: utc)
        #expect(reused.entries.map(\.vial.lot).prefix(2) == ["L5", "L9"], "an earlier day's vial in use today moves to today")
        #expect(reused.opened(on: TestEnvironment.timestamp.utcDay, timeZone: utc).map(\.vial.lot) == ["L5", "L9"])
    }
}
