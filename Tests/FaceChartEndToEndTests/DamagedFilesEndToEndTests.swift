import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// The real binary against damaged and unexpected files: every command finishes (within a
/// deadline: a FIFO never hangs one), names each file once, works on everything else and exits 0.
@Suite struct DamagedFilesEndToEndTests {
    let folder: TemporaryFolder
    let demo: String
    let data: DataFolder
    let sessions = "patients/demo-patient/sessions"
    let reviews = "patients/demo-patient/reviews"
    /// The demo's healthy signed session.
    let goodFile: String

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-damaged")
        demo = try makeDemoFolder(in: folder)
        data = DataFolder(path: demo)
        goodFile = try #require(data.sessionFiles(of: "demo-patient").first)
    }

    /// A truncated session, a copy of the good one under another date, a FIFO for a session and one for
    /// a review, and a second patient whose record is a FIFO.
    private func damage() throws -> (truncated: String, copy: String, fifo: String) {
        let bytes = try #require(data.bytes(goodFile))
        let truncated = sessions + "/20240101T000000Z-cut.json"
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: demo + "/" + truncated))
        let copy = sessions + "/20990101T000000Z-demo-glabella.json"
        try bytes.write(to: URL(fileURLWithPath: demo + "/" + copy))
        let fifo = sessions + "/20240102T000000Z-pipe.json"
        #expect(mkfifo(demo + "/" + fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: demo + "/" + reviews, withIntermediateDirectories: true)
        #expect(mkfifo(demo + "/" + reviews + "/demo-glabella.json", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: demo + "/patients/piped/sessions", withIntermediateDirectories: true)
        #expect(mkfifo(demo + "/patients/piped/patient.json", 0o600) == 0)
        return (truncated, copy, fifo)
    }

    @Test func everyReadingCommandNamesTheFilesOnceAndWorksOnTheRest() throws {
        let (truncated, copy, fifo) = try damage()
        let before = data.allPaths()
        for arguments in [["show", "demo-patient"], ["history", "demo-patient"], ["lots"], ["lots", "DEMO-LOT-01"], ["patients"]] {
            let result = try Runner.facechart(arguments, home: demo, deadline: 20)
            let context = Comment(rawValue: "\(arguments): status \(result.status)\n\(result.output)\n\(result.errors)")
            #expect(!result.timedOut, "a FIFO hung the command: \(context)")
            #expect(result.status == 0, context)
            #expect(!result.errors.looksLikeACrash, context)
            let everything = result.output + result.errors
            for file in [truncated, copy, fifo] {
                #expect(everything.components(separatedBy: file).count == 2, "\(file) named once: \(context)")
            }
            #expect(!everything.contains(goodFile), "the healthy file is not named: \(context)")
        }
        let show = try Runner.facechart(["show", "demo-patient"], home: demo)
        #expect(show.output.contains("Total 20 U in 5 points"))
        let lots = try Runner.facechart(["lots", "DEMO-LOT-01"], home: demo)
        #expect(lots.output.contains("Total: 20 U of Botox Cosmetic to 1 patient in 1 session"), "not 40 U: \(lots.output)")
        #expect(lots.output.contains("Incomplete:"))
        let history = try Runner.facechart(["history", "demo-patient"], home: demo)
        #expect(history.output.contains("Files not shown or needing a look (4)"), "\(history.output)")
        #expect(history.output.contains("named pipe (FIFO)"))
        let patients = try Runner.facechart(["patients"], home: demo)
        #expect(patients.output.contains("4 files not used"), "\(patients.output)")
        #expect(patients.errors.contains("patients/piped/patient.json cannot be read: it is a named pipe (FIFO)"))
        #expect(data.allPaths() == before, "reading changes nothing")
    }

    @Test func moveAsideMovesOnlyDamagedFilesKeepingTheirBytes() throws {
        let (truncated, copy, _) = try damage()
        let cut = try #require(data.bytes(truncated))
        let moved = try Runner.facechart(["move-aside", truncated, demo + "/" + copy], home: demo)
        #expect(moved.status == 0, "\(moved.errors)")
        #expect(moved.output.contains("Moved \(truncated) to \(sessions)/damaged/20240101T000000Z-cut.json."))
        #expect(data.bytes(sessions + "/damaged/20240101T000000Z-cut.json") == cut)
        #expect(data.bytes(truncated) == nil)
        #expect(try data.mode(sessions + "/damaged") == 0o700)

        let healthy = try Runner.facechart(["move-aside", goodFile], home: demo)
        #expect(healthy.status == 1)
        #expect(healthy.errors.contains("is not a file FaceChart reports as damaged"), "\(healthy.errors)")
        #expect(data.bytes(goodFile) != nil)
        let show = try Runner.facechart(["show", "demo-patient"], home: demo)
        #expect(!show.errors.contains(truncated) && !show.errors.contains(copy))
    }

    @Test func theReviewCommandOpensBesideADamagedFile() throws {
        _ = try damage()
        try FileManager.default.removeItem(atPath: demo + "/" + reviews + "/demo-glabella.json")
        let tmux = try TmuxSession(arguments: ["review", "demo-patient"], dataFolder: URL(fileURLWithPath: demo))
        try tmux.waitFor("day 14")
        try tmux.send("q")
        let screen = try tmux.waitFor("3 files cannot be used")
        #expect(screen.contains("M moves them aside"))
        #expect(screen.contains("! sessions/20240101T000000Z-cut.json: the file is cut short"), "\(screen)")
    }

    /// The charting screens: the patient opens with a banner naming the files, a new session is charted
    /// beside them, and M (confirmed with y) moves them into damaged/ with their bytes.
    @Test func thePatientOpensWithABannerAndMMovesTheFilesAside() throws {
        let (truncated, copy, fifo) = try damage()
        let cut = try #require(data.bytes(truncated))
        let tmux = try TmuxSession(arguments: ["demo-patient"], dataFolder: URL(fileURLWithPath: demo))
        var screen = try tmux.waitFor("4 files cannot be used")
        #expect(screen.contains("M moves them aside"))
        #expect(screen.contains("! sessions/20240101T000000Z-cut.json: the file is cut short"), "\(screen)")
        #expect(screen.contains("20 U signed"), "the healthy session is listed: \(screen)")

        try tmux.send("n")
        try tmux.waitFor("Concern / diagnosis   Glabellar lines")
        // No vial opened at this chair today: a new one, with its lot and expiry.
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.sendLiteral("C1234AB")
        try tmux.send("Tab")
        try tmux.sendLiteral("2099-12-31")
        try tmux.waitFor("Expiry (YYYY-MM-DD)   2099-12-31")
        try tmux.send("Enter")
        try tmux.waitFor("Pen 4 U · IM")
        try tmux.send("Enter")
        try tmux.waitFor("Total 4 U in 1 point")
        try tmux.send("q")
        screen = try tmux.waitFor("4 U draft")
        #expect(screen.contains("4 files cannot be used"))

        try tmux.send("M")
        try tmux.waitFor("y moves, any other key keeps them")
        try tmux.send("n")
        try tmux.waitFor("Nothing was moved.")
        #expect(data.bytes(truncated) == cut)
        try tmux.send("M")
        try tmux.waitFor("y moves")
        try tmux.send("y")
        screen = try tmux.waitFor("Moved 4 files into damaged/, unchanged.")
        #expect(!screen.contains("cannot be used"), "\(screen)")
        #expect(data.bytes(sessions + "/damaged/20240101T000000Z-cut.json") == cut)
        #expect(data.bytes(truncated) == nil && data.bytes(copy) == nil)
        let pipe = sessions + "/damaged/" + String(fifo.split(separator: "/").last!)
        #expect((try? FileManager.default.attributesOfItem(atPath: demo + "/" + pipe)[.type] as? FileAttributeType) == .typeUnknown
            || FileManager.default.fileExists(atPath: demo + "/" + pipe), "the FIFO moved as it was")
        #expect(data.sessionFiles(of: "demo-patient").count == 2, "the healthy session and the new one")
        try tmux.send("q", "q")
        try tmux.waitFor("EXIT=0")
    }
}
