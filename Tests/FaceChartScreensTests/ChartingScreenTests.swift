import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct ChartingScreenTests {
    let environment = TestEnvironment.make()

    func makeScreen(points: [InjectionPoint] = []) -> ChartingScreen {
        var session = SampleRecords.session(points: 0)
        session.points = points
        return ChartingScreen(patient: SampleRecords.patient(), session: session, views: SampleFaceView.views())
    }

    /// Sends keys and returns every save the screen asked for.
    @discardableResult
    func send(_ keys: [Key], to screen: inout ChartingScreen) -> [Session] {
        var saved: [Session] = []
        for key in keys {
            for effect in screen.update(.key(key), environment: environment).effects {
                if case .saveSession(let session) = effect { saved.append(session) }
            }
        }
        return saved
    }

    @Test func cursorStartsOnTheProcerusAtTheMidline() {
        let screen = makeScreen()
        #expect(screen.cursor == .init(column: 5, row: 1))
    }

    @Test func enterPlacesAPointWithThePenAndSavesAtOnce() {
        var screen = makeScreen()
        let saved = send([.enter], to: &screen)
        #expect(saved.count == 1)
        let point = try! #require(saved.last?.points.first)
        #expect(point.region == .procerus)
        #expect(point.side == .midline)
        #expect(point.units == Units(4))
        #expect(point.depth == .intramuscular)
        #expect(screen.selected == point.id)
    }

    @Test func typedDigitsSetThePenAndDCyclesItsDepth() {
        var screen = makeScreen()
        send([.character("2"), .character("."), .character("5"), .character("d")], to: &screen)
        #expect(screen.pen == .init(units: Units(hundredths: 250), depth: .deep))
        let saved = send([.character("h"), .character("h"), .enter], to: &screen)
        #expect(saved.last?.points.first?.units == Units(hundredths: 250))
        #expect(saved.last?.points.first?.region == .corrugator)
        #expect(saved.last?.points.first?.side == .right)
    }


    @Test func aNoInjectionCellRefusesThePointAndSavesNothing() {
        var screen = makeScreen()
        let saved = send([.down, .left, .enter], to: &screen)
        #expect(screen.cursor == .init(column: 4, row: 2))
        #expect(saved.isEmpty)
        #expect(screen.session.points.isEmpty)
        #expect(screen.message?.kind == .error)
    }

    @Test func aDangerZonePointIsPlacedWithAWarning() {
        var screen = makeScreen()
        let saved = send([.left, .left, .left, .left, .enter], to: &screen)
        #expect(saved.last?.points.first?.region == .frontalis)
        #expect(screen.message?.kind == .warning)
        #expect(screen.message?.text.contains("brow ptosis") == true)
    }

    @Test func mirrorPlacesTheSamePointOnTheOtherSide() {
        var screen = makeScreen()
        let saved = send([.left, .left, .character("D"), .enter, .character("m")], to: &screen)
        let points = try! #require(saved.last?.points)
        #expect(points.count == 2)
        #expect(points[0].side == .right)
        #expect(points[1].side == .left)
        #expect(points[1].region == .corrugator)
        #expect(points[1].units == points[0].units)
        #expect(points[1].depth == points[0].depth)
        #expect(abs(points[1].position.x - (1 - points[0].position.x)) < 1e-9)
        #expect(screen.cursor == .init(column: 3, row: 1))
        #expect(screen.selected == points[0].id)
        #expect(send([.character("m")], to: &screen).isEmpty)
        #expect(screen.message?.text.contains("Already mirrored") == true)
    }

    @Test func undoAndRedoWalkBackAndForthAndSaveEachStep() {
        var screen = makeScreen()
        send([.enter, .left, .left, .enter], to: &screen)
        #expect(screen.session.points.count == 2)
        let undone = send([.character("u")], to: &screen)
        #expect(undone.last?.points.count == 1)
        let undoneAgain = send([.character("u")], to: &screen)
        #expect(undoneAgain.last?.points.isEmpty == true)
        #expect(send([.character("u")], to: &screen).isEmpty)
        let redone = send([.control("r"), .control("r")], to: &screen)
        #expect(redone.map(\.points.count) == [1, 2])
        #expect(send([.control("r")], to: &screen).isEmpty)
    }

    @Test func plusMinusDepthAndDeleteActOnTheSelectedPoint() {
        var screen = makeScreen()
        send([.enter, .character("+"), .character("+"), .character("-"), .character("D")], to: &screen)
        let point = try! #require(screen.session.points.first)
        #expect(point.units == Units(hundredths: 450))
        #expect(point.depth == .deep)
        let saved = send([.character("x")], to: &screen)
        #expect(saved.last?.points.isEmpty == true)
        #expect(screen.selected == nil)
    }

    @Test func minusNeverTakesAPointToZero() {
        var screen = makeScreen()
        send([.character("0"), .character("."), .character("5"), .enter], to: &screen)
        #expect(send([.character("-")], to: &screen).isEmpty)
        #expect(screen.session.points.first?.units == Units(hundredths: 50))
        #expect(screen.message?.kind == .error)
    }

    @Test func tabCyclesThroughPointsAcrossViews() {
        var screen = makeScreen()
        send([.enter, .character("v"), .enter], to: &screen)
        #expect(screen.view == .posterior)
        #expect(screen.session.points.map(\.view) == [.anterior, .posterior])
        send([.tab], to: &screen)
        #expect(screen.selected == screen.session.points[0].id)
        #expect(screen.view == .anterior)
        send([.backTab], to: &screen)
        #expect(screen.selected == screen.session.points[1].id)
        #expect(screen.view == .posterior)
    }

    @Test func aClickOnTheGridPlacesAPointAndASecondClickSelectsIt() {
        var screen = makeScreen()
        let origin = ChartingLayout.gridOrigin
        let click = Event.mouse(MouseEvent(kind: .press, x: origin.x + 3, y: origin.y + 1))
        let first = screen.update(click, environment: environment)
        #expect(first.effects.count == 1)
        #expect(screen.session.points.first?.region == .corrugator)
        #expect(screen.session.points.first?.side == .right)
        send([.right], to: &screen)
        #expect(screen.selected == nil)
        let second = screen.update(click, environment: environment)
        #expect(second.effects.isEmpty)
        #expect(screen.session.points.count == 1)
        #expect(screen.selected == screen.session.points.first?.id)
    }

    @Test func signingMakesTheSessionReadOnlyButAddendaStillSave() throws {
        var screen = makeScreen()
        send([.enter, .character("S")], to: &screen)
        send([.control("u")] + "A. Nurse".map { .character($0) } + [.enter], to: &screen)
        // The sample patient is lactating (a label warning): signing past it asks for one reason.
        guard case .prompt(_, for: .signingReason(let signer)) = screen.mode else { Issue.record("expected the reason prompt"); return }
        #expect(signer == "A. Nurse")
        let signed = send("discussed, benefit outweighs".map { .character($0) } + [.enter], to: &screen)
        let signature = try #require(signed.last?.signature)
        #expect(signature.signer == Clinician(name: "A. Nurse"))
        #expect(signature.signedAt == TestEnvironment.timestamp)
        #expect(signed.last?.signatureIsIntact == true)
        let reason = try #require(signed.last?.override(of: SafetyRule.signedWithWarnings))
        #expect(reason.reason.hasPrefix("discussed, benefit outweighs (open: warning.lactation"))
        #expect(reason.at == TestEnvironment.timestamp)
        #expect(reason.by == Clinician(name: "A. Nurse"), "the signer gave the reason")

        #expect(send([.left, .left, .enter, .character("x"), .character("u")], to: &screen).isEmpty)
        #expect(screen.session.points.count == 1)
        #expect(screen.message?.text.contains("addendum") == true)

        // The text first, then the author (pre-filled with the user; Enter confirms, or retype).
        let withAddendum = send([.character("A")] + "Bruise at R brow".map { .character($0) } + [.enter, .control("u")]
            + "B. Doctor".map { .character($0) } + [.enter], to: &screen)
        #expect(withAddendum.last?.addenda.map(\.text) == ["Bruise at R brow"])
        #expect(withAddendum.last?.addenda.map(\.author) == [Clinician(name: "B. Doctor")])
        #expect(withAddendum.last?.addenda.first?.writtenAt == TestEnvironment.timestamp)
        #expect(withAddendum.last?.signatureIsIntact == true)
    }

    @Test func aRecordChangedAfterSigningSaysSoInItsTitle() throws {
        var screen = makeScreen()
        send([.enter, .character("S"), .enter] + "noted".map { .character($0) } + [.enter], to: &screen)
        #expect(screen.session.isSigned)
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        #expect(canvas.lines[0].hasSuffix(" SIGNED "))
        screen.session.points[0].units = Units(40)
        screen.render(into: &canvas, environment: environment)
        #expect(canvas.lines[0].hasSuffix(" SIGNATURE BROKEN "))
    }

    @Test func qLeavesTheScreenButTypesIntoTheSignatureField() {
        var screen = makeScreen()
        send([.enter, .character("S"), .control("u"), .character("q")], to: &screen)
        #expect(screen.mode == .prompt(Prompt("Sign as: ", hint: "Enter sign · Esc cancel", text: "q"), for: .sign))
        #expect(screen.update(.key(.escape), environment: environment).navigation == nil)
        #expect(screen.update(.key(.character("q")), environment: environment).navigation == .back)
    }
}
