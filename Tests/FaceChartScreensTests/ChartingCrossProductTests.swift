import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Crossing products is never silent: a pattern in another ingredient's units is refused, or shown converted
/// by a labelled off-label ratio and applied only on `c`, the choice recorded like an override.
@Suite struct ChartingCrossProductTests {
    let views: [ViewKind: FaceView] = [
        .anterior: try! BundledAssets.faceView(.anterior), .posterior: try! BundledAssets.faceView(.posterior),
    ]

    var environment: ScreenEnvironment {
        var environment = TestEnvironment.make(views: views)
        environment.patterns = try! BundledAssets.patternLibrary().patterns
        return environment
    }

    func makeScreen(product: String) -> ChartingScreen {
        var session = SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 0)
        for index in session.vials.indices {
            session.vials[index].product = product
            session.vials[index].ingredient = TestEnvironment.rules.ingredient(of: product)
        }
        return ChartingScreen(patient: SampleRecords.patient(), session: session, views: views)
    }

    func pick(_ name: String, on screen: inout ChartingScreen) -> [Effect] {
        ([Key.character("t")] + name.map { .character($0) } + [.enter]).flatMap {
            screen.update(.key($0), environment: environment).effects
        }
    }

    @Test func theDysportGlabellarPatternInABotoxSessionIsShownConvertedAndLandsOnlyOnC() throws {
        var screen = makeScreen(product: "botox-cosmetic")
        #expect(pick("Glabellar lines, Dysport", on: &screen).isEmpty)
        guard case .convertingPattern(let pending) = screen.mode else { Issue.record("expected the conversion step"); return }
        #expect(screen.session.points.isEmpty, "nothing lands before the choice")
        #expect(pending.from == "abobotulinumtoxinA" && pending.to == "onabotulinumtoxinA")
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let text = canvas.lines.joined(separator: " ")
        #expect(text.contains("Dysport : Botox 2.5-3 : 1"))
        #expect(text.contains("x0.33"))
        #expect(text.contains("50 U of abobotulinumtoxinA become 17.5 U of onabotulinumtoxinA"))

        let effects = screen.update(.key(.character("c")), environment: environment).effects
        #expect(effects.count == 1)
        #expect(screen.session.points.map(\.units) == Array(repeating: Units(hundredths: 350), count: 5))
        let choice = try #require(screen.session.override(of: SafetyRule.crossProduct(pattern: "glabellar-dysport")))
        #expect(choice.reason.contains("using 3 : 1"))
        #expect(choice.reason.contains("off-label guidance, P:"))
        #expect(choice.at == TestEnvironment.timestamp)
        #expect(choice.by == SampleRecords.clinician)
        #expect(screen.findings.contains { $0.rule == SafetyRule.crossProduct(pattern: "glabellar-dysport") })
    }

    @Test func anyOtherKeyLeavesTheConversionUnapplied() {
        var screen = makeScreen(product: "botox-cosmetic")
        _ = pick("Glabellar lines, Dysport", on: &screen)
        #expect(screen.update(.key(.enter), environment: environment).effects.isEmpty)
        #expect(screen.session.points.isEmpty)
        #expect(screen.session.overrides.allSatisfy { !$0.rule.hasPrefix("pattern.") })
    }

    @Test func theBotoxPatternInADysportSessionIsConvertedUpNotSilentlyUnderDosed() {
        var screen = makeScreen(product: "dysport")
        _ = pick("Glabellar lines, Botox Cosmetic", on: &screen)
        guard case .convertingPattern(let pending) = screen.mode else { Issue.record("expected the conversion step"); return }
        #expect(pending.appliedScale == 2.5)
        _ = screen.update(.key(.character("c")), environment: environment)
        #expect(screen.session.points.map(\.units).total() == Units(50))
    }

    @Test func aPatternWithNoPublishedConversionIsRefused() {
        var screen = makeScreen(product: "botox-cosmetic")
        #expect(pick("Glabellar lines, Daxxify", on: &screen).isEmpty)
        #expect(screen.mode == .charting)
        #expect(screen.session.points.isEmpty)
        #expect(screen.message?.kind == .error)
        #expect(screen.message?.text.hasPrefix("Refused: Glabellar lines, Daxxify 40 U is written in Daxxify units") == true)
    }

    @Test func aPatternOfTheSameIngredientUnderAnotherBrandAppliesAsWritten() {
        var screen = makeScreen(product: "letybo")
        #expect(pick("Glabellar lines, Jeuveau / Letybo", on: &screen).count == 1)
        #expect(screen.session.points.map(\.units).total() == Units(20))
    }
}
