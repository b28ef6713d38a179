import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// The real `facechart` binary in tmux, driven with keys and mouse reports, checked on screen and on disk.
@Suite(.serialized) struct ChartingEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e")
        data = DataFolder(path: folder.path)
    }

    /// The keys that chart the 5-point glabellar pattern from the procerus where the cursor starts:
    /// procerus, right corrugator (medial), mirror, right corrugator (lateral), mirror.
    static let glabellarSteps: [(keys: [String], screen: String)] = [
        (["Enter"], "Placed 4 U IM in Procerus M."),
        (["h", "h", "Enter"], "Placed 4 U IM in Corrugator R."),
        (["m"], "Total 12 U in 3 points"),
        (["h", "h", "Enter"], "Total 16 U in 4 points"),
        (["m"], "Total 20 U in 5 points = 0.50 mL"),
    ]

    // MARK: - The issue's scenario

    @Test func chartsTheGlabellarPatternByHandAndReopensIt() throws {
        let name = "Zoë Ångström"
        var firstRunPID: Int32 = 0
        do {
            let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
            try tmux.waitFor("No patients yet. Press n to add the first.")
            firstRunPID = try tmux.programPID()

            // New patient form: name (Unicode), date of birth, save.
            try tmux.send("n")
            try tmux.waitFor("FaceChart New patient")
            try tmux.sendLiteral(name)
            try tmux.waitFor("Name                \(name)")
            try tmux.send("Tab")
            try tmux.sendLiteral("1980-05-02")
            try tmux.waitFor("1980-05-02")
            try tmux.send("Enter")
            var screen = try tmux.waitFor("Saved. n starts the first session.")
            #expect(screen.contains("FaceChart \(name)"))
            #expect(screen.contains("born 1980-05-02"))
            let patientID = try onlyPatient(in: data)
            #expect(try data.record("patients/\(patientID)/patient.json", kind: "patient")["name"] as? String == name)

            // Session setup: a new vial (none opened today): Botox Cosmetic, lot, expiry; clinician.
            try tmux.send("n")
            try tmux.waitFor("Concern / diagnosis   Glabellar lines")
            try tmux.waitFor("Vial                  ◀ New vial ▶")
            try tmux.send("Tab", "Tab", "Right")
            try tmux.waitFor("◀ Botox Cosmetic ▶")
            try tmux.send("Tab")
            try tmux.sendLiteral("C1234AB")
            try tmux.send("Tab")
            try tmux.sendLiteral("2099-12-31")
            try tmux.send("Tab", "Tab", "Tab")
            try tmux.sendLiteral("Dr Mäkelä")
            screen = try tmux.waitFor("Clinician             Dr Mäkelä")
            #expect(screen.contains("Lot                   C1234AB"))
            #expect(screen.contains("Expiry (YYYY-MM-DD)   2099-12-31"))
            #expect(screen.contains("Diluent mL            2.5      = 4 U per 0.1 mL"))
            try tmux.send("Enter")
            try tmux.waitFor("Pen 4 U · IM")
            try tmux.waitFor("Lot C1234AB · exp 2099-12-31")
            try tmux.waitFor("Anterior · Procerus M")
            try tmux.waitFor("Total 0 U in 0 points")

            // The glabellar pattern, by hand, checking the screen after each step.
            var keysSent: [String] = []
            for step in Self.glabellarSteps {
                try tmux.send(keys: step.keys)
                keysSent += step.keys
                try tmux.waitFor(step.screen)
            }
            let keystrokes = keysSent.count
            #expect(keystrokes <= 20, "the 5-point glabellar chart took \(keystrokes) keys")
            #expect(keystrokes == 9)
            screen = try tmux.waitFor("Points (5)")
            #expect(screen.contains("Procerus                        4    4"))
            #expect(screen.contains("Corrugator            8    8        16"))
            #expect(screen.contains("R 8 U  L 8 U  R-L even"))
            // Five IM glyphs on the brow row (grid row 4 is screen row 5), at columns 16 to 24.
            let browRow = screen.split(separator: "\n", omittingEmptySubsequences: false)[5]
            #expect(Array(browRow)[16...24].map(String.init).joined() == "● ● ● ● ●")

            let sessionFile = try #require(data.sessionFiles(of: patientID).first)
            #expect(data.sessionFiles(of: patientID).count == 1)
            #expect(sessionFile.range(of: #"/\d{8}T\d{6}Z-[A-Za-z0-9_-]+\.json$"#, options: .regularExpression) != nil)
            try expectGlabellarChart(in: sessionFile)

            // Undo one point (saved at once: 4 on disk), redo it (5 again).
            try tmux.send("u")
            try tmux.waitFor("Total 16 U in 4 points")
            #expect(try pointCount(in: sessionFile) == 4)
            try tmux.send("C-r")
            try tmux.waitFor("Redone.")
            try tmux.waitFor("Total 20 U in 5 points = 0.50 mL")
            #expect(try pointCount(in: sessionFile) == 5)
            try expectGlabellarChart(in: sessionFile)

            // Back to the patient, back to the list, quit.
            try tmux.send("q")
            screen = try tmux.waitFor("Glabellar lines     Botox Cosmetic      20 U draft")
            try tmux.send("q")
            try tmux.waitFor("FaceChart Patients (1)")
            // Wait for the list's rows too: the title can be drawn before the rest of the screen.
            screen = try tmux.waitFor(name)
            try tmux.send("q")
            try tmux.waitFor("EXIT=0")
        }

        // A second run on the same folder shows the same chart.
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor(name)
        #expect(try tmux.programPID() != firstRunPID)
        try tmux.send("Enter")
        try tmux.waitFor("20 U draft")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("Total 20 U in 5 points = 0.50 mL")
        #expect(screen.contains("Points (5)"))
        #expect(screen.contains("Lot C1234AB · exp 2099-12-31"))
        try tmux.send("q", "q", "q")
        try tmux.waitFor("EXIT=0")
    }

    /// Five intramuscular 4 U points: procerus M, corrugator R R L L; total 20 U; the session's product.
    private func expectGlabellarChart(in sessionFile: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let record = try data.record(sessionFile, kind: "session")
        let points = try #require(record["points"] as? [[String: Any]])
        #expect(points.count == 5, sourceLocation: sourceLocation)
        let doses = points.compactMap { $0["dose"] as? [String: Any] }
        #expect(doses.count == 5, sourceLocation: sourceLocation)
        #expect(doses.allSatisfy { $0["value"] as? Double == 4 && $0["unit"] as? String == "U" }, sourceLocation: sourceLocation)
        #expect(doses.allSatisfy { $0["scale"] as? String == "onabotulinumtoxinA" }, sourceLocation: sourceLocation)
        #expect(points.allSatisfy { $0["vial"] as? String == "v1" }, sourceLocation: sourceLocation)
        #expect(points.allSatisfy { $0["depth"] as? String == "intramuscular" }, sourceLocation: sourceLocation)
        #expect(points.allSatisfy { $0["view"] as? String == "anterior" }, sourceLocation: sourceLocation)
        let regions = points.compactMap { $0["region"] as? String }
        #expect(regions.filter { $0 == "procerus" }.count == 1, sourceLocation: sourceLocation)
        #expect(regions.filter { $0 == "corrugator" }.count == 4, sourceLocation: sourceLocation)
        let sides = points.compactMap { $0["side"] as? String }
        #expect(sides.filter { $0 == "right" }.count == 2, sourceLocation: sourceLocation)
        #expect(sides.filter { $0 == "left" }.count == 2, sourceLocation: sourceLocation)
        #expect(sides.filter { $0 == "midline" }.count == 1, sourceLocation: sourceLocation)
        let total = doses.compactMap { $0["value"] as? Double }.reduce(0, +)
        #expect(total == 20, sourceLocation: sourceLocation)
        let vials = try #require(record["vials"] as? [[String: Any]])
        #expect(vials.count == 1, sourceLocation: sourceLocation)
        let product = vials[0]
        #expect(product["product"] as? String == "botox-cosmetic", sourceLocation: sourceLocation)
        #expect(product["lot"] as? String == "C1234AB", sourceLocation: sourceLocation)
        #expect(product["expiry"] as? String == "2099-12-31", sourceLocation: sourceLocation)
        let clinician = try #require(record["clinician"] as? [String: Any])
        #expect(clinician["name"] as? String == "Dr Mäkelä", sourceLocation: sourceLocation)
        #expect(clinician["id"] as? String == "dr-makela", sourceLocation: sourceLocation)

        // The store reads the same file back into the model.
        let store = try PatientStore(root: folder.path)
        let patient = try #require(RecordID(String(sessionFile.split(separator: "/")[1])))
        let session = try #require(try store.sessions(of: patient).first)
        #expect(session.points.map(\.units).total() == Units(20), sourceLocation: sourceLocation)
        #expect(Set(session.points.map { gridCell($0.position).row }) == [4], sourceLocation: sourceLocation)
        #expect(session.points.map { gridCell($0.position).column }.sorted() == [16, 18, 20, 22, 24],
                sourceLocation: sourceLocation)
    }

    private func pointCount(in sessionFile: String) throws -> Int {
        try #require(try data.record(sessionFile, kind: "session")["points"] as? [[String: Any]]).count
    }

    // MARK: - Mouse

    @Test func clickPlacesAPointOnAnEmptyCellAndSelectsAnExistingOne() throws {
        let tmux = try startCharting()
        let patientID = try onlyPatient(in: data)
        // Grid cell (12, 2) is upper forehead ('F' in the mask), left of the midline: the patient's right.
        try tmux.click(x: 12, y: 3)
        var screen = try tmux.waitFor("Placed 4 U IM in Frontalis R.")
        #expect(screen.contains("Anterior · Frontalis R"))
        #expect(screen.contains("Total 4 U in 1 point ="))
        let sessionFile = try #require(data.sessionFiles(of: patientID).first)
        var points = try #require(try data.record(sessionFile, kind: "session")["points"] as? [[String: Any]])
        try #require(points.count == 1)
        #expect(points[0]["region"] as? String == "frontalis")
        #expect(points[0]["side"] as? String == "right")
        let position = try #require(points[0]["position"] as? [String: Double])
        let cell = gridCell(FacePoint(x: try #require(position["x"]), y: try #require(position["y"])))
        #expect(cell.column == 12)
        #expect(cell.row == 2)

        // The same cell again selects the point: no second point.
        try tmux.click(x: 12, y: 3)
        screen = try tmux.waitFor("Selected Frontalis R 4 U IM.")
        #expect(screen.contains("Total 4 U in 1 point ="))
        points = try #require(try data.record(sessionFile, kind: "session")["points"] as? [[String: Any]])
        #expect(points.count == 1)

        // A click on the other side of the midline (grid cell 28, 2) is the patient's left.
        try tmux.click(x: 28, y: 3)
        screen = try tmux.waitFor("Placed 4 U IM in Frontalis L.")
        #expect(screen.contains("Total 8 U in 2 points"))
        points = try #require(try data.record(sessionFile, kind: "session")["points"] as? [[String: Any]])
        #expect(points.compactMap { $0["side"] as? String }.sorted() == ["left", "right"])
    }

    // MARK: - Hang-up

    @Test func hangUpKeepsEveryPlacedPointAndRestoresTheTerminal() throws {
        let tmux = try startCharting()
        let patientID = try onlyPatient(in: data)
        try tmux.send("Enter", "h", "h", "Enter", "m")
        try tmux.waitFor("Total 12 U in 3 points")
        #expect(try tmux.display("#{alternate_on}") == "1")
        let pid = try tmux.programPID()
        #expect(kill(pid, SIGHUP) == 0)
        try tmux.waitFor("EXIT=129")
        #expect(try tmux.display("#{alternate_on}") == "0")
        // The program is gone.
        #expect(eventually { kill(pid, 0) != 0 })

        let sessionFile = try #require(data.sessionFiles(of: patientID).first)
        let points = try #require(try data.record(sessionFile, kind: "session")["points"] as? [[String: Any]])
        #expect(points.count == 3)
        #expect(points.compactMap { $0["side"] as? String }.sorted() == ["left", "midline", "right"])
        #expect(!data.allPaths().contains { $0.contains(".facechart-tmp-") })
        // The lock went with the process: the patient opens again.
        let again = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try again.waitFor("Hang Up")
        try again.send("Enter")
        try again.waitFor("12 U draft")
    }

    // MARK: - Two windows

    /// The second window may look but not chart: it opens the patient read-only, naming the first.
    @Test func aSecondWindowOnTheSamePatientNamesTheFirstWindowsPID() throws {
        let added = try Runner.facechart(["add-patient", "Lock Test", "--born", "1970-01-01"], home: folder.path)
        try #require(added.status == 0)
        let first = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try first.waitFor("Lock Test")
        try first.send("Enter")
        try first.waitFor("No sessions yet. Press n to start one.")
        let firstPID = try first.programPID()

        let second = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try second.waitFor("Lock Test")
        try second.send("Enter")
        let screen = try second.waitFor("READ-ONLY: open in another window (pid \(firstPID))")
        #expect(screen.contains("No sessions yet"))
        try second.send("n")
        try second.waitFor("Read-only here: sessions can be viewed, not charted.")

        // Once the first window leaves the patient, the second can chart it.
        try first.send("q")
        try first.waitFor("FaceChart Patients (1)")
        try second.send("q")
        try second.waitFor("FaceChart Patients (1)")
        try second.send("Enter")
        try second.waitFor("No sessions yet. Press n to start one.")
        #expect(!(try second.screen()).contains("READ-ONLY"))
    }

    // MARK: - Terminal size and colour

    @Test func tooSmallATerminalAsksForMoreAndRedrawsWhenResized() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path), width: 60, height: 20)
        let screen = try tmux.waitFor("needs at least 80x24")
        #expect(screen.contains("The terminal is 60x20."))
        #expect(!screen.contains("FaceChart Patients"))
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("FaceChart Patients (0)")
        try tmux.waitUntilGone("needs at least")
        // Keys work after the resize.
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
    }

    @Test func noColorStillDrawsWithoutColourCodes() throws {
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path), environment: ["NO_COLOR": "1"])
        try tmux.waitFor("FaceChart Patients (0)")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        let coloured = try tmux.screen(escapes: true)
        #expect(coloured.contains("Clinical flags"))
        let sequences = Self.sgrSequences(in: coloured)
        #expect(!sequences.isEmpty, "bold and underline still come through")
        #expect(!coloured.contains("38;5"))
        #expect(!sequences.contains { $0.contains(where: Self.isColour) }, "\(sequences)")
    }

    @Test func withoutNoColorTheScreenIsColoured() throws {
        // The counterpart of the NO_COLOR test: proves its assertions can fail.
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("FaceChart Patients (0)")
        try tmux.send("n")
        try tmux.waitFor("FaceChart New patient")
        let coloured = try tmux.screen(escapes: true)
        #expect(Self.sgrSequences(in: coloured).contains { $0.contains(where: Self.isColour) }, "\(coloured.debugDescription)")
    }

    /// The parameters of every `ESC [ ... m` in `text`, e.g. `[[1], [36], [0]]`.
    static func sgrSequences(in text: String) -> [[Int]] {
        var result: [[Int]] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1b}[") {
            rest = rest[start.upperBound...]
            let parameters = rest.prefix { $0.isNumber || $0 == ";" }
            rest = rest[parameters.endIndex...]
            guard rest.first == "m" else { continue }
            result.append(parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
        }
        return result
    }

    /// Foreground or background colour parameters (30-38, 40-48, 90-97, 100-107).
    static func isColour(_ parameter: Int) -> Bool {
        (30...38).contains(parameter) || (40...48).contains(parameter) || (90...97).contains(parameter)
            || (100...107).contains(parameter)
    }

    // MARK: - Helpers

    /// The anterior grid cell (41 x 21) of a stored position, which is the cell's centre in 0...1.
    private func gridCell(_ point: FacePoint) -> (column: Int, row: Int) {
        (Int((point.x * 41).rounded(.down)), Int((point.y * 21).rounded(.down)))
    }

    /// A patient added from the command line, the chart screen opened on a new Botox session.
    private func startCharting() throws -> TmuxSession { try TmuxSession.charting(in: folder.path) }
}
