import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// What is on screen is the record on any terminal: locale, size, character widths, terminal type,
/// and record text that holds escape codes. The real binary in tmux.
@Suite(.serialized) struct TerminalFidelityEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-fidelity")
        data = DataFolder(path: folder.path)
    }

    /// The screen's rows.
    func rows(_ screen: String) -> [Substring] { screen.split(separator: "\n", omittingEmptySubsequences: false) }

    // MARK: - Locales

    @Test func inTheCLocaleEveryGlyphIsDrawnInASCIIAndWithoutColourDepthAndSelectionStillShow() throws {
        // A name the C locale cannot draw is shown without its accents rather than as blanks.
        let tmux = try TmuxSession.charting(
            in: folder.path, patient: "Zoë Ångström", listedAs: "Zoe Angstrom", environment: ["LANG": "C", "NO_COLOR": "1"],
            penLine: "Pen 4 U | IM *")
        // One point of each depth along the brow: ID, SC, IM (the pen's), DP; the last stays selected.
        // From the pen's IM, d cycles DP, IG (intraglandular), then ID.
        try tmux.send("d", "d", "d", "h", "h", "h", "h", "Enter")
        try tmux.waitFor("Placed 4 U ID")
        try tmux.send("d", "l", "l", "Enter")
        try tmux.waitFor("Placed 4 U SC")
        try tmux.send("d", "l", "l", "Enter")
        try tmux.waitFor("Placed 4 U IM")
        try tmux.send("d", "l", "l", "Enter")
        let screen = try tmux.waitFor("Placed 4 U DP")
        let brow = Array(rows(screen)[5])
        #expect(String(brow[16...22]) == "i o * #", "\(rows(screen)[5])")
        #expect(screen.contains("Pen 4 U | DP #"))
        #expect(screen.contains("FaceChart Zoe Angstrom ("))
        #expect(screen.contains("Anterior | Corrugator L"))
        #expect(screen.contains("Points (4)"))
        // Without colour the selected point is still marked: drawn in reverse video (SGR 7).
        let escaped = rows(try tmux.screen(escapes: true))[5]
        #expect(escaped.contains("\u{1B}[7m") || escaped.contains(";7m") || escaped.contains("[7;"), "\(escaped.debugDescription)")
        #expect(!ChartingEndToEndTests.sgrSequences(in: String(escaped)).contains { $0.contains(where: ChartingEndToEndTests.isColour) })
        // Borders are ASCII too.
        try tmux.send("?")
        try tmux.waitFor("Charting keys")
        // The overlay's foot is drawn last: waiting for it means the whole overlay is on screen.
        let help = try tmux.waitFor(" ^v j k scroll")
        #expect(help.contains("+- Charting keys -"))
        #expect(help.contains("| arrows h j k l"))
        #expect(help.unicodeScalars.allSatisfy { $0.isASCII }, "nothing the C locale would drop")
    }

    @Test func aUTF8CharacterTypeWithoutAnInstalledLocaleStillDrawsTheGlyphs() throws {
        // What a Mac sends over ssh: LC_CTYPE=UTF-8, which Linux has no locale for, and no LANG.
        let tmux = try TmuxSession.charting(in: folder.path, environment: ["LANG": "", "LC_CTYPE": "UTF-8"])
        try tmux.send("Enter")
        let screen = try tmux.waitFor("Placed 4 U IM in Procerus M.")
        #expect(Array(rows(screen)[5])[20] == "●", "\(rows(screen)[5])")
        #expect(screen.contains("Anterior · Procerus M"))
    }

    // MARK: - The smallest terminal

    @Test func anEightyByTwentyFourChartShowsTheLotNamesAndKeysWhole() throws {
        let tmux = try TmuxSession.charting(in: folder.path, patient: "Small Screen", lot: "C1234A")
        for pattern in ["glabellar-botox-cosmetic", "lateral-canthal-botox-cosmetic", "forehead-botox-cosmetic"] {
            try tmux.send("t")
            try tmux.waitFor("Treatment patterns")
            try tmux.sendLiteral(pattern)
            try tmux.send("Enter")
            try tmux.waitFor("Applied")
        }
        var screen = try tmux.waitFor("Total 64 U in 16 points")
        #expect(screen.contains("Lot C1234A · exp 2099-01-31"), "the lot whole:\n\(screen)")
        // The first forehead point is selected: the list shows it and says it scrolls.
        #expect(screen.contains("Points 9-15 of 16 ▲▼ Tab"), "\(screen)")
        // Crow's feet are intramuscular (clinical-audit: the label's lateral canthal injections are IM).
        #expect(screen.contains(" 9 Orb. oculi (lateral)   L     4 IM"), "region names whole in the list:\n\(screen)")
        // Back to a crow's-feet point: the list scrolls to it and the status row shows it whole.
        try tmux.send(keys: Array(repeating: "BTab", count: 6))
        screen = try tmux.waitFor("Point 6 of 16")
        #expect(screen.contains("Points 3-9 of 16 ▲▼ Tab"), "\(screen)")
        // Botox's default saline is the label's 2 mL per 100 U: 5 U per 0.1 mL.
        #expect(screen.contains("Anterior · Orb. oculi (lateral) R · 4 U IM = 0.08 mL (8 marks)"), "\(screen)")
        try tmux.send("q", "Enter")
        try tmux.waitFor("Pen 4 U · IM")
        // The keys take more rows than the screen has: the overlay says so and scrolls to its last line.
        try tmux.send("?")
        screen = try tmux.waitFor("Charting keys")
        let position = try #require(screen.range(of: #"1-19 of \d+ ▲▼ j k scroll"#, options: .regularExpression), "\(screen)")
        let keyCount = try #require(Int(screen[position].split(separator: " ")[2]))
        try tmux.send("G")
        screen = try tmux.waitFor("\(keyCount - 18)-\(keyCount) of \(keyCount) ▲▼ j k scroll")
        #expect(screen.contains("q Esc           back (everything is already saved)"), "the overlay's last line:\n\(screen)")
        try tmux.send("x")
        screen = try tmux.waitUntilGone("Charting keys")
        #expect(rows(screen)[23].hasSuffix("? keys · q back"), "the keys fit the footer: \(rows(screen)[23])")
    }

    @Test func aTooSmallTerminalSaysSoInWholeWords() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path), width: 40, height: 12)
        let screen = try tmux.waitFor("needs at least 80x24")
        let joined = rows(screen).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("Enlarge the window (q quits; all is saved)."), "\(screen)")
    }

    // MARK: - Widths

    @Test func emojiInANameLeaveTheRestOfItsRowInPlace() throws {
        for name in ["Rocket 🚀 Pilot ✅", "Plain Name"] {
            #expect(try Runner.facechart(["add-patient", name, "--born", "1980-01-01"], home: folder.path).status == 0)
        }
        // The printed list: the date of birth starts at the same terminal column on both rows
        // (tmux measures with wcwidth, as ColumnWidth does).
        let printed = try TmuxSession(arguments: ["patients"], dataFolder: URL(fileURLWithPath: folder.path))
        let screen = try printed.waitFor("EXIT=0")
        let listed = rows(screen).filter { $0.contains("Rocket") } + rows(screen).filter { $0.contains("Plain Name") }
        try #require(listed.count == 2, "\(screen)")
        let bornColumns = try listed.map { row in
            ColumnWidth.of(String(row[..<(try #require(row.range(of: " 1980-01-01 "), "no date of birth on \(row)")).lowerBound]))
        }
        #expect(bornColumns[0] == bornColumns[1], "\(listed)")
        // Typed into a field, the cursor stands right after the emoji, where the next letter goes.
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("Plain Name")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        try tmux.sendLiteral("Rocket 🚀 Pilot ✅")
        try tmux.waitFor("Name                Rocket 🚀 Pilot ✅")
        #expect(try tmux.display("#{cursor_x}") == "\(20 + ColumnWidth.of("Rocket 🚀 Pilot ✅"))")
    }

    // MARK: - Terminal types

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedWithAMessage() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path), environment: ["TERM": "dumb"])
        let screen = try tmux.waitFor("EXIT=1")
        #expect(screen.contains("facechart: the terminal type 'dumb' (TERM) cannot move the cursor"), "\(screen)")
        #expect(!screen.contains("FaceChart Patients"))
    }

    // MARK: - Record text is data

    @Test func aNameHoldingEscapeCodesIsPrintedAsText() throws {
        let name = "Evil\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}[31m Name"
        #expect(try Runner.facechart(["add-patient", name], home: folder.path).status == 0)
        let tmux = try TmuxSession(arguments: ["patients"], dataFolder: URL(fileURLWithPath: folder.path))
        let screen = try tmux.waitFor("EXIT=0")
        #expect(try tmux.display("#{pane_title}") != "PWNED", "the window title is left alone")
        #expect(screen.contains("Evil Name"))
        let header = try #require(rows(screen).firstIndex { $0.hasPrefix("ID ") }, "the screen was not cleared: \(screen)")
        #expect(rows(screen)[header + 1].contains("Evil Name"))
        #expect(!(try tmux.screen(escapes: true)).contains("\u{1B}[31m"), "no red from the record")
    }
}
