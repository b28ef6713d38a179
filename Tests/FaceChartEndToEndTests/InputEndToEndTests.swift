import FaceChartTestSupport
import Foundation
import Testing

/// Input as terminals really send it: clicks whose press and release arrive together, pastes,
/// Alt with a key, escape sequences FaceChart does not know, Shift-Tab on vt100. The real binary in tmux.
@Suite(.serialized) struct InputEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-input")
        data = DataFolder(path: folder.path)
    }

    /// The points saved in the patient's only session.
    func savedPoints() throws -> [[String: Any]] {
        let patient = try onlyPatient(in: data)
        guard let file = data.sessionFiles(of: patient).first else { return [] }
        return try #require(try data.record(file, kind: "session")["points"] as? [[String: Any]])
    }

    // MARK: - Mouse

    @Test func aClickWhosePressAndReleaseArriveTogetherLandsInSGRAndX10() throws {
        let tmux = try TmuxSession.charting(in: folder.path)
        // Grid cell (12, 2), upper forehead right, is screen cell (12, 3).
        try tmux.fastClick(x: 12, y: 3)
        try tmux.waitFor("Placed 4 U IM in Frontalis R.")
        // The X10 encoding, which xterm-256color does not announce, reads the same.
        try tmux.fastClick(x: 28, y: 3, x10: true)
        try tmux.waitFor("Placed 4 U IM in Frontalis L.")
        try tmux.waitFor("Total 8 U in 2 points")
        #expect(try savedPoints().compactMap { $0["side"] as? String }.sorted() == ["left", "right"])
    }

    @Test func aClickOnAPointsListRowSelectsThatPoint() throws {
        let tmux = try TmuxSession.charting(in: folder.path)
        try tmux.send("Enter", "h", "h", "Enter", "m")
        let screen = try tmux.waitFor("Total 12 U in 3 points")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(rows.firstIndex { $0.contains(" 1 Procerus") }, "\(screen)")
        try tmux.fastClick(x: 50, y: row)
        try tmux.waitFor("Point 1 of 3: Procerus M 4 U IM.")
        try tmux.waitFor("Anterior · Procerus M · 4 U IM")
    }

    // MARK: - Paste

    @Test func aPastedNameAndDateStayInTheNameFieldAndSaveNothing() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("No patients yet")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        try tmux.paste("Jane Doe\n1980-01-01\n")
        let screen = try tmux.waitFor("Name                Jane Doe 1980-01-01")
        #expect(screen.contains("FaceChart New patient"), "a pasted line break is not Enter")
        #expect(data.patientIDs().isEmpty, "nothing was saved")
        // Leaving by every path turns bracketed paste off: pasted text reaches the shell plain.
        try tmux.send("Escape")
        try tmux.waitFor("No patients yet")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
        try tmux.paste("after")
        let after = try tmux.waitFor("after")
        #expect(!after.contains("200~"), "\(after)")
    }

    @Test func aHangUpAlsoTurnsBracketedPasteOff() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("No patients yet")
        #expect(kill(try tmux.programPID(), SIGHUP) == 0)
        try tmux.waitFor("EXIT=129")
        try tmux.paste("after")
        let after = try tmux.waitFor("after")
        #expect(!after.contains("200~"), "\(after)")
    }

    @Test func aPasteOnTheChartIsIgnoredWithAMessage() throws {
        let tmux = try TmuxSession.charting(in: folder.path)
        try tmux.paste("t\nhh \nx\n")
        let screen = try tmux.waitFor("Paste ignored")
        #expect(!screen.contains("Treatment patterns"), "no command ran")
        #expect(screen.contains("Points (0)"))
        #expect(try savedPoints().isEmpty)
        try tmux.send("Enter")
        try tmux.waitFor("Placed 4 U IM in Procerus M.")
    }

    @Test func aLongPasteIsTakenAtOnceAndAFullFieldSaysSo() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("No patients yet")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        // Keys and the paste arrive in order: the paste goes into the notes field, which holds 500 characters.
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.paste(String(String(repeating: "Botulinum toxin, 4 U IM. ", count: 41).prefix(1024)))
        try tmux.waitFor("The field is full: it holds at most 500 characters; 524 pasted characters were", seconds: 5)
    }

    // MARK: - Keys

    @Test func altWithAKeyAndUnknownSequencesDoNothing() throws {
        let tmux = try TmuxSession.charting(in: folder.path)
        try tmux.send("Enter")
        try tmux.waitFor("Placed 4 U IM in Procerus M.")
        // Alt+x, Alt+q, Alt+Up, an unknown function key and a sequence cut short: none is Escape,
        // none deletes the point.
        try tmux.send("M-x", "M-q", "M-Up")
        try tmux.sendLiteral("\u{1b}[99~")
        try tmux.sendLiteral("\u{1b}[1;")
        try tmux.send("l")
        let screen = try tmux.waitFor("Anterior · Procerus")
        #expect(screen.contains("Pen 4 U · IM"), "still charting:\n\(screen)")
        #expect(screen.contains("Total 4 U in 1 point"))
        #expect(try savedPoints().count == 1)
        try tmux.send("Escape")
        try tmux.waitFor("4 U draft")
    }

    @Test func shiftTabOnAVT100MovesBackAField() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path), environment: ["TERM": "vt100"])
        try tmux.waitFor("No patients yet")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        try tmux.send("Tab", "Tab", "BTab", "BTab")
        try tmux.sendLiteral("Ann")
        let screen = try tmux.waitFor("Name                Ann")
        #expect(screen.contains("FaceChart New patient"))
    }
}
