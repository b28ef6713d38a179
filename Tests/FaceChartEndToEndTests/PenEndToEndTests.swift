import FaceChartTestSupport
import Foundation
import Testing

/// The pen in the real binary: a figure shows exactly as typed, a pause ends it (the terminal loop's
/// clock reaches the screen), and a refused figure is never placed shortened.
@Suite(.serialized) struct PenEndToEndTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-pen")
    }

    @Test func aPauseEndsTheFigureSoDigitsTypedApartDoNotRunTogether() throws {
        let tmux = try TmuxSession.charting(in: folder.path, patient: "Pen Pause")
        try tmux.sendLiteral("2")
        try tmux.waitFor("Pen 2▏ U · IM")
        // Nothing typed for a moment: the clock ends the figure (1.5 s) without a key.
        var screen = try tmux.waitUntilGone("typing…")
        #expect(screen.contains("Pen 2 U · IM"), "\(screen)")
        try tmux.sendLiteral("5")
        screen = try tmux.waitFor("Pen 5▏ U · IM")
        #expect(!screen.contains("25"), "a second figure, not 25 U:\n\(screen)")
        try tmux.send("Enter")
        try tmux.waitFor("Placed 5 U IM in Procerus M.")
    }

    @Test func aRefusedFigureStaysRefusedAndEnterPlacesNothing() throws {
        let tmux = try TmuxSession.charting(in: folder.path, patient: "Pen Refused")
        try tmux.sendLiteral("9999")
        try tmux.waitFor("REFUSED")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("check the figure. Nothing done:")
        #expect(screen.contains("Points (0)"), "\(screen)")
        #expect(screen.contains("Pen 9999▏ U"), "the figure shows as typed:\n\(screen)")
    }
}
